/**
 * Stable error codes of consortium mode (NATS ordering, checkpoints,
 * finality, snapshots), in the shape of the registry in `src/errors/codes.ts`
 * (to be merged there). A code, once published, keeps its meaning.
 */
export const consortiumErrorCodes = {
  ORDERING_UNAVAILABLE: { status: 503, title: 'The ordering service (NATS) cannot be reached or did not acknowledge' },
  ORDERING_CONFIG_INVALID: { status: 400, title: 'Ordering configuration is invalid' },
  ORDERING_BLOCK_MESSAGE_INVALID: { status: 400, title: 'A message on the BLOCKS stream is not a valid block' },
  ORDERING_BLOCKS_TRIMMED: { status: 503, title: 'The BLOCKS stream no longer holds the blocks this node needs; restore a snapshot' },
  CONSORTIUM_CONFIG_INVALID: { status: 400, title: 'genesis.extensions.consortium is invalid' },
  CONSORTIUM_DIVERGED: { status: 500, title: 'This node disagrees with a final checkpoint and has stopped' },
  CONSORTIUM_STATE_ALTERED: { status: 500, title: 'The stored state does not match this node\'s signed checkpoint' },
  CONSORTIUM_BLOCK_REJECTED: { status: 500, title: 'A block on the BLOCKS stream failed validation and was skipped' },
  CONSORTIUM_SNAPSHOT_INVALID: { status: 400, title: 'Snapshot failed verification' },
  CONSORTIUM_SNAPSHOT_UNAVAILABLE: { status: 503, title: 'No node answered with a snapshot' },
  CONSORTIUM_NODE_FAILED: { status: 503, title: 'Consortium node has stopped after a fatal error' },
  CONSORTIUM_LAUNCHER_FAILED: { status: 500, title: 'Local network launcher failed' },
} as const;

export type ConsortiumErrorCode = keyof typeof consortiumErrorCodes;
