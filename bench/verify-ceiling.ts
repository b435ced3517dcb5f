import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';

/**
 * The machine's Ed25519 verification ceiling: every core verifying
 * signatures through node:crypto and nothing else. The committed-throughput
 * target is a ratio of this, measured in the same run.
 */
export async function measureVerifyCeiling(seconds: number, threads = availableParallelism()): Promise<{ threads: number; perSecond: number }> {
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    const crypto = require('node:crypto');
    const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
    const messages = Array.from({ length: 256 }, (_, i) => Buffer.from('custos bench message ' + i + ' '.repeat(200)));
    const sigs = messages.map((m) => crypto.sign(null, m, privateKey));
    const until = Date.now() + workerData.ms;
    let n = 0;
    while (Date.now() < until) {
      for (let i = 0; i < 256; i++) if (!crypto.verify(null, messages[i], publicKey, sigs[i])) throw new Error('bad');
      n += 256;
    }
    parentPort.postMessage(n);
  `;
  const started = performance.now();
  const counts = await Promise.all(
    Array.from({ length: threads }, () => new Promise<number>((resolve, reject) => {
      const worker = new Worker(source, { eval: true, workerData: { ms: seconds * 1000 } });
      worker.once('message', resolve);
      worker.once('error', reject);
    })),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { threads, perSecond: counts.reduce((a, b) => a + b, 0) / elapsed };
}
