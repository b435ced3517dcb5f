import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import { custosError, isCustosError } from '../../errors/custos-error.ts';
import type { AdmittedTransaction } from '../../ledger/admission.ts';
import { blockHash } from '../../ledger/block-header.ts';
import type { Checkpoint } from '../../ledger/checkpoint.ts';
import { openLedger, type CommittedBlock, type CommittedTransaction, type Ledger } from '../../ledger/ledger.ts';
import { createBlockCutter } from '../../ordering/nats/block-cutter.ts';
import { decodeBlockMessage, type BlockMessage } from '../../ordering/nats/block-message.ts';
import { startCutterLease, type CutterLease } from '../../ordering/nats/cutter-lease.ts';
import { connectToOrdering } from '../../ordering/nats/nats-connection.ts';
import { natsNamesFor } from '../../ordering/nats/nats-names.ts';
import { defaultStreamReaderTiming, readStream, type StreamReader } from '../../ordering/nats/stream-reader.ts';
import { createNodeRuntime } from '../node-runtime.ts';
import { createTransactionIntake } from '../admission-checks.ts';
import { createCommitWaiters } from '../commit-waiters.ts';
import { createAdmissionPool } from '../admission-pool.ts';
import { openDataDir } from '../data-dir.ts';
import { createNodeMetrics } from '../metrics.ts';
import { describeFailure, type NodeFailure } from '../node-failure.ts';
import type { SubmitOutcome } from '../node.ts';
import { consortiumError } from './consortium-error.ts';
import { readConsortium } from './consortium-config.ts';
import { checkpointClaim, createFinalityTracker, isFinalFromCheckpoints, type Divergence } from './finality-tracker.ts';
import { initialCursor, readCursor, writeCursor, type OrderingCursor } from './ordering-cursor.ts';
import { recomputeStateRoot } from './recompute-state-root.ts';
import { startSnapshotService, type SnapshotService } from './snapshot-service.ts';
import { startCheckpointFeed } from './checkpoint-feed.ts';
import type { ConsortiumAlert, ConsortiumNodeModules, ConsortiumNodeOptions } from './consortium-node-options.ts';

export { defaultConsortiumNodeOptions, type ConsortiumAlert, type ConsortiumNodeModules, type ConsortiumNodeOptions } from './consortium-node-options.ts';

interface PreparedBlock {
  seq: number;
  message: BlockMessage | undefined;
  admitted: Promise<AdmittedTransaction[] | string>;
}

export const cursorFile = 'ordering-cursor.json';

/**
 * A Custos node in consortium mode: transactions go to the NATS TX stream;
 * whichever node holds the cutter lease cuts blocks into BLOCKS; every node
 * (the cutter too) validates and commits every block itself, publishes its
 * signed checkpoint and counts the others' toward finality. Same surface as
 * the solo node (`CustosNode`), plus finality, alerts and the cutter role.
 */
export async function startConsortiumNode(options: ConsortiumNodeOptions, modules: ConsortiumNodeModules) {
  const { logger, now } = modules;
  const dataDir = openDataDir(options.dataDir);
  const { genesis } = dataDir;
  const consortium = readConsortium(genesis);
  const self = consortium.organizationOfNode(dataDir.nodeKey.publicKey);
  if (self === undefined) throw consortiumError('CONSORTIUM_CONFIG_INVALID', 'this node key belongs to no organization of the consortium', { nodeKey: dataDir.nodeKey.publicKey });
  const ordererKey = options.mayCut && self.ordererKey !== undefined && dataDir.ordererKey?.publicKey === self.ordererKey ? dataDir.ordererKey : undefined;
  const names = natsNamesFor(genesis.network);
  // Same runtime as a solo node: identity, governance and access checks from the genesis.
  const { executor, contracts } = createNodeRuntime(genesis, modules.contracts);
  const ledger: Ledger = openLedger({ path: dataDir.ledgerPath, genesis, executor, nodeKey: dataDir.nodeKey, store: options.store });
  const log = logger.child({ org: self.id });

  // A database edited while the node was down shows here, before the node says anything.
  const startHead = ledger.head();
  if (startHead.height > 0) {
    // Our own checkpoint, or (right after a snapshot restore) the verified ones that came with it.
    const signed = ledger.checkpointsAt(startHead.height);
    const own = signed.find((c) => c.signer === dataDir.nodeKey.publicKey) ?? signed[0];
    const recomputed = recomputeStateRoot(ledger.rawDatabase(), ledger.suite.hash, startHead.height);
    if (own === undefined || own.stateRoot !== recomputed.stateRoot) {
      ledger.close();
      throw consortiumError('CONSORTIUM_STATE_ALTERED', `state at height ${startHead.height} does not match this node's signed checkpoint: the database was altered; restore a snapshot`, {
        height: startHead.height,
        node: self.id,
        signed: own?.stateRoot,
        recomputed: recomputed.stateRoot,
      });
    }
  }

  const cursorPath = join(options.dataDir, cursorFile);
  const savedCursor = readCursor(cursorPath);
  // A cursor ahead of the ledger (lost writes) is worthless: re-read from the stream's start.
  const cursorUsable = savedCursor !== undefined && savedCursor.height <= startHead.height;
  const position: OrderingCursor = cursorUsable ? { ...savedCursor } : { ...initialCursor, height: startHead.height };
  let txSeqKnown = cursorUsable || startHead.height === 0;

  const metrics = createNodeMetrics(() => waiters.size());
  metrics.chainHeight.set(startHead.height);
  const events = new EventEmitter<{ block: [CommittedBlock] }>();
  events.setMaxListeners(1000);
  const consortiumEvents = new EventEmitter<{ alert: [ConsortiumAlert]; final: [number] }>();
  const pool = createAdmissionPool({ suite: genesis.suite, network: genesis.network, limits: options.limits }, options.admission);
  const waiters = createCommitWaiters(metrics, now);
  // PERF: transactions this node already admitted (its own submissions, what it cut) are not verified again at commit.
  const admittedByText = new Map<string, { admitted: AdmittedTransaction; at: number }>();
  const finality = createFinalityTracker(consortium.finality);
  const alerts: ConsortiumAlert[] = [];
  const alerted = new Set<string>();
  let stopped = false;
  let fatal: unknown;
  let caughtUp = false;
  // BLOCKS/TX positions right after recent heights, for snapshots this node serves.
  const recentPositions = new Map<number, { blocksSeq: number; txSeq: number }>();

  const nc: NatsConnection = await connectToOrdering(options.nats);
  const js: JetStreamClient = jetstream(nc, { timeout: 10_000 });

  function raise(alert: ConsortiumAlert): void {
    const key = `${alert.code}/${alert.height}/${alert.nodes.join(',')}`;
    if (alerted.has(key)) return;
    alerted.add(key);
    alerts.push(alert);
    if (alerts.length > 1000) alerts.shift();
    log.error({ alert }, alert.message);
    consortiumEvents.emit('alert', alert);
  }

  /** Whoever waits for a commit hears now that this node will not tell them; the transaction may still commit elsewhere. */
  function rejectWaiters(): void {
    const stopping = custosError('LEDGER_NODE_STOPPED', 'node stopped before the transaction committed; query another node or resubmit (harmless)');
    waiters.rejectAll(stopping);
  }

  function fail(error: unknown, message: string): void {
    if (fatal !== undefined) return;
    fatal = error;
    log.fatal({ err: error }, message);
    rejectWaiters();
    void cutter.stop();
    void lease?.stop(false);
  }

  async function admitText(text: string): Promise<AdmittedTransaction> {
    const cached = admittedByText.get(text);
    if (cached !== undefined) return cached.admitted;
    return pool.admit(text);
  }

  function prepare(seq: number, data: Uint8Array): PreparedBlock {
    const message = decodeBlockMessage(data);
    const admitted =
      message === undefined
        ? Promise.resolve('not a block message')
        : Promise.all(message.txs.map(admitText)).catch((error: unknown) => `a transaction failed admission: ${error instanceof Error ? error.message : String(error)}`);
    return { seq, message, admitted };
  }

  function reject(seq: number, height: number, reason: string, orderer: string | undefined): void {
    position.blocksSeq = seq;
    const org = orderer === undefined ? undefined : consortium.config.organizations.find((o) => o.ordererKey === orderer)?.id;
    raise({ code: 'CONSORTIUM_BLOCK_REJECTED', message: `BLOCKS message ${seq} (height ${height}) rejected: ${reason}`, height, nodes: org === undefined ? [] : [org], details: { seq, orderer, reason } });
  }

  function ownCheckpointAt(height: number): Checkpoint | undefined {
    return ledger.checkpointsAt(height).find((c) => c.signer === dataDir.nodeKey.publicKey);
  }

  function onDivergence(divergence: Divergence): void {
    const own = divergence.dissenters.some((d) => d.org === self!.id);
    const names = [...divergence.finalSigners, ...divergence.dissenters.map((d) => d.org)];
    raise({
      code: 'CONSORTIUM_DIVERGED',
      message: own
        ? `this node (${self!.id}) disagrees at height ${divergence.height} with the final checkpoint of ${divergence.finalSigners.join(', ')}; stopping`
        : `${divergence.dissenters.map((d) => d.org).join(', ')} disagree at height ${divergence.height} with the final checkpoint of ${divergence.finalSigners.join(', ')}`,
      height: divergence.height,
      nodes: names,
      details: { finalClaim: divergence.finalClaim, finalSigners: divergence.finalSigners, dissenters: divergence.dissenters },
    });
    if (own) fail(consortiumError('CONSORTIUM_DIVERGED', `diverged at height ${divergence.height}`, { ...divergence }), 'node diverged from a final checkpoint; stopped');
  }

  function countCheckpoint(org: string, checkpoint: Checkpoint): void {
    const event = finality.add(org, checkpoint);
    if (event.final !== undefined) consortiumEvents.emit('final', event.final.height);
    if (event.divergence !== undefined) onDivergence(event.divergence);
  }

  function publishCheckpoint(checkpoint: Checkpoint): void {
    js.publish(`${names.checkpointSubjectPrefix}.${self!.id}`, JSON.stringify(checkpoint), { msgID: `${checkpoint.height}:${self!.id}` }).catch((error: unknown) => {
      log.warn({ err: error, height: checkpoint.height }, 'checkpoint not published');
    });
  }

  function afterCommit(block: CommittedBlock, started: number): void {
    waiters.settle(block, started);
    position.height = block.header.height;
    publishCheckpoint(block.checkpoint);
    countCheckpoint(self!.id, block.checkpoint);
    events.emit('block', block);
  }

  /**
   * Applies BLOCKS message `seq` in stream order. Every node reaches the same
   * verdict on every message (validity depends only on the chain before it),
   * so an invalid message is skipped by all, and the chain stays one.
   */
  function apply(seq: number, message: BlockMessage | undefined, admitted: AdmittedTransaction[] | string): void {
    if (fatal !== undefined || seq <= position.blocksSeq) return;
    if (message === undefined) return reject(seq, 0, 'not a block message', undefined);
    const { header } = message;
    const head = ledger.head();
    if (header.height <= head.height) {
      let ours: string | undefined;
      try {
        ours = ledger.getBlock(header.height).hash;
      } catch {
        ours = undefined;
      }
      if (ours !== undefined && ours === blockHash(ledger.suite, header)) {
        position.blocksSeq = seq;
        position.txSeq = message.txSeq;
        txSeqKnown = true;
        return;
      }
      return reject(seq, header.height, `height ${header.height} is already committed with another block`, header.orderer);
    }
    if (header.height !== head.height + 1) return reject(seq, header.height, `expected height ${head.height + 1}`, header.orderer);
    if (typeof admitted === 'string') return reject(seq, header.height, admitted, header.orderer);
    const started = performance.now();
    let block: CommittedBlock;
    try {
      block = ledger.commitBlock(header, admitted);
    } catch (error) {
      if (isCustosError(error) && error.code === 'LEDGER_BLOCK_INVALID') return reject(seq, header.height, error.message, header.orderer);
      fail(error, 'block commit failed; node stops');
      return;
    }
    position.blocksSeq = seq;
    position.txSeq = message.txSeq;
    txSeqKnown = true;
    recentPositions.set(header.height, { blocksSeq: seq, txSeq: message.txSeq });
    recentPositions.delete(header.height - 10_000);
    for (const text of message.txs) admittedByText.delete(text);
    afterCommit(block, started);
  }

  // ---- BLOCKS feed ------------------------------------------------------
  let blockMessages: StreamReader | undefined;
  let feedDone: Promise<void> = Promise.resolve();

  async function startBlockFeed(): Promise<void> {
    const jsm = await jetstreamManager(nc, { timeout: 10_000 });
    const info = await jsm.streams.info(names.blocksStream);
    let from = position.blocksSeq + 1;
    if (info.state.first_seq > from) {
      // Trimmed below our cursor: fine if what is left starts at or below our next block.
      const first = info.state.messages > 0 ? decodeBlockMessage((await jsm.streams.getMessage(names.blocksStream, { seq: info.state.first_seq }))!.data) : undefined;
      if (first !== undefined && first.header.height > ledger.head().height + 1) {
        throw consortiumError('ORDERING_BLOCKS_TRIMMED', `BLOCKS starts at height ${first.header.height}, this node is at ${ledger.head().height}; restore a snapshot`, {
          head: ledger.head().height,
          firstHeight: first.header.height,
        });
      }
      from = info.state.first_seq;
    }
    caughtUp = info.state.last_seq < from;
    const messages = readStream(nc, {
      ...defaultStreamReaderTiming,
      stream: names.blocksStream,
      fromSeq: from,
      maxMessages: 256,
      onRestart: (reason, fromSeq) => log.warn({ reason, fromSeq }, 'reading BLOCKS again'),
      onNotice: (notice) => log.debug({ notice }, 'BLOCKS consumer notice'),
    });
    blockMessages = messages;
    feedDone = (async () => {
      let chain: Promise<void> = Promise.resolve();
      let outstanding = 0;
      let expectedSeq = from;
      for await (const m of messages) {
        if (m.seq > expectedSeq) {
          // Messages this node had not read yet were trimmed while it ran (its lag outgrew the
          // stream's retention). Applying on from here would reject every later block, quietly.
          await chain;
          const head = ledger.head().height;
          fail(consortiumError('ORDERING_BLOCKS_TRIMMED', `BLOCKS was trimmed past this node while it ran (it needed message ${expectedSeq}, the stream went on at ${m.seq}; head ${head}); restart it to restore a snapshot`, { head, expectedSeq, deliveredSeq: m.seq }), 'BLOCKS trimmed past this node; node stops');
          break;
        }
        expectedSeq = m.seq + 1;
        const prepared = prepare(m.seq, m.data);
        const pending = m.info.pending;
        outstanding += 1;
        chain = chain.then(async () => {
          const admitted = await prepared.admitted;
          apply(prepared.seq, prepared.message, admitted);
          outstanding -= 1;
          if (pending === 0) caughtUp = true;
        });
        if (outstanding >= 16) await chain;
      }
      await chain;
    })().catch((error: unknown) => {
      if (!stopped) fail(error, 'BLOCKS feed failed');
    });
  }

  // ---- checkpoints feed (checkpoint-feed.ts) ---------------------------
  let checkpointMessages: StreamReader | undefined;
  let checkpointsDone: Promise<void> = Promise.resolve();

  // ---- cutting ----------------------------------------------------------
  const cutter = createBlockCutter(options.cutter, {
    nc,
    js,
    names,
    now,
    admit: async (text) => {
      try {
        const admitted = await admitText(text);
        if (!admittedByText.has(text)) admittedByText.set(text, { admitted, at: now() });
        return admitted;
      } catch {
        return undefined;
      }
    },
    isCommitted: (txId) => ledger.hasTransaction(txId),
    propose: (transactions, time) => ledger.proposeHeader({ transactions, time }, ordererKey!),
    position: () => ({ blocksSeq: position.blocksSeq, txSeq: position.txSeq }),
    applyOwn: (seq, message, transactions) => apply(seq, message, transactions),
    onBlockCut: (height, count) => log.debug({ height, txs: count }, 'block cut'),
    onFeedNotice: (notice) => log.debug({ notice }, 'TX consumer notice'),
    onError: (error, what) => log.warn({ err: error }, `cutter: ${what}`),
  });

  let lease: CutterLease | undefined;
  let snapshots: SnapshotService | undefined;
  let cursorTimer: NodeJS.Timeout | undefined;
  let sweepTimer: NodeJS.Timeout | undefined;

  try {
    const checkpointFeed = await startCheckpointFeed({
      nc,
      names,
      consortium,
      ledger,
      log,
      selfId: self.id,
      nodeKey: dataDir.nodeKey.publicKey,
      network: genesis.network,
      position,
      flushMs: options.checkpointFlushMs,
      ownCheckpointAt,
      isWriting: () => fatal === undefined && !stopped,
      isStopped: () => stopped,
      count: countCheckpoint,
      fail,
    });
    checkpointMessages = checkpointFeed.messages;
    checkpointsDone = checkpointFeed.done;
    await startBlockFeed();
    snapshots = await startSnapshotService({ nc, names, orgId: self.id, ledger, logger: log, positionAt: (height) => recentPositions.get(height), isFinal: (height) => isFinal(height) });
    if (ordererKey !== undefined) {
      const kv = await new Kvm(js).open(names.leaseBucket);
      lease = startCutterLease(options.lease, {
        kv,
        key: names.leaseKey,
        holder: self.id,
        isEligible: () => fatal === undefined && !stopped && caughtUp && txSeqKnown,
        onAcquired: () => {
          log.info({ height: ledger.head().height }, 'acquired the cutter lease');
          cutter.start();
        },
        onLost: () => {
          log.info('lost the cutter lease');
          void cutter.stop();
        },
        onError: (error) => log.debug({ err: error }, 'lease renewal failed'),
      });
    }
  } catch (error) {
    await blockMessages?.close();
    await checkpointMessages?.close();
    await nc.close().catch(() => undefined);
    await pool.close();
    ledger.close();
    throw error;
  }
  cursorTimer = setInterval(() => {
    if (fatal === undefined) writeCursor(cursorPath, position);
  }, options.cursorWriteEveryMs);
  sweepTimer = setInterval(() => {
    const cutoff = now() - genesis.txWindow.maxAgeMs - genesis.txWindow.maxSkewMs;
    for (const [text, entry] of admittedByText) if (entry.at < cutoff) admittedByText.delete(text);
  }, 30_000);
  cursorTimer.unref();
  sweepTimer.unref();
  log.info({ height: ledger.head().height, blocksSeq: position.blocksSeq, cutter: ordererKey !== undefined }, 'consortium node started');

  const intake = createTransactionIntake({
    pool,
    context: { genesis, ledger, executor, contracts, isPending: (id) => waiters.has(id) },
    countRefusal: (code) => metrics.transactionsRejected.inc({ code }),
    now,
    maxPending: options.maxPending,
    pendingCount: () => waiters.size(),
    isAccepting: () => !stopped && fatal === undefined,
  });

  async function submit(raw: unknown, opts: { wait?: boolean; timeoutMs?: number } = {}): Promise<SubmitOutcome> {
    const { admitted, time } = await intake.admit(raw);
    const { tx, txId } = admitted;
    waiters.add(txId, time);
    admittedByText.set(admitted.canonical, { admitted, at: time });
    const committed = opts.wait ? waiters.wait(txId, opts.timeoutMs ?? 30_000) : undefined;
    committed?.catch(() => undefined);
    try {
      // The stream itself drops a resubmission (same txId) within its duplicate window.
      await js.publish(names.txSubject, admitted.canonical, { msgID: txId, timeout: 10_000 });
    } catch (error) {
      waiters.drop(txId);
      metrics.transactionsRejected.inc({ code: 'LEDGER_OVERLOADED' });
      // A timeout leaves the outcome unknown: the transaction may still commit; resubmitting is harmless.
      throw custosError('LEDGER_OVERLOADED', 'the ordering service did not acknowledge the transaction; resubmit it (resubmission is harmless)', { txId }, error);
    }
    if (committed === undefined) return { txId, status: 'pending' };
    const { height, transaction } = await committed;
    return { txId, status: 'committed', height, seq: transaction.seq, result: transaction.result };
  }

  /** Whether block `height` is final: one claim for it is signed by organizations meeting the finality policy. */
  function isFinal(height: number): boolean {
    if (height < 1 || height > ledger.head().height) return false;
    if (finality.finalClaim(height) !== undefined) return true;
    return isFinalFromCheckpoints(consortium.finality, ledger.checkpointsAt(height), consortium.organizationOfNode);
  }

  async function shutdown(graceful: boolean): Promise<void> {
    if (stopped) return;
    stopped = true;
    clearInterval(cursorTimer);
    clearInterval(sweepTimer);
    rejectWaiters();
    await lease?.stop(graceful);
    await cutter.stop();
    await snapshots?.stop();
    if (graceful) {
      await blockMessages?.close().catch(() => undefined);
      await checkpointMessages?.close().catch(() => undefined);
      await Promise.all([feedDone, checkpointsDone]);
      if (fatal === undefined) writeCursor(cursorPath, position);
      await nc.drain().catch(() => undefined);
    } else {
      await nc.close().catch(() => undefined);
      await Promise.race([Promise.all([feedDone, checkpointsDone]), sleep(1_000)]);
    }
    await pool.close();
    ledger.close();
  }

  return {
    genesis,
    nodePublicKey: dataDir.nodeKey.publicKey,
    organization: self.id,
    ledger,
    metrics,
    events,
    consortiumEvents,
    submit,
    /** The node's clock (injected in tests). */
    now,
    isHealthy: () => !stopped && fatal === undefined,
    /** Why the node stopped working, when it did (also in its log). */
    failure: (): NodeFailure | undefined => describeFailure(fatal),
    isFinal,
    finalHeight: () => finality.finalHeight(),
    alerts: (): readonly ConsortiumAlert[] => alerts,
    isCutter: () => cutter.isActive(),
    isCaughtUp: () => caughtUp,
    ownCheckpointAt,
    position: (): Readonly<OrderingCursor> => position,
    /** Graceful stop: releases the cutter lease, saves the cursor, drains NATS. */
    stop: () => shutdown(true),
    /** Like a kill -9 as far as the network can tell: no lease release, no drain, no cursor save. */
    crash: () => shutdown(false),
  };
}

export type ConsortiumNode = Awaited<ReturnType<typeof startConsortiumNode>>;
