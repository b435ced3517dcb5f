import { DiscardPolicy, jetstream, jetstreamManager, RetentionPolicy, StorageType, type StreamConfig } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import type { NatsNames } from './nats-names.ts';

export interface OrderingProvisionOptions {
  /** Replicas of every stream and of the lease bucket: 3 or 5 in production, 1 for a single server. */
  replicas: number;
  /** How long a submitted transaction stays in TX: past the network's tx window it can no longer commit. */
  txMaxAgeMs: number;
  /** Resubmitting a transaction within this window is answered as a duplicate by the stream itself. */
  txDuplicateWindowMs: number;
  /** Blocks kept in BLOCKS (0 = unlimited); older ones are trimmed and late nodes restore a snapshot. */
  blocksMaxMessages: number;
  /** Checkpoints kept, by age. */
  checkpointsMaxAgeMs: number;
  /** Cutter lease time to live: a dead cutter is replaced about this long after its last renewal. */
  leaseTtlMs: number;
  maxMessageBytes: number;
}

export const defaultOrderingProvisionOptions: OrderingProvisionOptions = {
  replicas: 3,
  txMaxAgeMs: 15 * 60_000,
  txDuplicateWindowMs: 2 * 60_000,
  blocksMaxMessages: 0,
  checkpointsMaxAgeMs: 24 * 3_600_000,
  leaseTtlMs: 2_000,
  maxMessageBytes: 8 * 1024 * 1024,
};

const ns = (ms: number) => ms * 1_000_000;

/**
 * Creates (or updates) the streams and the lease bucket of a network. Run by
 * the operator with the admin user when the network is set up; nodes only
 * read and publish, they have no right to create or change streams.
 */
export async function provisionOrdering(nc: NatsConnection, names: NatsNames, options: OrderingProvisionOptions): Promise<void> {
  const jsm = await jetstreamManager(nc, { timeout: 10_000 });
  const common = { storage: StorageType.File, num_replicas: options.replicas, retention: RetentionPolicy.Limits, discard: DiscardPolicy.Old, max_msg_size: options.maxMessageBytes };
  const streams: (Partial<StreamConfig> & { name: string })[] = [
    { ...common, name: names.txStream, subjects: [names.txSubject], max_age: ns(options.txMaxAgeMs), duplicate_window: ns(options.txDuplicateWindowMs) },
    { ...common, name: names.blocksStream, subjects: [names.blocksSubject], max_msgs: options.blocksMaxMessages > 0 ? options.blocksMaxMessages : -1, duplicate_window: ns(10_000) },
    { ...common, name: names.checkpointsStream, subjects: [`${names.checkpointSubjectPrefix}.*`], max_age: ns(options.checkpointsMaxAgeMs), duplicate_window: ns(10_000) },
  ];
  for (const config of streams) {
    try {
      await jsm.streams.info(config.name);
      await jsm.streams.update(config.name, config);
    } catch (error) {
      if (!String(error).includes('not found')) throw error;
      await jsm.streams.add(config);
    }
  }
  await new Kvm(jetstream(nc, { timeout: 10_000 })).create(names.leaseBucket, { ttl: options.leaseTtlMs, replicas: options.replicas, history: 1 });
}

/** Changes how many blocks BLOCKS keeps (operators; tests that trim the stream). */
export async function setBlocksRetention(nc: NatsConnection, names: NatsNames, maxMessages: number): Promise<void> {
  const jsm = await jetstreamManager(nc, { timeout: 10_000 });
  await jsm.streams.update(names.blocksStream, { max_msgs: maxMessages > 0 ? maxMessages : -1 });
}
