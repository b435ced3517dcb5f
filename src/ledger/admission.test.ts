import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { canonicalize } from '../crypto/canonical-json.ts';
import { ed25519Suite } from '../crypto/ed25519-suite.ts';
import { admitTransaction, admitTransactionInto, admittedTransaction, transactionCanonicalTexts } from './admission.ts';
import { defaultTransactionLimits, signTransaction, transactionBody, type SignedTransaction, type TransactionBody } from './transaction.ts';

const seed = Number(process.env['FC_SEED'] ?? Date.now() % 2 ** 31);

test('the canonical texts written field by field equal canonicalizing the body and the signed transaction (property)', () => {
  const key = fc.string({ minLength: 1, maxLength: 12 });
  // Args that try hard to confuse the splice: keys named signer/sig, quotes and commas in strings.
  const tricky = fc.oneof(fc.constantFrom('signer', 'sig', ',"signer":', '"', '\\\\', 'v', 'ts'), key);
  const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom(',"signer":"x"', '"sig"'));
  const args = fc.dictionary(tricky, fc.oneof(value, fc.dictionary(tricky, value, { maxKeys: 4 }), fc.array(value, { maxLength: 4 })), { maxKeys: 6 });
  fc.assert(
    fc.property(args, fc.string(), fc.string({ minLength: 1 }), fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/), fc.nat(), (a, signer, nonce, sig, ts) => {
      const tx = { v: 1, network: 'net', contract: 'c', fn: 'f', args: a, signer, nonce, ts, sig } as unknown as SignedTransaction;
      const texts = transactionCanonicalTexts(tx);
      assert.equal(texts.body, canonicalize(transactionBody(tx)));
      assert.equal(texts.signed, canonicalize(tx));
    }),
    { seed, numRuns: 500 },
  );
});

test('an admitted transaction is its canonical text parsed: the same objects, in JCS key order, however the signer ordered them', () => {
  const suite = ed25519Suite;
  const key = suite.generateSigningKey();
  const body: TransactionBody = { v: 1, network: 'net', contract: 'notary', fn: 'anchor', args: { z: 1, a: { y: 'b', b: [2, { d: 1, c: 0 }] }, m: null }, signer: key.publicKey, nonce: 'n1', ts: 1 };
  const tx = signTransaction(body, key);
  const leafHash = new Uint8Array(32);
  const checked = admitTransactionInto(JSON.stringify(tx), { suite, network: 'net', limits: defaultTransactionLimits }, leafHash, 0);
  const admitted = admittedTransaction(checked.txId, checked.canonical, leafHash);
  assert.equal(JSON.stringify(admitted.tx), admitted.canonical, 'every object in JCS order');
  assert.deepEqual(Object.keys(admitted.tx.args), ['a', 'm', 'z']);
  assert.deepEqual(admitted.tx, tx, 'the same values');
  assert.deepEqual(admitTransaction(tx, { suite, network: 'net', limits: defaultTransactionLimits }), admitted, 'the direct form agrees, leaf hash included');
});
