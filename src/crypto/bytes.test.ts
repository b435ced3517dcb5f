// Byte encodings of Custos JSON: strict base64url (keys, signatures) and hex
// (hashes). Strictness matters: if a signature had two spellings, re-spelling
// it would change the stored transaction and its leaf without the signer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { base64urlToBytes, base64urlToBytesInto, bytesToBase64url, bytesToHex, bytesToUtf8, concatBytes, concatBytesAndUtf8, equalBytes, hexToBytes, hexToBytesInto, isBase64url, transientBytesAndUtf8, utf8ToBytes } from './bytes.ts';

const fcSeed = process.env['FC_SEED'] !== undefined && process.env['FC_SEED'] !== '' ? Number(process.env['FC_SEED']) : Date.now() % 2_147_483_647;

function assertProperty<T>(property: fc.IProperty<T>, numRuns = 500): void {
  try {
    fc.assert(property, { seed: fcSeed, numRuns });
  } catch (error: unknown) {
    assert.fail(`FC_SEED=${String(fcSeed)} (replay: FC_SEED=${String(fcSeed)} npm test -- src/crypto/bytes)\n${error instanceof Error ? error.message : String(error)}`);
  }
}

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const base64urlText = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((chars) => chars.join(''));

test('base64url: RFC 4648 §10 test vectors, unpadded, URL alphabet', () => {
  const cases: [string, string][] = [
    ['', ''],
    ['f', 'Zg'],
    ['fo', 'Zm8'],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg'],
    ['fooba', 'Zm9vYmE'],
    ['foobar', 'Zm9vYmFy'],
  ];
  for (const [text, encoded] of cases) {
    assert.equal(bytesToBase64url(utf8ToBytes(text)), encoded, text);
    assert.deepEqual(base64urlToBytes(encoded), utf8ToBytes(text), encoded);
  }
  assert.equal(bytesToBase64url(new Uint8Array([0xfb, 0xff, 0xbf])), '-_-_', '62 is "-", 63 is "_"');
});

test('base64url round trip and agreement with Node\u2019s encoder (property)', () => {
  assertProperty(
    fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
      const text = bytesToBase64url(bytes);
      const decoded = base64urlToBytes(text);
      return (
        text === Buffer.from(bytes).toString('base64url') &&
        text.length === Math.ceil((bytes.length * 4) / 3) &&
        decoded !== undefined &&
        equalBytes(decoded, bytes)
      );
    }),
  );
});

test('base64url: every byte string has exactly one accepted spelling (property)', () => {
  // Any string of alphabet characters either is refused or is the encoding of what it decodes to.
  assertProperty(
    fc.property(base64urlText, (text) => {
      const decoded = base64urlToBytes(text);
      return decoded === undefined || bytesToBase64url(decoded) === text;
    }),
  );
});

test('base64url: non-canonical trailing bits are refused', () => {
  // "Zg" is 0x66; "Zh".."Zv" carry the same byte with non-zero unused bits, which a lax decoder accepts.
  for (const last of 'hijklmnopqrstuv') assert.equal(base64urlToBytes(`Z${last}`), undefined, `Z${last}`);
  // "Zm8" is "fo"; "Zm9", "Zm-", "Zm_" differ only in the two unused bits.
  for (const text of ['Zm9', 'Zm-', 'Zm_', 'AB', 'AAB', '__9']) assert.equal(base64urlToBytes(text), undefined, text);
  assertProperty(
    fc.property(fc.uint8Array({ minLength: 1, maxLength: 40 }).filter((b) => b.length % 3 !== 0), fc.integer({ min: 1, max: 15 }), (bytes, noise) => {
      const text = bytesToBase64url(bytes);
      const unusedBits = bytes.length % 3 === 1 ? 4 : 2;
      const last = alphabet.indexOf(text.at(-1)!);
      const spoiled = last | (noise & ((1 << unusedBits) - 1));
      if (spoiled === last) return true;
      return base64urlToBytes(text.slice(0, -1) + alphabet[spoiled]!) === undefined;
    }),
  );
});

test('base64url: padding, other alphabets, whitespace and impossible lengths are refused', () => {
  for (const text of ['Zg==', 'Zm8=', 'Zm9v====', 'Z', 'Zm9vY', '+w', '/w', 'Zm 9v', ' Zm9v', 'Zm9v\n', 'Zm9v.', 'Zm9v\u00e9', '\u{1f600}', 'Zm9v\u0000']) {
    assert.equal(base64urlToBytes(text), undefined, JSON.stringify(text));
  }
});

test('hex: lowercase out, either case in, anything else refused', () => {
  assert.equal(bytesToHex(new Uint8Array([0, 1, 0xab, 0xff])), '0001abff');
  assert.deepEqual(hexToBytes('0001abff'), new Uint8Array([0, 1, 0xab, 0xff]));
  assert.deepEqual(hexToBytes('0001ABFF'), new Uint8Array([0, 1, 0xab, 0xff]), 'uppercase is read');
  assert.deepEqual(hexToBytes(''), new Uint8Array(0));
  for (const text of ['0', 'abc', '0g', 'g0', ' 00', '00 ', '0x00', '-1', '+1', '\u0660\u0660', '０'.repeat(2), '00\n']) {
    assert.equal(hexToBytes(text), undefined, JSON.stringify(text));
  }
});

test('hex round trip; any accepted text is the hex of what it decodes to, up to case (property)', () => {
  assertProperty(fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => equalBytes(hexToBytes(bytesToHex(bytes))!, bytes) && bytesToHex(bytes) === Buffer.from(bytes).toString('hex')));
  assertProperty(
    fc.property(fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEFxg '), maxLength: 20 }), (text) => {
      const decoded = hexToBytes(text);
      return decoded === undefined ? !/^([0-9a-fA-F]{2})*$/.test(text) : bytesToHex(decoded) === text.toLowerCase();
    }),
  );
});

test('utf8: encodes strings, refuses invalid UTF-8 on decode', () => {
  assert.deepEqual(utf8ToBytes('é\u{1f600}'), new Uint8Array([0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80]));
  assert.equal(bytesToUtf8(new Uint8Array([0xc3, 0xa9])), 'é');
  assert.throws(() => bytesToUtf8(new Uint8Array([0xc3])), TypeError, 'truncated sequence');
  assert.throws(() => bytesToUtf8(new Uint8Array([0xed, 0xa0, 0x80])), TypeError, 'encoded surrogate');
});

test('concatBytes and equalBytes', () => {
  assert.deepEqual(concatBytes(), new Uint8Array(0));
  assert.deepEqual(concatBytes(new Uint8Array([1]), new Uint8Array(0), new Uint8Array([2, 3])), new Uint8Array([1, 2, 3]));
  assert.equal(equalBytes(new Uint8Array([1, 2]), new Uint8Array([1, 2])), true);
  assert.equal(equalBytes(new Uint8Array([1, 2]), new Uint8Array([1, 3])), false);
  assert.equal(equalBytes(new Uint8Array([1, 2]), new Uint8Array([1, 2, 0])), false, 'length matters');
  assert.equal(equalBytes(new Uint8Array(0), new Uint8Array(0)), true);
});

test('concatBytesAndUtf8 equals concatenating the parts and the UTF-8 of the text, ASCII or not (property)', () => {
  const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 20 }));
  assertProperty(
    fc.property(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 4 }), text, (parts, value) => {
      const expected = concatBytes(...parts, utf8ToBytes(value));
      return equalBytes(concatBytesAndUtf8(parts, value), expected);
    }),
  );
  assert.deepEqual(concatBytesAndUtf8([], ''), new Uint8Array(0));
  assert.deepEqual(concatBytesAndUtf8([new Uint8Array([9])], 'é'), new Uint8Array([9, 0xc3, 0xa9]));
});

test('transientBytesAndUtf8 gives the same bytes as concatBytesAndUtf8, small or past the shared buffer (property)', () => {
  const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 20 }));
  assertProperty(
    fc.property(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 4 }), text, (parts, value) => equalBytes(transientBytesAndUtf8(parts, value), concatBytesAndUtf8(parts, value))),
  );
  const first = transientBytesAndUtf8([new Uint8Array([1, 2])], 'ab');
  const expected = concatBytesAndUtf8([new Uint8Array([9]), first], 'c');
  assert.ok(equalBytes(transientBytesAndUtf8([new Uint8Array([9]), first], 'c'), expected), 'a part that is an earlier transient result is copied intact');
  const long = 'é'.repeat(40_000);
  assert.ok(equalBytes(transientBytesAndUtf8([new Uint8Array([1])], long), concatBytesAndUtf8([new Uint8Array([1])], long)));
});

test('hex of inputs longer than the reused digit buffer, and hexToBytesInto at an offset', () => {
  const big = new Uint8Array(50_000).map((_, i) => i * 7);
  assert.equal(bytesToHex(big), Buffer.from(big).toString('hex'));
  assert.equal(bytesToHex(new Uint8Array([0xab])), 'ab', 'a short one after it');
  const out = new Uint8Array(6).fill(9);
  assert.equal(hexToBytesInto('00ff', out, 2), true);
  assert.deepEqual(out, new Uint8Array([9, 9, 0, 255, 9, 9]));
  assert.equal(hexToBytesInto('0g', out, 0), false);
  assert.equal(hexToBytesInto('abc', out, 0), false);
});

test('isBase64url and base64urlToBytesInto agree with base64urlToBytes on any text (property)', () => {
  const text = fc.oneof(base64urlText, fc.string({ maxLength: 12 }));
  assertProperty(
    fc.property(text, fc.nat(8), (value, offset) => {
      const decoded = base64urlToBytes(value);
      const out = new Uint8Array(offset + 40).fill(0xee);
      const written = base64urlToBytesInto(value, out, offset);
      if (isBase64url(value) !== (decoded !== undefined)) return false;
      if (decoded === undefined) return written === -1;
      return written === decoded.length && equalBytes(out.subarray(offset, offset + written), decoded) && out.subarray(0, offset).every((b) => b === 0xee);
    }),
  );
  assert.equal(base64urlToBytesInto('AAAA', new Uint8Array(2), 0), -1, 'does not fit');
});
