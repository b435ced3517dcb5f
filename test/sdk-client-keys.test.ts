import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { bytesToBase64url } from '../src/crypto/bytes.ts';
import { createCustosClient, createTransaction, portableEd25519Suite, signTransactionWith, verifyTransactionProof, webCryptoSigner } from '../src/sdk/index.ts';
import { startTestNode, type TestNode } from './support/test-node.ts';

// Keys that never leave the client: a WebCrypto Ed25519 key (as a browser
// holds it, non-extractable) signs; the node only relays and orders.
let t: TestNode;
let url = '';
before(async () => {
  t = await startTestNode();
  url = await t.app.listen({ host: '127.0.0.1', port: 0 });
});
after(async () => t.close());

test('a non-extractable WebCrypto key signs through the SDK; the node relays, commits, and the proof verifies', async () => {
  const { privateKey, publicKey } = (await globalThis.crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  assert.equal(privateKey.extractable, false, 'the private key cannot be exported, even by the page holding it');
  const raw = new Uint8Array(await globalThis.crypto.subtle.exportKey('raw', publicKey));
  const signer = `ed25519:${bytesToBase64url(raw)}`;
  const client = createCustosClient({ url });
  const { genesis } = await client.getNetwork();
  const body = createTransaction({ network: genesis.network, contract: 'notary', fn: 'anchor', args: { hash: 'f'.repeat(64), title: 'Signed in the client', type: 'test.doc' }, signer });
  const tx = await signTransactionWith(body, webCryptoSigner(privateKey));
  const response = await client.submit(tx, { wait: true });
  assert.equal(response.status, 'committed');
  assert.equal(response.result?.status, 'ok');
  const proof = await client.getProof(response.txId);
  assert.equal(proof.tx.signer, signer);
  const verdict = verifyTransactionProof(proof, { network: genesis.network, orderers: genesis.orderers, nodes: genesis.nodes }, portableEd25519Suite);
  assert.ok(verdict.ok, JSON.stringify(verdict.checks));
});
