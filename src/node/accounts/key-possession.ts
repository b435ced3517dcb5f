import { canonicalBytes } from '../../crypto/canonical-json.ts';
import { domainTags, taggedBytes } from '../../crypto/domain-tags.ts';

/**
 * Domain tag of a key-possession proof. It can never begin a transaction's,
 * header's or checkpoint's signing bytes (`custos/v1/transaction\0…`), so a
 * possession signature is never a valid signature of anything on the ledger.
 */
export const keyPossessionTag = domainTags.keyPossession;

/**
 * What a member's new key signs to show the node it holds the private key
 * before the organization's CA certifies it (the role of a CSR's signature):
 * the network, who is asking, the key, and a single-use challenge the node
 * issued to that signed-in member.
 */
export interface KeyPossessionStatement {
  v: 1;
  network: string;
  org: string;
  memberId: string;
  publicKey: string;
  challenge: string;
}

/**
 * `"custos/v1/key-possession" || 0x00 || JCS(statement)`: the bytes the key
 * signs. Portable (no Node-only imports): the console builds them in the
 * browser, the node rebuilds them to verify.
 */
export function keyPossessionBytes(statement: KeyPossessionStatement): Uint8Array {
  const { v, network, org, memberId, publicKey, challenge } = statement;
  return taggedBytes('keyPossession', canonicalBytes({ v, network, org, memberId, publicKey, challenge }));
}
