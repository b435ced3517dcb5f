import { requestJson } from '../api/http.ts';
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

/**
 * The proof of the anchor of a published document (a court ruling, a public
 * notice) by the code printed on it, or null when no document has that code.
 * The node says which hash the code stands for; the proof, checked by the
 * caller, says that hash was anchored.
 */
export async function fetchProofForCode(code: string): Promise<TransactionProof | null> {
  try {
    return (await requestJson<{ proof: TransactionProof }>(`/v1/prison/disclosures/${encodeURIComponent(code)}`)).proof;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}
