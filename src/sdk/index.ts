/**
 * The Custos SDK: build, sign and submit transactions; fetch proofs and check
 * them locally. Portable — no Node-only imports — so a browser can use it.
 */
export { createCustosClient, CustosApiError, type CustosClient, type SubmitResponse } from './client.ts';
export { createTransaction, signTransactionWith, webCryptoSigner, randomNonce, type Signer, type TransactionRequest } from './transactions.ts';
export { portableEd25519Suite } from './portable-suite.ts';
export { verifyTransactionProof, type ProofTrust, type ProofVerdict } from '../ledger/verify-proof.ts';
export { verifyConsistency, verifyInclusion } from '../merkle/verify.ts';
export type { TransactionProof } from '../ledger/proof.ts';
export type { SignedTransaction, TransactionBody } from '../ledger/transaction.ts';
