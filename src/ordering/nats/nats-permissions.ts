import type { NatsNames } from './nats-names.ts';

export interface SubjectPermissions {
  publish: string[];
  subscribe: string[];
}

/**
 * What one organization's NATS user may do. Every node may submit
 * transactions, read the streams through (ephemeral) consumers, publish its
 * own checkpoints — and only its own — and answer snapshot requests for its
 * own organization. Only orderer organizations may publish to BLOCKS and
 * write the cutter lease. Nobody but the operator's admin user may create,
 * change, purge or delete streams or messages.
 *
 * This is defence in depth: a node never trusts a block for its subject
 * alone; `commitBlock` checks the orderer's signature against genesis.
 */
export function organizationPermissions(names: NatsNames, orgId: string, isOrderer: boolean): SubjectPermissions {
  const publish = [
    names.txSubject,
    `${names.checkpointSubjectPrefix}.${orgId}`,
    `${names.snapshotSubjectPrefix}.*`,
    '$JS.API.INFO',
    `$JS.API.STREAM.INFO.*`,
    `$JS.API.STREAM.MSG.GET.*`,
    `$JS.API.DIRECT.GET.>`,
    '$JS.API.CONSUMER.>',
    '$JS.FC.>',
    '_INBOX.>',
  ];
  if (isOrderer) publish.push(names.blocksSubject, `$KV.${names.leaseBucket}.>`);
  return { publish, subscribe: ['_INBOX.>', `${names.snapshotSubjectPrefix}.${orgId}`] };
}
