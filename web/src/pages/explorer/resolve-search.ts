import { isNotFound, nodeApi } from '../../api/node-api.ts';
import { procedureApi } from '../../procedures/procedure-api.ts';

export type SearchOutcome = { kind: 'found'; path: string } | { kind: 'not-found' } | { kind: 'bad-query' };

/**
 * A block height, a case id, a txId or a notarized document's hash → the page
 * that shows it. A 64-hex id may be a case id (the txId that opened the case)
 * or a txId: for a member (`cases`) a case opens the case page, otherwise the
 * transaction page; visitors, whom the case page does not admit, get the
 * transaction page either way.
 */
export async function resolveSearch(query: string, options: { cases?: boolean } = {}): Promise<SearchOutcome> {
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
  if (options.cases === true) {
    try {
      await procedureApi.case(q);
      return { kind: 'found', path: `/cases/${q}` };
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
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
