/** Byte helpers shared by every layer. Portable: no Node-only APIs. */

const textEncoder = new TextEncoder();
const textDecoder = new TextDecoder('utf-8', { fatal: true });

export function utf8ToBytes(text: string): Uint8Array {
  return textEncoder.encode(text);
}

export function bytesToUtf8(bytes: Uint8Array): string {
  return textDecoder.decode(bytes);
}

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * `parts… || UTF-8(text)` in one allocation. PERF: admission and commit
 * build a hashed byte string per transaction from a tag, ids and canonical
 * JSON text; encoding the text apart and concatenating allocated it twice.
 * Most text is ASCII, so an exact-size buffer is tried first.
 */
export function concatBytesAndUtf8(parts: readonly Uint8Array[], text: string): Uint8Array {
  let head = 0;
  for (const part of parts) head += part.length;
  let out = new Uint8Array(head + text.length);
  if (textEncoder.encodeInto(text, out.subarray(head)).read !== text.length) {
    out = new Uint8Array(head + text.length * 3);
    out = out.subarray(0, head + textEncoder.encodeInto(text, out.subarray(head)).written);
  }
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Largest input built in the shared buffer; longer ones get their own. */
const transientLimit = 64 * 1024;
let transient = new Uint8Array(4096);

/**
 * `concatBytesAndUtf8`, written into one buffer that every caller shares:
 * the result is valid only until the next call, so a caller hashes or
 * verifies it at once and keeps nothing. PERF: each transaction was hashed
 * from three to five freshly allocated byte strings (signing bytes, leaf
 * inputs, state entries); each is a backing store V8 must create, account
 * for and later free, on the admission workers and the committing thread.
 */
export function transientBytesAndUtf8(parts: readonly Uint8Array[], text: string): Uint8Array {
  let head = 0;
  let overlaps = false;
  for (const part of parts) {
    head += part.length;
    // A part that is itself a transient result would be overwritten while it is copied.
    overlaps ||= part.buffer === transient.buffer;
  }
  const worst = head + text.length * 3;
  if (worst > transientLimit || overlaps) return concatBytesAndUtf8(parts, text);
  if (worst > transient.length) transient = new Uint8Array(transientLimit);
  let offset = 0;
  for (const part of parts) {
    transient.set(part, offset);
    offset += part.length;
  }
  const { written } = textEncoder.encodeInto(text, transient.subarray(head));
  return transient.subarray(0, head + written);
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

const hexAlphabet = '0123456789abcdef';

const hexDigitCodes = Uint8Array.from(hexAlphabet, (digit) => digit.charCodeAt(0));

let hexDigits = new Uint8Array(128);
function reusedHexDigits(length: number): Uint8Array {
  if (hexDigits.length < length) hexDigits = new Uint8Array(transientLimit);
  return hexDigits.subarray(0, length);
}

export function bytesToHex(bytes: Uint8Array): string {
  // PERF: one flat string from the digits' codes; concatenating two
  // characters per byte built a 32-deep rope per txId, flattened again on
  // first use as a map key (~0.5 µs per transaction). The digits go into a
  // reused buffer: a fresh one per call was an ArrayBuffer per txId.
  const digits = bytes.length * 2 > transientLimit ? new Uint8Array(bytes.length * 2) : reusedHexDigits(bytes.length * 2);
  for (let i = 0; i < bytes.length; i++) {
    digits[2 * i] = hexDigitCodes[bytes[i]! >> 4]!;
    digits[2 * i + 1] = hexDigitCodes[bytes[i]! & 15]!;
  }
  return textDecoder.decode(digits);
}

const hexValues = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) {
  hexValues['0123456789abcdef'.charCodeAt(i)] = i;
  hexValues['0123456789ABCDEF'.charCodeAt(i)] = i;
}

function hexValue(code: number): number {
  return code < 128 ? hexValues[code]! : -1;
}

/** Returns undefined for anything that is not an even-length lowercase/uppercase hex string. */
export function hexToBytes(hex: string): Uint8Array | undefined {
  if (hex.length % 2 !== 0) return undefined;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) {
    const high = hexValue(hex.charCodeAt(i * 2));
    const low = hexValue(hex.charCodeAt(i * 2 + 1));
    if (high < 0 || low < 0) return undefined;
    out[i] = (high << 4) | low;
  }
  return out;
}

/** `hexToBytes` into `out` at `offset`; false (and `out` partly written) when `hex` is not hex. */
export function hexToBytesInto(hex: string, out: Uint8Array, offset: number): boolean {
  if (hex.length % 2 !== 0) return false;
  for (let i = 0; i < hex.length / 2; i++) {
    const high = hexValue(hex.charCodeAt(i * 2));
    const low = hexValue(hex.charCodeAt(i * 2 + 1));
    if (high < 0 || low < 0) return false;
    out[offset + i] = (high << 4) | low;
  }
  return true;
}

const b64urlAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** base64url digit value by char code; 255 for anything else. PERF: ~10× a Map lookup per character. */
const b64urlLookup = new Uint8Array(128).fill(255);
for (let i = 0; i < b64urlAlphabet.length; i++) b64urlLookup[b64urlAlphabet.charCodeAt(i)] = i;

/** Base64url without padding (RFC 4648 §5), the encoding of every key and signature in Custos JSON. */
export function bytesToBase64url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += b64urlAlphabet[n >> 18]! + b64urlAlphabet[(n >> 12) & 63]! + b64urlAlphabet[(n >> 6) & 63]! + b64urlAlphabet[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += b64urlAlphabet[n >> 18]! + b64urlAlphabet[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += b64urlAlphabet[n >> 18]! + b64urlAlphabet[(n >> 12) & 63]! + b64urlAlphabet[(n >> 6) & 63]!;
  }
  return out;
}

/**
 * Strict base64url decoding: no padding, no whitespace, and the unused low
 * bits of the last character must be zero, so every byte string has exactly
 * one encoding (a signature cannot be re-spelled to get a new txId).
 */
export function base64urlToBytes(text: string): Uint8Array | undefined {
  const out = new Uint8Array(base64urlDecodedLength(text));
  return decodeBase64url(text, out, 0) < 0 ? undefined : out;
}

/** How many bytes `text` decodes to, if it is base64url. */
function base64urlDecodedLength(text: string): number {
  return Math.floor((text.length * 3) / 4);
}

/** True when `base64urlToBytes(text)` would decode it; allocates nothing. */
export function isBase64url(text: string): boolean {
  return decodeBase64url(text, undefined, 0) >= 0;
}

/**
 * `base64urlToBytes` into `out` at `offset`: the number of bytes written,
 * or -1 when `text` is not base64url or does not fit.
 */
export function base64urlToBytesInto(text: string, out: Uint8Array, offset: number): number {
  if (offset + base64urlDecodedLength(text) > out.length) return -1;
  return decodeBase64url(text, out, offset);
}

/** Decodes into `out` (or only checks, without `out`); -1 when not base64url. */
function decodeBase64url(text: string, out: Uint8Array | undefined, offset: number): number {
  if (text.length % 4 === 1) return -1;
  let buffer = 0;
  let bits = 0;
  let o = offset;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? b64urlLookup[code]! : 255;
    if (value === 255) return -1;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      if (out !== undefined) out[o] = (buffer >> bits) & 0xff;
      o++;
    }
  }
  if ((buffer & ((1 << bits) - 1)) !== 0) return -1;
  return o - offset;
}
