import { randomBytes } from 'node:crypto';
import { bytesToHex } from '../../crypto/bytes.ts';

/**
 * A certificate serial as Custos compares it: lower-case hex without leading
 * zeros. Undefined for anything that is not a positive integer of at most
 * 20 octets (RFC 5280 §4.1.2.2).
 */
export function normalizeSerial(serial: string): string | undefined {
  if (!/^[0-9a-fA-F]+$/.test(serial)) return undefined;
  const trimmed = serial.toLowerCase().replace(/^0+/, '');
  if (trimmed === '' || trimmed.length > 40) return undefined;
  return trimmed;
}

/**
 * A fresh random serial: 16 bytes, top bits `01` so it is positive and keeps
 * its length. Randomness is fine here — issuing happens at a CA, never while
 * a block is executed.
 */
export function newSerialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x3f) | 0x40;
  return bytesToHex(bytes);
}
