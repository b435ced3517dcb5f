// Shared test helpers: SHA-256 from the default suite, hex in and out, and a
// log built over a memory store.
import assert from 'node:assert/strict';
import { bytesToHex, hexToBytes } from '../../crypto/bytes.ts';
import { ed25519Suite } from '../../crypto/ed25519-suite.ts';
import type { HashFn } from '../../crypto/suite.ts';
import { copyBytes } from '../copy-bytes.ts';
import { createMemoryNodeStore } from '../memory-node-store.ts';
import { createMerkleLog, type MerkleLog } from '../merkle-log.ts';
import type { MerkleNodeStore } from '../node-store.ts';

export const sha256: HashFn = ed25519Suite.hash;

export function hex(text: string): Uint8Array {
  const bytes = hexToBytes(text);
  assert.ok(bytes !== undefined, `not hex: ${text}`);
  return bytes;
}

export function toHex(bytes: Uint8Array): string {
  return bytesToHex(bytes);
}

export function toHexList(list: readonly Uint8Array[]): string[] {
  return list.map(bytesToHex);
}

/** A log over a fresh memory store with every `leaves` entry appended. */
export function buildLog(leaves: readonly Uint8Array[]): { log: MerkleLog; store: MerkleNodeStore & { readonly nodeCount: number } } {
  const store = createMemoryNodeStore();
  const log = createMerkleLog({ hash: sha256, store });
  for (const leaf of leaves) log.append(leaf);
  return { log, store };
}

/** Leaf data 0..count-1 as 4-byte big-endian integers. */
export function numberedLeaves(count: number): Uint8Array[] {
  const leaves: Uint8Array[] = [];
  for (let i = 0; i < count; i++) leaves.push(new Uint8Array([i >>> 24, (i >>> 16) & 255, (i >>> 8) & 255, i & 255]));
  return leaves;
}

/** A copy of `bytes` with bit `bit` (0 = most significant bit of byte 0) flipped. */
export function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const copy = copyBytes(bytes);
  copy[Math.floor(bit / 8)]! ^= 0x80 >>> bit % 8;
  return copy;
}
