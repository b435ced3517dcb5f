import { isNotFound, nodeApi } from '../../api/node-api.ts';

export type SearchOutcome = { kind: 'found'; path: string } | { kind: 'not-found' } | { kind: 'bad-query' };

/** A block height, a txId or a notarized document's hash → the page that shows it. */
export async function resolveSearch(query: string): Promise<SearchOutcome> {
  const q = query.trim().toLowerCase();
  if (/^\d{1,15}$/.test(q)) {
    const height = Number(q);
    if (height < 1) return { kind: 'not-found' };
    try {
      await nodeApi.block(height);
      return { kind: 'found', path: `/blocks/${height}` };
    } catch (error) {
      if (isNotFound(error)) return { kind: 'not-found' };
      throw error;
    }
  }
  if (!/^[0-9a-f]{64}$/.test(q)) return { kind: 'bad-query' };
  try {
    await nodeApi.transaction(q);
    return { kind: 'found', path: `/tx/${q}` };
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  try {
    const anchor = await nodeApi.notaryAnchor(q);
    return { kind: 'found', path: `/tx/${anchor.txId}` };
  } catch (error) {
    if (isNotFound(error)) return { kind: 'not-found' };
    throw error;
  }
}
