import { requestJson } from './http.ts';

export interface StateDocument<T> {
  collection: string;
  id: string;
  doc: T;
  version: number;
  height: number;
}

/** Reads of the world state: one document, or an index query (public, like every ledger read). */
export const stateApi = {
  get: <T>(collection: string, id: string) => requestJson<StateDocument<T>>(`/v1/state/${encodeURIComponent(collection)}/${encodeURIComponent(id)}`),
  query: <T>(collection: string, index: string, equals: readonly (string | number | boolean | null)[] = [], limit = 200) =>
    requestJson<{ documents: StateDocument<T>[] }>(
      `/v1/state/${encodeURIComponent(collection)}?index=${encodeURIComponent(index)}&equals=${encodeURIComponent(JSON.stringify(equals))}&limit=${limit}`,
    ).then((r) => r.documents),
};
