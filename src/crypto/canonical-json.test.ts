// RFC 8785 (JCS) as Custos uses it. The full vector set (RFC examples,
// Appendix B numbers, JCS test data) is in test/vectors/jcs.json and checked by
// src/ledger/formats.test.ts; this file tests the rules one by one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isCustosError } from '../errors/custos-error.ts';
import { bytesToHex } from './bytes.ts';
import { canonicalBytes, canonicalize, maxCanonicalDepth } from './canonical-json.ts';

const fcSeed = process.env['FC_SEED'] !== undefined && process.env['FC_SEED'] !== '' ? Number(process.env['FC_SEED']) : Date.now() % 2_147_483_647;

function assertProperty<T>(property: fc.IProperty<T>, numRuns = 300): void {
  try {
    fc.assert(property, { seed: fcSeed, numRuns });
  } catch (error: unknown) {
    assert.fail(`FC_SEED=${String(fcSeed)} (replay: FC_SEED=${String(fcSeed)} npm test -- src/crypto/canonical-json)\n${error instanceof Error ? error.message : String(error)}`);
  }
}

function refuses(value: unknown, message: string): void {
  assert.throws(() => canonicalize(value), (error: unknown) => isCustosError(error) && error.code === 'CRYPTO_BAD_ENCODING', message);
}

function nest(depth: number, inner: unknown): unknown {
  let value = inner;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

test('RFC 8785 §3.2.2 example, and its UTF-8 bytes from §3.2.4', () => {
  const input = '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}';
  const parsed: unknown = JSON.parse(input);
  assert.equal(canonicalize(parsed), '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
  assert.equal(
    bytesToHex(canonicalBytes(parsed)),
    '7b226c69746572616c73223a5b6e756c6c2c747275652c66616c73655d2c226e756d62657273223a5b3333333333333333332e333333333333332c31652b33302c342e352c302e3030322c31652d32375d2c22737472696e67223a22e282ac245c75303030665c6e4127425c225c5c5c5c5c222f227d',
  );
});

test('RFC 8785 §3.2.3 example: properties sorted by UTF-16 code units', () => {
  const parsed: unknown = JSON.parse('{"\\u20ac":"Euro Sign","\\r":"Carriage Return","\\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One","\\ud83d\\ude00":"Emoji: Grinning Face","\\u0080":"Control","\\u00f6":"Latin Small Letter O With Diaeresis"}');
  // The RFC lists the expected order by value; read the values in serialized order.
  const order = [...canonicalize(parsed).matchAll(/:"([^"]*)"/g)].map((m) => m[1]);
  assert.deepEqual(order, ['Carriage Return', 'One', 'Control', 'Latin Small Letter O With Diaeresis', 'Euro Sign', 'Emoji: Grinning Face', 'Hebrew Letter Dalet With Dagesh']);
});

test('key order is by UTF-16 code units: an emoji (surrogate pair) sorts before U+E000 and U+FFFF', () => {
  // Code point order would put U+1F600 last; UTF-16 puts its high surrogate 0xD83D first.
  assert.equal(canonicalize({ '\uffff': 1, '\ue000': 2, '\u{1f600}': 3, z: 4 }), '{"z":4,"\u{1f600}":3,"\ue000":2,"\uffff":1}');
  // Pairs compare unit by unit: U+1F3FF (D83C DFFF) < U+1F600 (D83D DE00) < U+1F601 (D83D DE01).
  assert.equal(canonicalize({ '\u{1f601}': 1, '\u{1f600}': 2, '\u{1f3ff}': 3 }), '{"\u{1f3ff}":3,"\u{1f600}":2,"\u{1f601}":1}');
  // Plain code units, no locale: uppercase before lowercase, a prefix before its extensions, digits as text.
  assert.equal(canonicalize({ b: 1, a: 2, B: 3, ab: 4, '': 5 }), '{"":5,"B":3,"a":2,"ab":4,"b":1}');
  assert.equal(canonicalize({ '10': 1, '2': 2, '1': 3, a: 4 }), '{"1":3,"10":1,"2":2,"a":4}');
  assert.equal(canonicalize({ 'é': 1, f: 2, 'e\u0301': 3 }), '{"e\u0301":3,"f":2,"é":1}');
});

test('key order does not depend on insertion order (property)', () => {
  assertProperty(
    fc.property(fc.dictionary(fc.string({ unit: 'grapheme' }), fc.integer()), (record) => {
      const reversed = Object.fromEntries(Object.entries(record).reverse());
      return canonicalize(record) === canonicalize(reversed);
    }),
  );
});

test('keys come out in UTF-16 code unit order, small and large objects alike (property)', () => {
  const keyOrder = fc.dictionary(fc.string({ unit: 'binary' }).filter((key) => key.isWellFormed()), fc.constant(0), { maxKeys: 60 });
  assertProperty(
    fc.property(keyOrder, (record) => {
      const expected = Object.keys(record).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return canonicalize(record) === `{${expected.map((key) => `${JSON.stringify(key)}:0`).join(',')}}`;
    }),
  );
});

test('numbers: ECMAScript Number::toString forms (RFC 8785 §3.2.2.3)', () => {
  const cases: [number, string][] = [
    [0, '0'],
    [-0, '0'],
    [1, '1'],
    [-1, '-1'],
    [1.5, '1.5'],
    [0.1, '0.1'],
    [0.000001, '0.000001'],
    [0.0000001, '1e-7'],
    [1e20, '100000000000000000000'],
    [1e21, '1e+21'],
    [1e-27, '1e-27'],
    [123e30, '1.23e+32'],
    [2 ** 53, '9007199254740992'],
    [Number.MAX_SAFE_INTEGER, '9007199254740991'],
    [Number.MAX_VALUE, '1.7976931348623157e+308'],
    [Number.MIN_VALUE, '5e-324'],
    [333333333.33333329, '333333333.3333333'],
  ];
  for (const [value, text] of cases) assert.equal(canonicalize(value), text, `${String(value)} (${Object.is(value, -0) ? '-0' : ''})`);
});

test('strings: only the escapes JSON.stringify makes (RFC 8785 §3.2.2.2)', () => {
  assert.equal(canonicalize('\u0000\u0001\u001f'), '"\\u0000\\u0001\\u001f"', 'C0 controls as lowercase \\u00xx');
  assert.equal(canonicalize('\b\t\n\f\r'), '"\\b\\t\\n\\f\\r"', 'the two-character escapes');
  assert.equal(canonicalize('"\\/'), '"\\"\\\\/"', 'quote and backslash escaped, solidus not');
  assert.equal(canonicalize('\u007f\u0080\u2028\u2029\ufeff'), '"\u007f\u0080\u2028\u2029\ufeff"', 'everything else verbatim');
  assert.equal(canonicalize('\u{1f600}'), '"\u{1f600}"', 'a well-formed pair is written as is');
  assert.equal(bytesToHex(canonicalBytes('\u{1f600}é')), '22f09f9880c3a922', 'UTF-8 output');
});

test('structure: no whitespace, array order kept, undefined members left out', () => {
  assert.equal(canonicalize({ b: [3, 1, 2], a: { d: null, c: true } }), '{"a":{"c":true,"d":null},"b":[3,1,2]}');
  assert.equal(canonicalize({ a: undefined, b: 1 }), '{"b":1}', 'as JSON.stringify omits undefined properties');
  assert.equal(canonicalize([]), '[]');
  assert.equal(canonicalize({}), '{}');
  assert.equal(canonicalize(Object.assign(Object.create(null) as object, { b: 1, a: 2 })), '{"a":2,"b":1}', 'null-prototype objects are plain');
});

test('refusals: values JSON cannot represent throw CRYPTO_BAD_ENCODING', () => {
  refuses(Number.NaN, 'NaN');
  refuses(Number.POSITIVE_INFINITY, 'Infinity');
  refuses(Number.NEGATIVE_INFINITY, '-Infinity');
  refuses([1, Number.NaN], 'NaN inside an array');
  refuses(10n, 'bigint');
  refuses(undefined, 'top-level undefined');
  refuses([undefined], 'undefined in an array');
  refuses([1, , 3], 'a hole in an array');
  refuses(() => 1, 'function');
  refuses({ f: () => 1 }, 'function member');
  refuses(Symbol('s'), 'symbol');
  refuses(new Date(0), 'Date (toJSON is not honoured)');
  refuses(new Map(), 'Map');
  refuses(new Uint8Array(2), 'typed array');
  refuses({ x: new (class Point {})() }, 'class instance');
});

test('refusals: lone surrogates in strings and keys', () => {
  refuses('\ud800', 'lone high surrogate');
  refuses('\udc00', 'lone low surrogate');
  refuses('a\ud83d', 'high surrogate at the end');
  refuses('\ude00\ud83d', 'pair in the wrong order');
  refuses({ '\udbff': 1 }, 'lone surrogate in a key');
  refuses([['\ud800']], 'nested');
  assert.equal(canonicalize({ '\udbff': undefined }), '{}', 'a key whose value is undefined is left out before it is checked');
});

test(`depth: the top-level value is depth 0; a value deeper than ${String(maxCanonicalDepth)} is refused`, () => {
  assert.equal(maxCanonicalDepth, 64);
  assert.equal(canonicalize(nest(64, 0)), '['.repeat(64) + '0' + ']'.repeat(64), '64 arrays around a number');
  refuses(nest(65, 0), '65 arrays around a number');
  // An empty container at depth 64 holds no value at depth 65, so it is accepted.
  assert.equal(canonicalize(nest(64, [])), '['.repeat(65) + ']'.repeat(65), '65 nested arrays, the innermost empty');
  refuses(nest(65, []), '66 nested arrays');
  let object: unknown = 'x';
  for (let i = 0; i < 65; i++) object = { k: object };
  refuses(object, '65 objects around a string');
  refuses(nest(100_000, 0), 'very deep input is refused, not a stack overflow');
});

test('idempotent on any JSON value: parse(canonicalize(x)) canonicalizes to the same text (property)', () => {
  assertProperty(
    fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
      const text = canonicalize(value);
      return canonicalize(JSON.parse(text)) === text && bytesToHex(canonicalBytes(value)) === Buffer.from(text, 'utf8').toString('hex');
    }),
  );
});

test('agrees with JSON.stringify on values without objects (property)', () => {
  const leaf = fc.oneof(fc.constant(null), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string({ unit: 'grapheme' }));
  assertProperty(
    fc.property(fc.array(leaf, { maxLength: 8 }), (values) => canonicalize(values) === JSON.stringify(values)),
  );
});

/** RFC 8785 written out plainly: keys sorted by UTF-16 code units, everything else as JSON.stringify writes it. */
function referenceCanonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(referenceCanonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const members = Object.keys(record).sort().filter((key) => record[key] !== undefined);
    return `{${members.map((key) => `${JSON.stringify(key)}:${referenceCanonical(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

test('agrees with RFC 8785 written out plainly, for strings of any code points and keys seen before or not (property)', () => {
  const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }).filter((s) => s.isWellFormed()), fc.constantFrom('', '"', '\\', '\u007f', 'a\nb', 'plain'));
  const value = fc.letrec((tie) => ({
    json: fc.oneof(
      { depthSize: 'small' },
      fc.constant(null),
      fc.boolean(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      text,
      fc.array(tie('json'), { maxLength: 4 }),
      fc.dictionary(text, tie('json'), { maxKeys: 5 }),
    ),
  })).json;
  assertProperty(fc.property(value, (v) => canonicalize(v) === referenceCanonical(v)));
});

test('well-formed strings of any code points round-trip; ill-formed ones are refused (property)', () => {
  assertProperty(
    fc.property(fc.string({ unit: 'binary' }), (text) => {
      if (text.isWellFormed()) return JSON.parse(canonicalize(text)) === text;
      try {
        canonicalize(text);
        return false;
      } catch (error: unknown) {
        return isCustosError(error) && error.code === 'CRYPTO_BAD_ENCODING';
      }
    }),
  );
});
