import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { canonicalize } from '../crypto/canonical-json.ts';
import { transactionCanonicalTexts } from './admission.ts';
import { transactionBody, type SignedTransaction } from './transaction.ts';

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
