/** What the console shows of a CA certificate: its SHA-256 fingerprint and validity. */
export interface CertificateFacts {
  fingerprint: string;
  notBefore: number;
  notAfter: number;
}

function pemToDer(pem: string): Uint8Array<ArrayBuffer> {
  const base64 = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

/** One DER element at `offset`: tag, where its content starts, and its length. */
function element(der: Uint8Array, offset: number): { tag: number; start: number; end: number } {
  const tag = der[offset] ?? 0;
  let length = der[offset + 1] ?? 0;
  let start = offset + 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    length = 0;
    for (let i = 0; i < bytes; i += 1) length = length * 256 + (der[start + i] ?? 0);
    start += bytes;
  }
  return { tag, start, end: start + length };
}

function readTime(der: Uint8Array, at: { tag: number; start: number; end: number }): number {
  const text = new TextDecoder().decode(der.subarray(at.start, at.end));
  // UTCTime YYMMDDHHMMSSZ (RFC 5280 §4.1.2.5.1: YY < 50 is 20YY) or GeneralizedTime YYYYMMDDHHMMSSZ.
  const full = at.tag === 0x17 ? `${Number(text.slice(0, 2)) < 50 ? '20' : '19'}${text}` : text;
  return Date.UTC(Number(full.slice(0, 4)), Number(full.slice(4, 6)) - 1, Number(full.slice(6, 8)), Number(full.slice(8, 10)), Number(full.slice(10, 12)), Number(full.slice(12, 14)));
}

/**
 * Reads an X.509 certificate's validity by walking its DER (Certificate →
 * tbsCertificate → [version], serial, signature, issuer, validity) and hashes
 * the DER with WebCrypto: a few lines instead of an X.509 library in the bundle.
 */
export async function certificateFacts(pem: string): Promise<CertificateFacts> {
  const der = pemToDer(pem);
  const certificate = element(der, 0);
  const tbs = element(der, certificate.start);
  let cursor = tbs.start;
  if (der[cursor] === 0xa0) cursor = element(der, cursor).end; // explicit version
  for (let skip = 0; skip < 3; skip += 1) cursor = element(der, cursor).end; // serial, signature, issuer
  const validity = element(der, cursor);
  const notBefore = element(der, validity.start);
  const notAfter = element(der, notBefore.end);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', der));
  const fingerprint = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join(':').toUpperCase();
  return { fingerprint, notBefore: readTime(der, notBefore), notAfter: readTime(der, notAfter) };
}
