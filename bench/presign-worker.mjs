// Registers tsx in this thread and signs a range of notary transactions, as JSON text.
import { register } from 'tsx/esm/api';
register();
const { parentPort, workerData } = await import('node:worker_threads');
const { ed25519Suite } = await import('../src/crypto/ed25519-suite.ts');
const { signTransaction } = await import('../src/ledger/transaction.ts');
const { bytesToHex, utf8ToBytes } = await import('../src/crypto/bytes.ts');
const { network, from, to, ts } = workerData;
const keys = Array.from({ length: 16 }, () => ed25519Suite.generateSigningKey());
const out = [];
for (let i = from; i < to; i++) {
  const key = keys[i % keys.length];
  const body = {
    v: 1, network, contract: 'notary', fn: 'anchor',
    args: { hash: bytesToHex(ed25519Suite.hash(utf8ToBytes(`bench document ${i}`))), title: `Bench document ${i}`, type: 'bench.doc' },
    signer: key.publicKey, nonce: `n${i}`, ts,
  };
  out.push(JSON.stringify(signTransaction(body, key)));
}
parentPort.postMessage(out);
