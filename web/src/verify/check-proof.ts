import { portableEd25519Suite, verifyTransactionProof, type ProofVerdict, type TransactionProof } from '@sdk';
import type { NetworkInfo } from '../api/node-api.ts';
import { computeGenesisHash } from './genesis-hash.ts';

export interface ProofCheckOutcome {
  verdict: ProofVerdict;
  /** Genesis hash computed in the browser from the genesis the keys came from. */
  genesisHash: string;
  /** False when the node's reported genesis hash differs from the computed one. */
  genesisHashMatches: boolean;
}

export const browserSuite = portableEd25519Suite;

/** Whether this browser can check proofs of the network (only the Ed25519/SHA-256 suite is portable today). */
export function isSuiteSupported(network: NetworkInfo): boolean {
  return network.genesis.suite === browserSuite.id;
}

/** Checks a proof in the browser against the keys published in the network's genesis. */
export function checkProof(proof: TransactionProof, network: NetworkInfo): ProofCheckOutcome {
  const { genesis } = network;
  const verdict = verifyTransactionProof(proof, { network: genesis.network, orderers: genesis.orderers, nodes: genesis.nodes }, browserSuite);
  const genesisHash = computeGenesisHash(genesis);
  return { verdict, genesisHash, genesisHashMatches: genesisHash === network.genesisHash };
}
