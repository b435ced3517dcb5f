// Keys and CAs shared by the certificate tests. Not a test file itself (the
// runner picks up *.test.ts only) and not used outside tests.
import { hexToBytes } from '../../crypto/bytes.ts';
import { ed25519Suite } from '../../crypto/ed25519-suite.ts';
import type { SigningKey } from '../../crypto/suite.ts';
import { createOrgCa, type OrgCa } from './create-org-ca.ts';

// PKCS#8 of an Ed25519 key is this header and the 32-byte seed (RFC 8410 §7).
const pkcs8Header = '302e020100300506032b657004220420';

/** A fixed Ed25519 key, the seed being `byte` repeated: the same key in every run. */
export function fixedSigningKey(byte: number): SigningKey {
  const seed = byte.toString(16).padStart(2, '0').repeat(32);
  return ed25519Suite.signingKeyFromPkcs8(hexToBytes(pkcs8Header + seed)!);
}

export const at = (iso: string): Date => new Date(iso);

/** CA validity used throughout: 2025–2035. */
export const caPeriod = { notBefore: at('2025-01-01T00:00:00Z'), notAfter: at('2035-01-01T00:00:00Z') } as const;
/** Member validity used throughout: 2026 only. */
export const memberPeriod = { notBefore: at('2026-01-01T00:00:00Z'), notAfter: at('2027-01-01T00:00:00Z') } as const;

export function createTestCa(org: string, keyByte: number, serialNumber = '01'): Promise<OrgCa> {
  return createOrgCa({ org, signingKey: fixedSigningKey(keyByte), serialNumber, ...caPeriod });
}
