import type { CryptoSuite, SigningKey } from '../crypto/suite.ts';
import { issueMemberCertificate } from '../identity/index.ts';
import { signTransaction, type SignedTransaction } from '../ledger/transaction.ts';
import { loadOrgCa } from './ca-store.ts';

export interface EnrollmentRequest {
  dataDir: string;
  org: string;
  memberId: string;
  roles: string[];
  attributes?: Record<string, string>;
  now: number;
  /** Certificate lifetime; default one year. */
  validForMs?: number;
  /** The enroll transaction's nonce before it is made safe (≤ 64 of [A-Za-z0-9_-]). */
  nonce: string;
}

/**
 * A fresh key, a certificate for it from the member's organization CA (held
 * in `dataDir`), and the `identity.enroll` transaction signed with the new
 * key — what people and machine signers alike need before they can sign.
 */
export async function certifiedEnrollment(suite: CryptoSuite, network: string, request: EnrollmentRequest): Promise<{ signingKey: SigningKey; certificate: string; tx: SignedTransaction }> {
  const ca = loadOrgCa(request.dataDir, request.org);
  const signingKey = suite.generateSigningKey();
  const certificate = await issueMemberCertificate({
    ca,
    memberId: request.memberId,
    publicKey: signingKey.publicKey,
    roles: request.roles,
    ...(request.attributes === undefined ? {} : { attributes: request.attributes }),
    notBefore: new Date(request.now - 60_000),
    notAfter: new Date(request.now + (request.validForMs ?? 365 * 24 * 3600_000)),
  });
  const nonce = request.nonce.slice(0, 64).replace(/[^A-Za-z0-9_-]/g, '_');
  const tx = signTransaction({ v: 1, network, contract: 'identity', fn: 'enroll', args: { certificate }, signer: signingKey.publicKey, nonce, ts: request.now }, signingKey);
  return { signingKey, certificate, tx };
}
