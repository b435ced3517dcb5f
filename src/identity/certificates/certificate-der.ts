import { equalBytes } from '../../crypto/bytes.ts';

/** The signed part of a certificate and its signature, cut from the DER as received. */
export interface CertificateParts {
  /** TBSCertificate bytes exactly as received: what the signature covers. */
  readonly tbs: Uint8Array;
  /** Certificate.signatureAlgorithm (outer) DER. */
  readonly signatureAlgorithm: Uint8Array;
  /** TBSCertificate.signature (inner) DER; RFC 5280 §4.1.1.2 demands it equal the outer one. */
  readonly innerSignatureAlgorithm: Uint8Array;
  readonly signature: Uint8Array;
}

interface Element {
  readonly tag: number;
  readonly start: number;
  readonly contentStart: number;
  readonly end: number;
}

/** One DER TLV with a definite, minimally encoded length, or undefined. */
function readElement(bytes: Uint8Array, start: number, limit: number): Element | undefined {
  if (start + 2 > limit) return undefined;
  const tag = bytes[start]!;
  let length = bytes[start + 1]!;
  let contentStart = start + 2;
  if (length & 0x80) {
    const octets = length & 0x7f;
    if (octets === 0 || octets > 4 || contentStart + octets > limit || bytes[contentStart] === 0) return undefined;
    length = 0;
    for (let i = 0; i < octets; i++) length = length * 256 + bytes[contentStart + i]!;
    if (length < 0x80) return undefined;
    contentStart += octets;
  }
  const end = contentStart + length;
  return end > limit ? undefined : { tag, start, contentStart, end };
}

/**
 * Splits `Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm,
 * signatureValue }` (RFC 5280 §4.1) without re-encoding anything, because a
 * signature must be checked over the bytes that were signed, not over the
 * library's idea of them. Undefined when the structure is not there.
 */
export function splitCertificate(der: Uint8Array): CertificateParts | undefined {
  const outer = readElement(der, 0, der.length);
  if (outer?.tag !== 0x30 || outer.end !== der.length) return undefined;
  const tbs = readElement(der, outer.contentStart, outer.end);
  if (tbs?.tag !== 0x30) return undefined;
  const algorithm = readElement(der, tbs.end, outer.end);
  if (algorithm?.tag !== 0x30) return undefined;
  const signature = readElement(der, algorithm.end, outer.end);
  // BIT STRING whose first content octet (unused bits) is 0.
  if (signature?.tag !== 0x03 || signature.end !== outer.end || der[signature.contentStart] !== 0) return undefined;
  // Inside the TBS: optional [0] version, serialNumber INTEGER, signature AlgorithmIdentifier.
  let field = readElement(der, tbs.contentStart, tbs.end);
  if (field?.tag === 0xa0) field = readElement(der, field.end, tbs.end);
  if (field?.tag !== 0x02) return undefined;
  const inner = readElement(der, field.end, tbs.end);
  if (inner?.tag !== 0x30) return undefined;
  return {
    tbs: der.subarray(tbs.start, tbs.end),
    signatureAlgorithm: der.subarray(algorithm.start, algorithm.end),
    innerSignatureAlgorithm: der.subarray(inner.start, inner.end),
    signature: der.subarray(signature.contentStart + 1, signature.end),
  };
}

/** True when both algorithm identifiers are exactly `expected`. */
export function signedWith(parts: CertificateParts, expected: Uint8Array): boolean {
  return equalBytes(parts.signatureAlgorithm, expected) && equalBytes(parts.innerSignatureAlgorithm, expected);
}
