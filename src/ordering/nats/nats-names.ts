/**
 * Names of everything a network uses in NATS: one set per network, so
 * several networks can share a cluster without seeing each other.
 */
export interface NatsNames {
  txStream: string;
  txSubject: string;
  blocksStream: string;
  blocksSubject: string;
  checkpointsStream: string;
  /** `checkpointSubjectPrefix.<orgId>`: each organization publishes only its own. */
  checkpointSubjectPrefix: string;
  leaseBucket: string;
  leaseKey: string;
  /** `snapshotSubjectPrefix.<orgId>`: request/reply to fetch a node's snapshot. */
  snapshotSubjectPrefix: string;
}

export function natsNamesFor(network: string): NatsNames {
  const token = network.replace(/[^A-Za-z0-9_-]/g, '_');
  return {
    txStream: `CUSTOS_${token}_TX`,
    txSubject: `custos.${token}.tx`,
    blocksStream: `CUSTOS_${token}_BLOCKS`,
    blocksSubject: `custos.${token}.blocks`,
    checkpointsStream: `CUSTOS_${token}_CHECKPOINTS`,
    checkpointSubjectPrefix: `custos.${token}.checkpoints`,
    leaseBucket: `custos_${token}_lease`,
    leaseKey: 'cutter',
    snapshotSubjectPrefix: `custos.${token}.snapshot`,
  };
}
