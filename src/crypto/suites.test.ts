// Both crypto suites behind the CryptoSuite interface: sign/verify, refusals
// that must be `false` and never a throw, PKCS#8 round trips, and what the
// signatures are on the wire (pure Ed25519; SM2 with which distinguishing ID).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { isCustosError } from '../errors/custos-error.ts';
import { base64urlToBytes, bytesToBase64url, bytesToHex, hexToBytes, utf8ToBytes } from './bytes.ts';
import { ed25519Suite } from './ed25519-suite.ts';
import { sm2Suite } from './sm2-suite.ts';
import type { CryptoSuite, SigningKey } from './suite.ts';
import { getSuite, suiteIds } from './suites.ts';

const fcSeed = process.env['FC_SEED'] !== undefined && process.env['FC_SEED'] !== '' ? Number(process.env['FC_SEED']) : Date.now() % 2_147_483_647;

function assertProperty<T>(property: fc.IProperty<T>, numRuns = 200): void {
  try {
    fc.assert(property, { seed: fcSeed, numRuns });
  } catch (error: unknown) {
    assert.fail(`FC_SEED=${String(fcSeed)} (replay: FC_SEED=${String(fcSeed)} npm test -- src/crypto/suites)\n${error instanceof Error ? error.message : String(error)}`);
  }
}

function throwsCode(run: () => unknown, code: string, message: string): void {
  assert.throws(run, (error: unknown) => isCustosError(error) && error.code === code, message);
}

/** A key as nodes use it: generated, written as PKCS#8, read back (see the SM2 note below). */
function loadedKey(suite: CryptoSuite): SigningKey {
  return suite.signingKeyFromPkcs8(suite.generateSigningKey().exportPkcs8());
}

function flipBit(bytes: Uint8Array, index: number): Uint8Array {
  const out = bytes.slice();
  out[index % out.length]! ^= 1 << (index % 8);
  return out;
}

const message = utf8ToBytes('custos/v1/transaction\u0000{"v":1}');
const suites = [ed25519Suite, sm2Suite];

test('getSuite names every suite; unknown ids, including prototype names, are CRYPTO_UNKNOWN_SUITE', () => {
  assert.deepEqual(suiteIds, ['ed25519-sha256', 'sm2-sm3']);
  assert.equal(getSuite('ed25519-sha256'), ed25519Suite);
  assert.equal(getSuite('sm2-sm3'), sm2Suite);
  for (const id of ['', 'ed25519', 'ED25519-SHA256', 'sm2', '__proto__', 'toString', 'constructor', 'hasOwnProperty']) {
    throwsCode(() => getSuite(id), 'CRYPTO_UNKNOWN_SUITE', JSON.stringify(id));
  }
});

for (const suite of suites) {
  test(`${suite.id}: a key signs and its signature verifies; public key names the suite`, () => {
    const key = loadedKey(suite);
    assert.ok(key.publicKey.startsWith(`${suite.keyPrefix}:`), key.publicKey);
    assert.equal(suite.isPublicKey(key.publicKey), true);
    const sig = key.sign(message);
    assert.equal(suite.verify(key.publicKey, message, sig), true);
    assert.equal(suite.verify(key.publicKey, new Uint8Array(0), key.sign(new Uint8Array(0))), true, 'empty message');
  });

  test(`${suite.id}: wrong key, wrong message or changed signature fails`, () => {
    const key = loadedKey(suite);
    const other = loadedKey(suite);
    const sig = key.sign(message);
    assert.equal(suite.verify(other.publicKey, message, sig), false, 'another key');
    assert.equal(suite.verify(key.publicKey, utf8ToBytes('custos/v1/transaction\u0000{"v":2}'), sig), false, 'another message');
    assert.equal(suite.verify(key.publicKey, message.subarray(1), sig), false, 'message missing its first byte');
    for (let i = 0; i < sig.length * 8; i += 7) assert.equal(suite.verify(key.publicKey, message, flipBit(sig, i)), false, `signature bit ${String(i)} flipped`);
    assert.equal(suite.verify(key.publicKey, message, sig.subarray(0, sig.length - 1)), false, 'truncated');
    assert.equal(suite.verify(key.publicKey, message, new Uint8Array([...sig, 0])), false, 'extended');
    assert.equal(suite.verify(key.publicKey, message, new Uint8Array(0)), false, 'empty');
    assert.equal(suite.verify(key.publicKey, message, new Uint8Array(sig.length)), false, 'zeros');
  });

  test(`${suite.id}: malformed public keys make verify false and isPublicKey false, never a throw`, () => {
    const key = loadedKey(suite);
    const sig = key.sign(message);
    const raw = base64urlToBytes(key.publicKey.slice(suite.keyPrefix.length + 1))!;
    const otherSuite = suite === ed25519Suite ? sm2Suite : ed25519Suite;
    const malformed = [
      '',
      `${suite.keyPrefix}:`,
      `${suite.keyPrefix}`,
      `${suite.keyPrefix}:!!!`,
      `${suite.keyPrefix}:${bytesToBase64url(raw.subarray(1))}`,
      `${suite.keyPrefix}:${bytesToBase64url(new Uint8Array([...raw, 0]))}`,
      `${suite.keyPrefix}:${bytesToBase64url(raw)}=`,
      `${suite.keyPrefix.toUpperCase()}:${bytesToBase64url(raw)}`,
      ` ${key.publicKey}`,
      bytesToBase64url(raw),
      loadedKey(otherSuite).publicKey,
      `${suite.keyPrefix}:${'A'.repeat(100_000)}`,
    ];
    for (const publicKey of malformed) {
      assert.equal(suite.isPublicKey(publicKey), false, `isPublicKey ${publicKey.slice(0, 60)}`);
      assert.equal(suite.verify(publicKey, message, sig), false, `verify ${publicKey.slice(0, 60)}`);
    }
  });

  test(`${suite.id}: verify is false, never a throw, for arbitrary keys and signatures (property)`, () => {
    const key = loadedKey(suite);
    const anyKey = fc.oneof(fc.string(), fc.string().map((s) => `${suite.keyPrefix}:${s}`), fc.uint8Array({ maxLength: 80 }).map((b) => `${suite.keyPrefix}:${bytesToBase64url(b)}`), fc.constant(key.publicKey));
    assertProperty(
      fc.property(anyKey, fc.uint8Array({ maxLength: 100 }), (publicKey, sig) => {
        // A random byte string is never a valid signature, even under the real key.
        return suite.verify(publicKey, message, sig) === false;
      }),
    );
  });

  test(`${suite.id}: PKCS#8 round trip keeps the key; garbage PKCS#8 is CRYPTO_BAD_KEY`, () => {
    const key = loadedKey(suite);
    const der = key.exportPkcs8();
    const again = suite.signingKeyFromPkcs8(der);
    assert.equal(again.publicKey, key.publicKey);
    assert.deepEqual(again.exportPkcs8(), der, 'export is stable');
    assert.equal(suite.verify(key.publicKey, message, again.sign(message)), true, 'the reloaded key signs for the same public key');
    throwsCode(() => suite.signingKeyFromPkcs8(new Uint8Array(0)), 'CRYPTO_BAD_KEY', 'empty');
    throwsCode(() => suite.signingKeyFromPkcs8(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00])), 'CRYPTO_BAD_KEY', 'not PKCS#8');
    throwsCode(() => suite.signingKeyFromPkcs8(der.subarray(0, der.length - 1)), 'CRYPTO_BAD_KEY', 'truncated');
  });

  test(`${suite.id}: the hash is 32 bytes and deterministic`, () => {
    assert.equal(suite.hash(new Uint8Array(0)).length, 32);
    assert.deepEqual(suite.hash(message), suite.hash(message.slice()));
    assert.notDeepEqual(suite.hash(message), suite.hash(flipBit(message, 3)));
  });
}

test('hash known answers: SHA-256("abc") (FIPS 180-2) and SM3("abc") (GB/T 32905-2016 A.1)', () => {
  assert.equal(bytesToHex(ed25519Suite.hash(utf8ToBytes('abc'))), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.equal(bytesToHex(sm2Suite.hash(utf8ToBytes('abc'))), '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
});

test('ed25519-sha256: pure Ed25519 — RFC 8032 §7.1 TEST 2 from a seed-built PKCS#8 key', () => {
  const seed = '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb';
  const key = ed25519Suite.signingKeyFromPkcs8(hexToBytes(`302e020100300506032b657004220420${seed}`)!);
  assert.equal(key.publicKey, `ed25519:${bytesToBase64url(hexToBytes('3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c')!)}`);
  const sig = key.sign(new Uint8Array([0x72]));
  assert.equal(bytesToHex(sig), '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00');
  assert.equal(ed25519Suite.verify(key.publicKey, new Uint8Array([0x72]), sig), true);
});

test('ed25519-sha256: a non-Ed25519 PKCS#8 key is CRYPTO_BAD_KEY', () => {
  throwsCode(() => ed25519Suite.signingKeyFromPkcs8(loadedKey(sm2Suite).exportPkcs8()), 'CRYPTO_BAD_KEY', 'SM2 key');
  const p256 = new Uint8Array(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'der', type: 'pkcs8' }));
  throwsCode(() => ed25519Suite.signingKeyFromPkcs8(p256), 'CRYPTO_BAD_KEY', 'P-256 key');
});

test('sm2-sm3: public keys are the 65-byte uncompressed point; others are refused', () => {
  const key = loadedKey(sm2Suite);
  const point = base64urlToBytes(key.publicKey.slice(4))!;
  assert.equal(point.length, 65);
  assert.equal(point[0], 0x04);
  const compressed = new Uint8Array([0x02 + (point[64]! & 1), ...point.subarray(1, 33)]);
  const offCurve = point.slice();
  offCurve[64]! ^= 1;
  for (const bad of [compressed, offCurve, new Uint8Array(65).fill(0).fill(4, 0, 1)]) {
    assert.equal(sm2Suite.isPublicKey(`sm2:${bytesToBase64url(bad)}`), false, bytesToHex(bad).slice(0, 20));
  }
});

test('ed25519-sha256: a freshly generated key\u2019s signature verifies without a PKCS#8 round trip', () => {
  const key = ed25519Suite.generateSigningKey();
  assert.equal(ed25519Suite.verify(key.publicKey, message, key.sign(message)), true);
});

test('sm2-sm3: only the minimal DER encoding of a signature verifies (no re-spelled signatures)', () => {
  const key = loadedKey(sm2Suite);
  const sig = key.sign(message);
  const rLength = sig[3]!;
  const r = sig.subarray(4, 4 + rLength);
  const afterR = sig.subarray(4 + rLength);
  const paddedR = new Uint8Array([0x02, rLength + 1, 0x00, ...r, ...afterR]);
  const respellings: [string, Uint8Array][] = [
    ['r with an extra leading zero', new Uint8Array([0x30, paddedR.length, ...paddedR])],
    ['SEQUENCE length in long form', new Uint8Array([0x30, 0x81, sig[1]!, ...sig.subarray(2)])],
    ['a trailing byte', new Uint8Array([...sig, 0x00])],
  ];
  assert.equal(sm2Suite.verify(key.publicKey, message, sig), true);
  for (const [name, bytes] of respellings) assert.equal(sm2Suite.verify(key.publicKey, message, bytes), false, name);
});

// BUG (src/crypto/sm2-suite.ts, signingKeyFromKeyObject, line 32): unlike the
// Ed25519 suite it does not check the key's type or curve, so any EC or
// Ed25519 PKCS#8 is accepted and given a meaningless "sm2:" public key.
test('sm2-sm3: a PKCS#8 key that is not SM2 is CRYPTO_BAD_KEY', () => {
  throwsCode(() => sm2Suite.signingKeyFromPkcs8(ed25519Suite.generateSigningKey().exportPkcs8()), 'CRYPTO_BAD_KEY', 'Ed25519 key');
  const p256 = new Uint8Array(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'der', type: 'pkcs8' }));
  throwsCode(() => sm2Suite.signingKeyFromPkcs8(p256), 'CRYPTO_BAD_KEY', 'P-256 key');
});

// ---------- what an SM2 signature is, checked by an independent verifier

// GB/T 32918.5 curve sm2p256v1.
const sm2p = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFF');
const sm2a = sm2p - 3n;
const sm2b = BigInt('0x28E9FA9E9D9F5E344D5A9E4BCF6509A7F39789F515AB8F92DDBCBD414D940E93');
const sm2n = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123');
const sm2G: Point = [BigInt('0x32C4AE2C1F1981195F9904466A39C9948FE30BBFF2660BE1715A4589334C74C7'), BigInt('0xBC3736A2F4F6779C59BDCEE36B692153D0A9877CC62A474002DF32E52139F0A0')];
type Point = readonly [bigint, bigint];

const mod = (x: bigint, m: bigint): bigint => ((x % m) + m) % m;
function invert(x: bigint, m: bigint): bigint {
  let [r0, r1, s0, s1] = [mod(x, m), m, 1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return mod(s0, m);
}
function add(p: Point | undefined, q: Point | undefined): Point | undefined {
  if (p === undefined) return q;
  if (q === undefined) return p;
  if (p[0] === q[0] && mod(p[1] + q[1], sm2p) === 0n) return undefined;
  const slope = p[0] === q[0] ? mod((3n * p[0] * p[0] + sm2a) * invert(2n * p[1], sm2p), sm2p) : mod((q[1] - p[1]) * invert(q[0] - p[0], sm2p), sm2p);
  const x = mod(slope * slope - p[0] - q[0], sm2p);
  return [x, mod(slope * (p[0] - x) - p[1], sm2p)];
}
function multiply(k: bigint, p: Point): Point | undefined {
  let result: Point | undefined;
  let addend: Point | undefined = p;
  for (; k > 0n; k >>= 1n) {
    if ((k & 1n) === 1n) result = add(result, addend);
    addend = add(addend, addend);
  }
  return result;
}
const be32 = (x: bigint): Buffer => Buffer.from(x.toString(16).padStart(64, '0'), 'hex');
const sm3 = (...parts: Uint8Array[]): Buffer => createHash('sm3').update(Buffer.concat(parts)).digest();
const toBig = (bytes: Uint8Array): bigint => BigInt(`0x${Buffer.from(bytes).toString('hex') || '0'}`);

/** DER SEQUENCE { INTEGER r, INTEGER s } with short lengths, as SM2/ECDSA signatures are. */
function decodeDerSignature(sig: Uint8Array): [bigint, bigint] {
  assert.equal(sig[0], 0x30, 'SEQUENCE');
  assert.equal(sig[1], sig.length - 2, 'SEQUENCE length');
  assert.equal(sig[2], 0x02, 'INTEGER r');
  const rEnd = 4 + sig[3]!;
  assert.equal(sig[rEnd], 0x02, 'INTEGER s');
  assert.equal(rEnd + 2 + sig[rEnd + 1]!, sig.length, 'nothing after s');
  return [toBig(sig.subarray(4, rEnd)), toBig(sig.subarray(rEnd + 2))];
}

/** GB/T 32918.2 §7 verification: Z = SM3(ENTL || ID || a || b || Gx || Gy || xA || yA), e = SM3(Z || M). */
function sm2Verify(distinguishingId: string, publicKey: Point, msg: Uint8Array, sig: Uint8Array): boolean {
  const [r, s] = decodeDerSignature(sig);
  const id = Buffer.from(distinguishingId, 'utf8');
  const entl = Buffer.from([(id.length * 8) >> 8, (id.length * 8) & 0xff]);
  const z = sm3(entl, id, be32(sm2a), be32(sm2b), be32(sm2G[0]), be32(sm2G[1]), be32(publicKey[0]), be32(publicKey[1]));
  const e = toBig(sm3(z, msg));
  const t = mod(r + s, sm2n);
  if (t === 0n) return false;
  const point = add(multiply(s, sm2G), multiply(t, publicKey));
  return point !== undefined && mod(e + point[0], sm2n) === r;
}

/** ECDSA (SEC 1 §4.1.4) on the SM2 curve with e = SM3(M): what a generated, not reloaded, key produces. */
function ecdsaSm3Verify(publicKey: Point, msg: Uint8Array, sig: Uint8Array): boolean {
  const [r, s] = decodeDerSignature(sig);
  const w = invert(s, sm2n);
  const e = toBig(sm3(msg));
  const point = add(multiply(mod(e * w, sm2n), sm2G), multiply(mod(r * w, sm2n), publicKey));
  return point !== undefined && mod(point[0], sm2n) === r;
}

function sm2Point(publicKey: string): Point {
  const raw = base64urlToBytes(publicKey.slice('sm2:'.length))!;
  return [toBig(raw.subarray(1, 33)), toBig(raw.subarray(33))];
}

test('sm2-sm3: signatures are GB/T 32918.2 SM2 over SM3 with an EMPTY distinguishing ID (interop caveat)', () => {
  // OpenSSL 3 computes Z with a zero-length ID unless one is set, and node:crypto
  // cannot set one. GM/T 0009-2012 and most other SM2 libraries default to
  // "1234567812345678", so they will not verify these signatures (and Custos
  // will not verify theirs). docs/FORMATS.md § Crypto suites. If this test
  // starts failing, the signature format changed: every SM2 ledger is affected.
  const key = loadedKey(sm2Suite);
  const point = sm2Point(key.publicKey);
  for (const msg of [message, new Uint8Array(0), utf8ToBytes('abc')]) {
    const sig = key.sign(msg);
    assert.equal(sm2Verify('', point, msg, sig), true, 'SM2 with an empty ID verifies');
    assert.equal(sm2Verify('1234567812345678', point, msg, sig), false, 'SM2 with the GM/T 0009 default ID does not');
    assert.equal(ecdsaSm3Verify(point, msg, sig), false, 'it is not ECDSA');
  }
});

// BUG (src/crypto/sm2-suite.ts, signingKeyFromKeyObject, line 32-36): a key
// from generateSigningKey() is an OpenSSL "EC" key on the SM2 curve, and Node
// signs with it as ECDSA-with-SM3; the same key read back from PKCS#8 is an
// "SM2" key and signs as SM2. verify() parses public keys as SM2 keys, so the
// signatures of a freshly generated key never verify.
test('sm2-sm3: a freshly generated key\u2019s signature verifies without a PKCS#8 round trip', () => {
  const key = sm2Suite.generateSigningKey();
  const sig = key.sign(message);
  const point = sm2Point(key.publicKey);
  const kind = sm2Verify('', point, message, sig) ? 'SM2' : ecdsaSm3Verify(point, message, sig) ? 'ECDSA-with-SM3' : 'neither SM2 nor ECDSA';
  assert.equal(sm2Suite.verify(key.publicKey, message, sig), true, `the generated key signed with ${kind}`);
});
