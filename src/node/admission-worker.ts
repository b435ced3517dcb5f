import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { getSuite } from '../crypto/suites.ts';
import { isCustosError } from '../errors/custos-error.ts';
import { digestLength } from '../crypto/suite.ts';
import { admitTransactionInto, type AdmissionContext } from '../ledger/admission.ts';
import type { AdmissionOutcome, AdmissionReply, AdmissionRequest, AdmissionWorkerData } from './admission-messages.ts';

// One of the node's admission workers: checks form and signature of batches
// of raw transactions. The main thread keeps the ledger; this thread keeps
// nothing but the suite's key cache.
const data = workerData as AdmissionWorkerData;
// Only on Linux is the nice value per thread; elsewhere this would lower the
// whole process, committing thread included. Not permitted: stay as we are.
if (data.nice !== 0 && process.platform === 'linux') {
  try {
    setPriority(0, data.nice);
  } catch {
    // e.g. a sandbox that forbids setpriority; admission works the same, only scheduled evenly.
  }
}
const context: AdmissionContext = { suite: getSuite(data.suite), network: data.network, limits: data.limits };


parentPort!.on('message', (request: AdmissionRequest) => {
  const leafHashes = new Uint8Array(digestLength * request.raws.length);
  const outcomes = request.raws.map((raw, i): AdmissionOutcome => {
    try {
      return { ok: true, admitted: admitTransactionInto(raw, context, leafHashes, i * digestLength) };
    } catch (error) {
      if (isCustosError(error)) return { ok: false, code: error.code, message: error.message };
      return { ok: false, code: 'LEDGER_TX_MALFORMED', message: 'transaction could not be read' };
    }
  });
  const reply: AdmissionReply = { id: request.id, outcomes, leafHashes, leafHashLength: digestLength };
  parentPort!.postMessage(reply, [leafHashes.buffer]);
});
