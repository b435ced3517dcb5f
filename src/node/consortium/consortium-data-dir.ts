import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NatsConnectionOptions } from '../../ordering/nats/nats-connection.ts';
import { consortiumError } from './consortium-error.ts';

/**
 * What a consortium node keeps beside the solo data directory files:
 *   consortium.json   { org, servers: ["tls://…"], caFile }   how to reach the ordering service
 *   keys/nats.nk      the organization's NATS nkey user seed (mode 0600)
 */
export const consortiumFiles = { config: 'consortium.json', natsSeed: 'keys/nats.nk' } as const;

export interface ConsortiumDataDirConfig {
  org: string;
  servers: string[];
  caFile: string;
  /** HTTP API port the launcher gave this node (optional for hand-made deployments). */
  apiPort?: number;
}

export function isConsortiumDataDir(dir: string): boolean {
  return existsSync(join(dir, consortiumFiles.config));
}

export function readConsortiumDataDir(dir: string): { config: ConsortiumDataDirConfig; nats: NatsConnectionOptions } {
  let config: ConsortiumDataDirConfig;
  try {
    config = JSON.parse(readFileSync(join(dir, consortiumFiles.config), 'utf8')) as ConsortiumDataDirConfig;
  } catch (error) {
    throw consortiumError('ORDERING_CONFIG_INVALID', `cannot read ${join(dir, consortiumFiles.config)}`, { dir }, error);
  }
  if (!Array.isArray(config.servers) || config.servers.length === 0 || typeof config.caFile !== 'string' || typeof config.org !== 'string') {
    throw consortiumError('ORDERING_CONFIG_INVALID', `${consortiumFiles.config} needs org, servers and caFile`, { dir });
  }
  const nkeySeed = readFileSync(join(dir, consortiumFiles.natsSeed), 'utf8').trim();
  return { config, nats: { servers: config.servers, caFile: config.caFile, nkeySeed, name: `custos-${config.org}` } };
}
