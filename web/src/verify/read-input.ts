import type { TransactionProof } from '@sdk';

/** What a person pasted or scanned into the verification page. */
export type VerifyInput =
  | { kind: 'empty' }
  | { kind: 'proof'; proof: TransactionProof }
  | { kind: 'id'; id: string }
  /** A published document's verification code, e.g. `3F2A-91C0-7B44` (GET /v1/prison/disclosures/:code). */
  | { kind: 'code'; code: string }
  | { kind: 'bad-json'; reason: string }
  | { kind: 'unknown' };

const hex64 = /^[0-9a-f]{64}$/;
const disclosureCode = /^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/;

/**
 * Reads a proof JSON, a bare txId or document hash, a verification code
 * (the URL in the console's QR codes: …/verify?tx=<id> or …/tx/<id>), or a
 * published document's code as printed on it (…/verify?code=3F2A-91C0-7B44).
 */
export function readVerifyInput(text: string): VerifyInput {
  const trimmed = text.trim();
  if (trimmed.length === 0) return { kind: 'empty' };
  if (trimmed.startsWith('{')) {
    try {
      const value = JSON.parse(trimmed) as unknown;
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return { kind: 'bad-json', reason: 'not an object' };
      return { kind: 'proof', proof: value as TransactionProof };
    } catch (error) {
      return { kind: 'bad-json', reason: error instanceof Error ? error.message : String(error) };
    }
  }
  const lower = trimmed.toLowerCase();
  if (hex64.test(lower)) return { kind: 'id', id: lower };
  if (disclosureCode.test(trimmed.toUpperCase())) return { kind: 'code', code: trimmed.toUpperCase() };
  try {
    const url = new URL(trimmed);
    const fromQuery = url.searchParams.get('tx') ?? url.searchParams.get('doc');
    if (fromQuery !== null && hex64.test(fromQuery.toLowerCase())) return { kind: 'id', id: fromQuery.toLowerCase() };
    const code = url.searchParams.get('code')?.toUpperCase();
    if (code !== undefined && disclosureCode.test(code)) return { kind: 'code', code };
    const fromPath = /\/tx\/([0-9a-fA-F]{64})\/?$/.exec(url.pathname)?.[1];
    if (fromPath !== undefined) return { kind: 'id', id: fromPath.toLowerCase() };
  } catch {
    // Not a URL either.
  }
  return { kind: 'unknown' };
}

/** The verification code printed as a QR code: opening it verifies the transaction. */
export function verificationUrl(origin: string, txId: string): string {
  return `${origin}/verify?tx=${txId}`;
}
