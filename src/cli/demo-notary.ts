import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bytesToHex, utf8ToBytes } from '../crypto/bytes.ts';
import { getSuite } from '../crypto/suites.ts';
import { signTransaction, type TransactionBody } from '../ledger/transaction.ts';
import { readKeyFile, signingKeyToKeyFile, writeKeyFile } from '../node/key-file.ts';
import type { CustosNode } from '../node/node.ts';

const demoDocuments = [
  { title: 'Jiangsu Prison Administration Bureau: 2026 points assessment rules', type: 'bureau.regulation' },
  { title: 'JS-07 public notice: commutation proposals, batch 2026-10', type: 'prison.public-notice' },
  { title: 'Intermediate People\'s Court ruling (2026) Su 01 Xing Jian No. 1123', type: 'court.ruling' },
  { title: 'Procuratorate opinion on commutation batch 2026-10', type: 'procuratorate.opinion' },
  { title: 'Relief donation receipt: 20,000 KN95 masks to Nanjing First Hospital', type: 'relief.receipt' },
];

/** Anchors a handful of demo documents with a demo key kept in the data directory. */
export async function seedDemoNotary(node: CustosNode, dataDir: string): Promise<number> {
  const keyPath = join(dataDir, 'keys', 'demo.json');
  const suite = getSuite(node.genesis.suite);
  if (!existsSync(keyPath)) writeKeyFile(keyPath, signingKeyToKeyFile(suite.id, suite.generateSigningKey()));
  const key = readKeyFile(keyPath);
  const submissions = demoDocuments.map((doc, i) => {
    const body: TransactionBody = {
      v: 1,
      network: node.genesis.network,
      contract: 'notary',
      fn: 'anchor',
      args: { hash: bytesToHex(suite.hash(utf8ToBytes(`demo document ${i}: ${doc.title}`))), title: doc.title, type: doc.type },
      signer: key.publicKey,
      nonce: `demo-${i}`,
      ts: Date.now(),
    };
    return node.submit(signTransaction(body, key), { wait: true });
  });
  await Promise.all(submissions);
  return submissions.length;
}
