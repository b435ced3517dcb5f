// The transaction decoder and admission: every malformed field gets a stable
// code, and no input — arbitrary JSON or a mutated valid transaction — makes
// them throw anything but a CustosError with one of the admission codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { base64urlToBytes, bytesToBase64url, hexToBytes } from '../crypto/bytes.ts';
import { canonicalize } from '../crypto/canonical-json.ts';
import { ed25519Suite } from '../crypto/ed25519-suite.ts';
import { sm2Suite } from '../crypto/sm2-suite.ts';
import type { ErrorCode } from '../errors/codes.ts';
import { isCustosError } from '../errors/custos-error.ts';
import { admitTransaction, type AdmissionContext } from './admission.ts';
import { computeTxId, decodeTransaction, signTransaction, transactionBody, transactionToCanonical, type SignedTransaction, type TransactionBody } from './transaction.ts';

const fcSeed = process.env['FC_SEED'] !== undefined && process.env['FC_SEED'] !== '' ? Number(process.env['FC_SEED']) : Date.now() % 2_147_483_647;

function assertProperty<T>(property: fc.IProperty<T>, numRuns = 500): void {
  try {
    fc.assert(property, { seed: fcSeed, numRuns });
  } catch (error: unknown) {
    assert.fail(`FC_SEED=${String(fcSeed)} (replay: FC_SEED=${String(fcSeed)} npm test -- src/ledger/transaction)\n${error instanceof Error ? error.message : String(error)}`);
  }
}

// RFC 8032 §7.1 TEST 1 key, as in test/vectors/keys.json ("member").
const member = ed25519Suite.signingKeyFromPkcs8(hexToBytes('302e020100300506032b6570042204209d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60')!);
const stranger = ed25519Suite.signingKeyFromPkcs8(hexToBytes(`302e020100300506032b657004220420${'05'.repeat(32)}`)!);
const network = 'test-net';
const context: AdmissionContext = { suite: ed25519Suite, network, limits: { maxBytes: 64 * 1024 } };

const body: TransactionBody = {
  v: 1,
  network,
  contract: 'notary',
  fn: 'anchor',
  args: { hash: 'ab'.repeat(32), title: 'Ruling 17', type: 'court.ruling', copies: 3, tags: ['a', 'b'], meta: { n: -2, ok: true, none: null } },
  signer: member.publicKey,
  nonce: 'nonce_0001-A',
  ts: 1767225660000,
};
const valid: SignedTransaction = signTransaction(body, member);

/** A fresh copy of the valid transaction as plain JSON data, to mutate. */
function copy(): Record<string, unknown> {
  return structuredClone(valid) as unknown as Record<string, unknown>;
}

function withField(field: string, value: unknown): Record<string, unknown> {
  const tx = copy();
  if (value === undefined) delete tx[field];
  else tx[field] = value;
  return tx;
}

const base64urlAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The same bytes with a non-zero unused bit in the last character (a 64-byte signature leaves 4 unused bits). */
function respellLastCharacter(text: string): string {
  return text.slice(0, -1) + base64urlAlphabet[base64urlAlphabet.indexOf(text.at(-1)!) | 1]!;
}

function codeOf(run: () => unknown): ErrorCode | 'no error' | 'not a CustosError' {
  try {
    run();
    return 'no error';
  } catch (error: unknown) {
    return isCustosError(error) ? error.code : 'not a CustosError';
  }
}

test('a valid transaction decodes to itself and is admitted with its txId and canonical text', () => {
  assert.deepEqual(decodeTransaction(copy()), valid);
  const admitted = admitTransaction(JSON.stringify(valid), context);
  assert.equal(admitted.txId, computeTxId(ed25519Suite, body));
  assert.equal(admitted.canonical, canonicalize(valid));
  assert.equal(admitted.canonical, transactionToCanonical(valid));
  assert.deepEqual(transactionBody(admitted.tx), body);
  assert.deepEqual(admitTransaction(copy(), context), admitted, 'a parsed object is admitted like its text');
  const pretty = JSON.stringify(valid, null, 2).replace('"v": 1', '"v": 1.0');
  assert.equal(admitTransaction(pretty, context).txId, admitted.txId, 'whitespace and number spelling of the submitted text do not matter: JCS decides');
});

// [case name, transaction, expected code]
const decodeCases: [string, unknown, ErrorCode][] = [
  ['null', null, 'LEDGER_TX_MALFORMED'],
  ['array', [valid], 'LEDGER_TX_MALFORMED'],
  ['string', JSON.stringify(valid), 'LEDGER_TX_MALFORMED'],
  ['number', 1, 'LEDGER_TX_MALFORMED'],
  ['boolean', true, 'LEDGER_TX_MALFORMED'],
  ['empty object', {}, 'LEDGER_TX_BAD_VERSION'],
  ['unknown field', withField('extra', 1), 'LEDGER_TX_MALFORMED'],
  ['unknown field txId', withField('txId', 'ab'), 'LEDGER_TX_MALFORMED'],
  ['unknown field wins over a bad version', { ...withField('v', 2), extra: 1 }, 'LEDGER_TX_MALFORMED'],
  ['v missing', withField('v', undefined), 'LEDGER_TX_BAD_VERSION'],
  ['v 2', withField('v', 2), 'LEDGER_TX_BAD_VERSION'],
  ['v 0', withField('v', 0), 'LEDGER_TX_BAD_VERSION'],
  ['v "1"', withField('v', '1'), 'LEDGER_TX_BAD_VERSION'],
  ['v 1.5', withField('v', 1.5), 'LEDGER_TX_BAD_VERSION'],
  ['v null', withField('v', null), 'LEDGER_TX_BAD_VERSION'],
  ['network missing', withField('network', undefined), 'LEDGER_TX_MALFORMED'],
  ['network empty', withField('network', ''), 'LEDGER_TX_MALFORMED'],
  ['network uppercase', withField('network', 'Test-net'), 'LEDGER_TX_MALFORMED'],
  ['network starts with a digit', withField('network', '1net'), 'LEDGER_TX_MALFORMED'],
  ['network with a space', withField('network', 'test net'), 'LEDGER_TX_MALFORMED'],
  ['network of 65 characters', withField('network', 'n'.repeat(65)), 'LEDGER_TX_MALFORMED'],
  ['network number', withField('network', 7), 'LEDGER_TX_MALFORMED'],
  ['contract missing', withField('contract', undefined), 'LEDGER_TX_MALFORMED'],
  ['contract uppercase', withField('contract', 'Notary'), 'LEDGER_TX_MALFORMED'],
  ['contract with a slash', withField('contract', 'notary/x'), 'LEDGER_TX_MALFORMED'],
  ['contract array', withField('contract', ['notary']), 'LEDGER_TX_MALFORMED'],
  ['fn missing', withField('fn', undefined), 'LEDGER_TX_MALFORMED'],
  ['fn empty', withField('fn', ''), 'LEDGER_TX_MALFORMED'],
  ['fn starts with a digit', withField('fn', '1anchor'), 'LEDGER_TX_MALFORMED'],
  ['fn with a dash', withField('fn', 'an-chor'), 'LEDGER_TX_MALFORMED'],
  ['fn with a dot', withField('fn', 'an.chor'), 'LEDGER_TX_MALFORMED'],
  ['fn of 65 characters', withField('fn', 'f'.repeat(65)), 'LEDGER_TX_MALFORMED'],
  ['args missing', withField('args', undefined), 'LEDGER_TX_MALFORMED'],
  ['args null', withField('args', null), 'LEDGER_TX_MALFORMED'],
  ['args array', withField('args', []), 'LEDGER_TX_MALFORMED'],
  ['args string', withField('args', '{}'), 'LEDGER_TX_MALFORMED'],
  ['args with a fraction', withField('args', { amount: 1.5 }), 'LEDGER_TX_MALFORMED'],
  ['args with a fraction deep inside', withField('args', { a: [{ b: [0, 0.1] }] }), 'LEDGER_TX_MALFORMED'],
  ['args with 2^53', withField('args', { n: 2 ** 53 }), 'LEDGER_TX_MALFORMED'],
  ['args with -(2^53)', withField('args', { n: -(2 ** 53) }), 'LEDGER_TX_MALFORMED'],
  ['args with 1e21', withField('args', { n: 1e21 }), 'LEDGER_TX_MALFORMED'],
  ['signer missing', withField('signer', undefined), 'LEDGER_TX_MALFORMED'],
  ['signer empty', withField('signer', ''), 'LEDGER_TX_MALFORMED'],
  ['signer of 257 characters', withField('signer', 's'.repeat(257)), 'LEDGER_TX_MALFORMED'],
  ['signer number', withField('signer', 1), 'LEDGER_TX_MALFORMED'],
  ['nonce missing', withField('nonce', undefined), 'LEDGER_TX_MALFORMED'],
  ['nonce empty', withField('nonce', ''), 'LEDGER_TX_MALFORMED'],
  ['nonce of 65 characters', withField('nonce', 'n'.repeat(65)), 'LEDGER_TX_MALFORMED'],
  ['nonce with "+"', withField('nonce', 'a+b'), 'LEDGER_TX_MALFORMED'],
  ['nonce with padding', withField('nonce', 'abc='), 'LEDGER_TX_MALFORMED'],
  ['nonce with a space', withField('nonce', 'a b'), 'LEDGER_TX_MALFORMED'],
  ['nonce number', withField('nonce', 1), 'LEDGER_TX_MALFORMED'],
  ['ts missing', withField('ts', undefined), 'LEDGER_TX_MALFORMED'],
  ['ts negative', withField('ts', -1), 'LEDGER_TX_MALFORMED'],
  ['ts fraction', withField('ts', 1767225660000.5), 'LEDGER_TX_MALFORMED'],
  ['ts string', withField('ts', '1767225660000'), 'LEDGER_TX_MALFORMED'],
  ['ts 2^53', withField('ts', 2 ** 53), 'LEDGER_TX_MALFORMED'],
  ['ts null', withField('ts', null), 'LEDGER_TX_MALFORMED'],
  ['sig missing', withField('sig', undefined), 'LEDGER_TX_MALFORMED'],
  ['sig number', withField('sig', 0), 'LEDGER_TX_MALFORMED'],
  ['sig padded', withField('sig', `${valid.sig}==`), 'LEDGER_TX_MALFORMED'],
  ['sig in standard base64', withField('sig', Buffer.from(base64urlToBytes(valid.sig)!).toString('base64')), 'LEDGER_TX_MALFORMED'],
  ['sig with non-canonical trailing bits', withField('sig', respellLastCharacter(valid.sig)), 'LEDGER_TX_MALFORMED'],
];

test('decodeTransaction: every malformed field has its code (table)', () => {
  for (const [name, tx, code] of decodeCases) assert.equal(codeOf(() => decodeTransaction(tx)), code, name);
});

test('admitTransaction: malformed input keeps the decoder\u2019s code, as text and as a parsed value', () => {
  for (const [name, tx, code] of decodeCases) {
    // A string given to admitTransaction is JSON text to parse, not a value.
    if (typeof tx === 'string') continue;
    assert.equal(codeOf(() => admitTransaction(tx, context)), code, `${name} (value)`);
    assert.equal(codeOf(() => admitTransaction(JSON.stringify(tx), context)), code, `${name} (text)`);
  }
  assert.equal(codeOf(() => admitTransaction(JSON.stringify(JSON.stringify(valid)), context)), 'LEDGER_TX_MALFORMED', 'JSON text of a JSON string');
  for (const text of ['', '{', '{"v":1,}', 'undefined', "{'v':1}", '{"v":1}{"v":1}', '\u0000']) {
    assert.equal(codeOf(() => admitTransaction(text, context)), 'LEDGER_TX_MALFORMED', `not JSON: ${JSON.stringify(text)}`);
  }
});

test('admitTransaction: wrong network is LEDGER_TX_WRONG_NETWORK, checked before the signature', () => {
  const other = signTransaction({ ...body, network: 'other-net' }, member);
  assert.equal(codeOf(() => admitTransaction(JSON.stringify(other), context)), 'LEDGER_TX_WRONG_NETWORK');
  assert.equal(codeOf(() => admitTransaction(other, { ...context, network: 'other-net' })), 'no error', 'admitted on its own network');
  assert.equal(codeOf(() => admitTransaction(withField('network', 'other-net'), context)), 'LEDGER_TX_WRONG_NETWORK', 'even unsigned for that network');
});

test('admitTransaction: a signer that is not a key of the network\u2019s suite is LEDGER_TX_BAD_SIGNER', () => {
  const sm2Key = sm2Suite.signingKeyFromPkcs8(sm2Suite.generateSigningKey().exportPkcs8());
  const raw = base64urlToBytes(member.publicKey.slice('ed25519:'.length))!;
  const signers = [
    'alice',
    'ed25519:',
    'ed25519:abc',
    `ed25519:${bytesToBase64url(raw.subarray(0, 31))}`,
    `ed25519:${bytesToBase64url(raw)}=`,
    `ED25519:${bytesToBase64url(raw)}`,
    bytesToBase64url(raw),
    sm2Key.publicKey,
  ];
  for (const signer of signers) {
    const tx = signTransaction({ ...body, signer }, member);
    assert.equal(codeOf(() => admitTransaction(tx, context)), 'LEDGER_TX_BAD_SIGNER', signer);
  }
  const sm2Tx = signTransaction({ ...body, signer: sm2Key.publicKey }, sm2Key);
  assert.equal(codeOf(() => admitTransaction(sm2Tx, { ...context, suite: sm2Suite })), 'no error', 'the same SM2 transaction on an SM2 network');
});

test('admitTransaction: a signature that does not verify is LEDGER_TX_BAD_SIGNATURE', () => {
  const sig = base64urlToBytes(valid.sig)!;
  const flipped = sig.slice();
  flipped[10]! ^= 0x40;
  const cases: [string, SignedTransaction][] = [
    ['a bit flipped', { ...valid, sig: bytesToBase64url(flipped) }],
    ['empty', { ...valid, sig: '' }],
    ['truncated', { ...valid, sig: bytesToBase64url(sig.subarray(0, 63)) }],
    ['signed by another key', signTransaction(body, stranger) && { ...signTransaction(body, stranger), signer: member.publicKey }],
    ['signed as another signer', signTransaction({ ...body, signer: stranger.publicKey }, member)],
    ['ts changed after signing', { ...valid, ts: valid.ts + 1 }],
    ['nonce changed after signing', { ...valid, nonce: 'other' }],
    ['args changed after signing', { ...valid, args: { ...valid.args, title: 'Ruling 18' } }],
    ['args key added after signing', { ...valid, args: { ...valid.args, extra: null } }],
    ['a signature over the untagged body', { ...valid, sig: bytesToBase64url(member.sign(new TextEncoder().encode(canonicalize(body)))) }],
  ];
  for (const [name, tx] of cases) {
    const code = codeOf(() => admitTransaction(JSON.stringify(tx), context));
    assert.equal(code, 'LEDGER_TX_BAD_SIGNATURE', name);
  }
});

test('admitTransaction: oversized transactions are LEDGER_TX_TOO_LARGE', () => {
  const small: AdmissionContext = { ...context, limits: { maxBytes: 1024 } };
  const big = signTransaction({ ...body, args: { text: 'x'.repeat(2000) } }, member);
  assert.equal(codeOf(() => admitTransaction(JSON.stringify(big), small)), 'LEDGER_TX_TOO_LARGE', 'canonical form over the limit');
  assert.equal(codeOf(() => admitTransaction(big, small)), 'LEDGER_TX_TOO_LARGE', 'as a parsed value');
  assert.equal(codeOf(() => admitTransaction(' '.repeat(2049), small)), 'LEDGER_TX_TOO_LARGE', 'text over twice the limit is refused before parsing');
  const fits = signTransaction({ ...body, args: { text: 'x'.repeat(400) } }, member);
  assert.equal(codeOf(() => admitTransaction(JSON.stringify(fits, null, 8), small)), 'no error', 'whitespace of the submitted text does not count');
  const canonicalLength = canonicalize(fits).length;
  assert.equal(codeOf(() => admitTransaction(fits, { ...context, limits: { maxBytes: canonicalLength } })), 'no error', 'exactly at the limit');
  assert.equal(codeOf(() => admitTransaction(fits, { ...context, limits: { maxBytes: canonicalLength - 1 } })), 'LEDGER_TX_TOO_LARGE', 'one byte over');
});

// BUG (src/ledger/admission.ts line 42, and line 29): the limit is documented
// as bytes of the canonical transaction (TransactionLimits.maxBytes) but is
// compared with `canonical.length`, which counts UTF-16 code units. Text in
// CJK scripts takes 3 UTF-8 bytes per unit, so a transaction of about 3 x
// maxBytes is admitted.
test('admitTransaction: the size limit counts UTF-8 bytes, not UTF-16 code units', () => {
  const small: AdmissionContext = { ...context, limits: { maxBytes: 1024 } };
  const cjk = signTransaction({ ...body, args: { text: '\u5211'.repeat(600) } }, member);
  assert.ok(Buffer.byteLength(canonicalize(cjk), 'utf8') > 1024 + 700);
  assert.equal(codeOf(() => admitTransaction(JSON.stringify(cjk), small)), 'LEDGER_TX_TOO_LARGE');
});

// BUG (src/ledger/transaction.ts lines 47-55, assertIntegersOnly): it recurses
// once per nesting level with no depth limit, so args nested ~10,000 deep
// (about 20 KB, well under the 64 KiB limit) throw a RangeError (stack
// overflow) out of decodeTransaction instead of LEDGER_TX_MALFORMED. The node's
// admission worker maps unknown errors to LEDGER_TX_MALFORMED, other callers
// (SDK, CLI) do not.
test('decodeTransaction: deeply nested args are LEDGER_TX_MALFORMED, not a stack overflow', () => {
  const raw = JSON.stringify(valid).replace(/"args":\{/, `"args":{"deep":${'['.repeat(20_000)}${']'.repeat(20_000)},`);
  assert.ok(raw.length < 64 * 1024);
  assert.equal(codeOf(() => decodeTransaction(JSON.parse(raw))), 'LEDGER_TX_MALFORMED');
});

// BUG (src/ledger/transaction.ts decodeTransaction): it accepts args that
// cannot be canonicalized — lone surrogates (valid in JSON text: "\ud800") and
// nesting deeper than 64 — so admission then fails in canonicalize() with
// CRYPTO_BAD_ENCODING instead of the transaction code LEDGER_TX_MALFORMED.
test('decodeTransaction: args that cannot be canonicalized are LEDGER_TX_MALFORMED', () => {
  const lone = JSON.stringify(valid).replace(/"args":\{/, '"args":{"t":"\\ud800",');
  const deep = JSON.stringify(valid).replace(/"args":\{/, `"args":{"d":${'['.repeat(70)}${']'.repeat(70)},`);
  assert.equal(codeOf(() => admitTransaction(lone, context)), 'LEDGER_TX_MALFORMED', 'lone surrogate');
  assert.equal(codeOf(() => admitTransaction(deep, context)), 'LEDGER_TX_MALFORMED', 'depth 71');
});

// ---------- properties

const decoderCodes = new Set<string>(['LEDGER_TX_MALFORMED', 'LEDGER_TX_BAD_VERSION']);
const admissionCodes = new Set<string>([...decoderCodes, 'LEDGER_TX_TOO_LARGE', 'LEDGER_TX_WRONG_NETWORK', 'LEDGER_TX_BAD_SIGNER', 'LEDGER_TX_BAD_SIGNATURE']);
const fields = ['v', 'network', 'contract', 'fn', 'args', 'signer', 'nonce', 'ts', 'sig'];

/** Runs `run`; true when it returns or throws a CustosError whose code is in `codes`. */
function onlyCodes(codes: ReadonlySet<string>, run: () => unknown): boolean {
  try {
    run();
    return true;
  } catch (error: unknown) {
    if (isCustosError(error) && codes.has(error.code)) return true;
    throw error;
  }
}

/** One change to a valid transaction: a field set to any JSON value, removed, added, or args replaced. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), field: fc.constantFrom(...fields), value: fc.jsonValue({ maxDepth: 4 }) }),
  fc.record({ kind: fc.constant('delete' as const), field: fc.constantFrom(...fields) }),
  fc.record({ kind: fc.constant('add' as const), field: fc.string({ maxLength: 8 }), value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ kind: fc.constant('args' as const), value: fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 4 })) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(mutations: readonly Mutation[]): Record<string, unknown> {
  const tx = copy();
  for (const m of mutations) {
    if (m.kind === 'delete') delete tx[m.field];
    else if (m.kind === 'args') tx['args'] = m.value;
    else tx[m.field] = m.value;
  }
  return tx;
}

test('decodeTransaction: arbitrary JSON values throw only LEDGER_TX_MALFORMED or LEDGER_TX_BAD_VERSION (property)', () => {
  assertProperty(fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => onlyCodes(decoderCodes, () => decodeTransaction(value))));
  assertProperty(fc.property(fc.dictionary(fc.constantFrom(...fields, 'x'), fc.jsonValue({ maxDepth: 3 })), (value) => onlyCodes(decoderCodes, () => decodeTransaction(value))));
});

test('decodeTransaction: mutated valid transactions throw only decoder codes, and what passes is well-formed (property)', () => {
  assertProperty(
    fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) =>
      onlyCodes(decoderCodes, () => {
        const decoded = decodeTransaction(mutate(mutations));
        // Whatever the decoder lets through has exactly the transaction's fields.
        assert.deepEqual(Object.keys(decoded).sort(), [...fields].sort());
      }),
    ),
  );
});

test('admitTransaction: mutated transactions and mutated JSON text throw only admission codes (property)', () => {
  assertProperty(fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => onlyCodes(admissionCodes, () => admitTransaction(mutate(mutations), context))));
  const text = JSON.stringify(valid);
  assertProperty(
    fc.property(fc.nat({ max: text.length - 1 }), fc.string({ unit: 'grapheme-ascii', maxLength: 3 }), fc.nat({ max: 3 }), (at, insert, remove) =>
      onlyCodes(admissionCodes, () => admitTransaction(text.slice(0, at) + insert + text.slice(at + remove), context)),
    ),
  );
});

test('admitTransaction: only the signed bytes admit; any change to a signed field is caught (property)', () => {
  assertProperty(
    fc.property(fc.constantFrom('network', 'contract', 'fn', 'nonce', 'ts', 'args'), fc.jsonValue({ maxDepth: 2 }), (field, value) => {
      const tx = withField(field, value);
      const code = codeOf(() => admitTransaction(tx, context));
      if (canonicalize(tx) === canonicalize(valid)) return code === 'no error';
      return code !== 'no error' && admissionCodes.has(code);
    }),
  );
});
