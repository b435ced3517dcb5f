import { portableEd25519Suite } from '@sdk';
import { bytesToHex } from '@custos/crypto/bytes.ts';
import { canonicalBytes, type JsonValue } from '@custos/crypto/canonical-json.ts';
import { taggedBytes } from '@custos/crypto/domain-tags.ts';
import type { Genesis } from '@custos/ledger/genesis.ts';

/**
 * The genesis hash computed here, from the genesis document itself, so the
 * page never shows a hash only because the node said so. Same bytes as
 * src/ledger/genesis.ts `genesisHash` (which pulls in node:crypto suites).
 */
export function computeGenesisHash(genesis: Genesis): string {
  return bytesToHex(portableEd25519Suite.hash(taggedBytes('genesis', canonicalBytes(genesis as unknown as JsonValue))));
}
