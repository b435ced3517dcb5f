import { isCustosError } from '../../errors/custos-error.ts';
import { startConsortiumNode, type ConsortiumNode, type ConsortiumNodeModules, type ConsortiumNodeOptions } from './consortium-node.ts';
import { restoreSnapshot } from './restore-snapshot.ts';

/**
 * Starts a consortium node; when BLOCKS no longer holds the blocks it needs
 * (a node down for long, or a new organization's node joining late), first
 * restores a verified snapshot from another organization's node and then
 * continues from BLOCKS.
 */
export async function joinConsortium(options: ConsortiumNodeOptions, modules: ConsortiumNodeModules): Promise<ConsortiumNode> {
  try {
    return await startConsortiumNode(options, modules);
  } catch (error) {
    if (!isCustosError(error) || (error.code as string) !== 'ORDERING_BLOCKS_TRIMMED') throw error;
    modules.logger.warn({ details: error.details }, 'BLOCKS is trimmed past this node; restoring a snapshot');
    await restoreSnapshot(options.dataDir, options.nats, modules.logger);
    return startConsortiumNode(options, modules);
  }
}
