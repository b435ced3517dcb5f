import { base64urlToBytes } from '../../crypto/bytes.ts';
import type { CryptoSuite } from '../../crypto/suite.ts';
import { custosError } from '../../errors/custos-error.ts';
import { issueMemberCertificate, type OrgCa } from '../../identity/index.ts';
import type { MemberRecord } from '../../runtime/system/directory.ts';
import { keyPossessionBytes } from './key-possession.ts';
import type { PossessionChallenges } from './possession-challenges.ts';

/** Longest life of a browser key's certificate; it never outlives the member's current one either. */
export const browserKeyMaxValidityMs = 365 * 24 * 3600_000;

export interface BrowserKeyRequest {
  /** `ed25519:<base64url of the 32-byte public key>`, as WebCrypto exports it raw. */
  publicKey: string;
  /** The challenge the node issued to this member. */
  challenge: string;
  /** base64url Ed25519 signature of `keyPossessionBytes(…)` by `publicKey`. */
  signature: string;
}

export interface CertifyBrowserKeyParams {
  request: BrowserKeyRequest;
  /** The signed-in member, in good standing (resolved by the caller). */
  member: MemberRecord;
  network: string;
  suite: Pick<CryptoSuite, 'id' | 'verify' | 'isPublicKey'>;
  challenges: PossessionChallenges;
  /** The member's organization CA, or undefined when this node does not hold it. */
  ca: OrgCa | undefined;
  /** True when the key is already enrolled on the ledger (as anyone). */
  isEnrolled: (publicKey: string) => boolean;
  now: number;
}

/** The holder a possession challenge is bound to. */
export const challengeHolder = (member: Pick<MemberRecord, 'org' | 'memberId'>) => `${member.org}/${member.memberId}`;

/**
 * The organization's CA certifies a key the member's browser holds, for the
 * same member id, roles and attributes as the signed-in member — once the key
 * has signed the node's challenge. The node gets no private key and signs no
 * transaction: the browser enrolls the certificate itself (`identity.enroll`,
 * signed by the new key), and from then on signs with it.
 *
 * @throws AUTH_BROWSER_KEY_MALFORMED, AUTH_BROWSER_KEY_CHALLENGE_INVALID,
 *   AUTH_BROWSER_KEY_PROOF_INVALID, AUTH_BROWSER_KEY_ENROLLED, AUTH_BROWSER_KEY_NO_CA
 */
export async function certifyBrowserKey(params: CertifyBrowserKeyParams): Promise<{ certificate: string; notAfter: number }> {
  const { request, member, suite } = params;
  // WebCrypto has Ed25519 but no SM2: a national-suite network cannot use browser keys.
  if (suite.id !== 'ed25519-sha256' || !request.publicKey.startsWith('ed25519:') || !suite.isPublicKey(request.publicKey)) {
    throw custosError('AUTH_BROWSER_KEY_MALFORMED', 'publicKey must be ed25519:<base64url of 32 bytes> on an Ed25519 network', { suite: suite.id });
  }
  const signature = base64urlToBytes(request.signature);
  if (signature === undefined || signature.length !== 64) throw custosError('AUTH_BROWSER_KEY_PROOF_INVALID', 'signature must be 64 bytes, base64url');
  if (!params.challenges.take(request.challenge, challengeHolder(member))) {
    throw custosError('AUTH_BROWSER_KEY_CHALLENGE_INVALID', 'ask for a new challenge: this one is unknown, expired, already used or was issued to another member');
  }
  const signed = keyPossessionBytes({ v: 1, network: params.network, org: member.org, memberId: member.memberId, publicKey: request.publicKey, challenge: request.challenge });
  if (!suite.verify(request.publicKey, signed, signature)) {
    throw custosError('AUTH_BROWSER_KEY_PROOF_INVALID', 'the signature is not by this key over this member’s challenge');
  }
  if (params.isEnrolled(request.publicKey)) throw custosError('AUTH_BROWSER_KEY_ENROLLED', 'this key is already enrolled; generate a new one');
  if (params.ca === undefined) throw custosError('AUTH_BROWSER_KEY_NO_CA', `this node does not hold the CA of ${member.org}; use your organization’s node`, { org: member.org });
  const notAfter = Math.min(member.notAfter, params.now + browserKeyMaxValidityMs);
  const certificate = await issueMemberCertificate({
    ca: params.ca,
    memberId: member.memberId,
    publicKey: request.publicKey,
    roles: member.roles,
    attributes: member.attributes,
    notBefore: new Date(params.now - 60_000),
    notAfter: new Date(notAfter),
  });
  return { certificate, notAfter };
}
