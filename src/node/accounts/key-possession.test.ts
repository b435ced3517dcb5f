import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bytesToHex, bytesToUtf8 } from '../../crypto/bytes.ts';
import { ed25519Suite } from '../../crypto/ed25519-suite.ts';
import { transactionSigningBytes } from '../../ledger/transaction.ts';
import { keyPossessionBytes, type KeyPossessionStatement } from './key-possession.ts';

const statement: KeyPossessionStatement = {
  v: 1,
  network: 'demo',
  org: 'Court',
  memberId: 'judge-1',
  publicKey: 'ed25519:HA2ipB0vqN7zsWf2_G6WwMRelywcQ_rqDr5LISEw6Jo',
  challenge: 'c2FtcGxlLWNoYWxsZW5nZQ',
};

test('key-possession bytes: tag, zero byte, RFC 8785 JSON (vector)', () => {
  const bytes = keyPossessionBytes(statement);
  const expected =
    'custos/v1/key-possession\u0000{"challenge":"c2FtcGxlLWNoYWxsZW5nZQ","memberId":"judge-1","network":"demo","org":"Court","publicKey":"ed25519:HA2ipB0vqN7zsWf2_G6WwMRelywcQ_rqDr5LISEw6Jo","v":1}';
  assert.equal(bytesToUtf8(bytes), expected);
  assert.equal(bytesToHex(ed25519Suite.hash(bytes)), bytesToHex(ed25519Suite.hash(new TextEncoder().encode(expected))));
});

test('only the statement’s fields are signed: extra properties cannot ride along', () => {
  const padded = { ...statement, roles: ['admin'] } as KeyPossessionStatement;
  assert.deepEqual(keyPossessionBytes(padded), keyPossessionBytes(statement));
});

test('a possession signature never verifies as a transaction signature of the same key', () => {
  const key = ed25519Suite.generateSigningKey();
  const proof = key.sign(keyPossessionBytes({ ...statement, publicKey: key.publicKey }));
  const body = { v: 1 as const, network: 'demo', contract: 'identity', fn: 'enroll', args: {}, signer: key.publicKey, nonce: 'n', ts: 1 };
  assert.equal(ed25519Suite.verify(key.publicKey, transactionSigningBytes(body), proof), false);
  assert.equal(bytesToUtf8(transactionSigningBytes(body)).startsWith('custos/v1/key-possession'), false);
});
