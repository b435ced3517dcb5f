import { isNotFound, nodeApi, type TransactionProof } from '../api/node-api.ts';

/**
 * The proof for an id that is either a txId or a notarized document's hash.
 * Resolves to null when neither is known. The node only carries the proof;
 * the caller checks it.
 */
export async function fetchProofForId(id: string): Promise<TransactionProof | null> {
  try {
    return await nodeApi.proof(id);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  try {
    const anchor = await nodeApi.notaryAnchor(id);
    return await nodeApi.proof(anchor.txId);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}
