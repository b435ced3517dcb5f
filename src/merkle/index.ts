/**
 * The merkle layer: an RFC 9162 (Certificate Transparency v2) Merkle log and
 * its proofs. Pure: the hash function and the node store are arguments; no IO.
 * `verify.ts` is portable and is what a browser imports to check proofs.
 */
export { emptyRoot, leafHash, leafHashOfPartsInto, nodeHash } from './hashing.ts';
export { inclusionProofFromLeafHashes, merkleTreeHash, merkleTreeHashInPlace } from './tree-hash.ts';
export type { MerkleNodeStore } from './node-store.ts';
export { createMemoryNodeStore } from './memory-node-store.ts';
export { createMerkleLog, type MerkleLog, type MerkleLogOptions } from './merkle-log.ts';
export { verifyConsistency, verifyInclusion } from './verify.ts';
