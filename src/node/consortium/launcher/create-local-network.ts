import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createUser } from '@nats-io/nkeys';
import { getSuite } from '../../../crypto/suites.ts';
import { decodeGenesis, defaultTxWindow, type Genesis } from '../../../ledger/genesis.ts';
import { connectToOrdering, type NatsConnectionOptions } from '../../../ordering/nats/nats-connection.ts';
import { natsNamesFor, type NatsNames } from '../../../ordering/nats/nats-names.ts';
import { organizationPermissions } from '../../../ordering/nats/nats-permissions.ts';
import { defaultOrderingProvisionOptions, provisionOrdering, type OrderingProvisionOptions } from '../../../ordering/nats/provision-ordering.ts';
import { dataDirFiles } from '../../data-dir.ts';
import { signingKeyToKeyFile, writeKeyFile } from '../../key-file.ts';
import { consortiumFiles, type ConsortiumDataDirConfig } from '../consortium-data-dir.ts';
import { defaultFinalityPolicy, type ConsortiumConfig } from '../consortium-config.ts';
import { createTestCertificates } from './create-test-certificates.ts';
import { startNatsCluster, type NatsCluster } from './nats-cluster.ts';
import type { NatsUser } from './nats-server-config.ts';

/** Organization ids the launcher hands out, in order; more orgs get org5, org6, … */
export const launcherOrgIds = ['bureau', 'procuratorate', 'court', 'health'];

export interface LocalNetworkOptions {
  dir: string;
  orgs: number;
  natsServers: number;
  network: string;
  /** Default: more than two thirds of the organizations. */
  finality?: string;
  provision: Partial<OrderingProvisionOptions>;
  /** NATS users that belong to no organization, with their permissions (tests of the ordering service's rights). */
  extraUsers?: { name: string; permissions: (names: NatsNames) => NatsUser['permissions'] }[];
  detached: boolean;
  /** First HTTP API port; org i gets apiBasePort + i (0: none assigned). */
  apiBasePort: number;
}

export interface LocalOrganization {
  id: string;
  dataDir: string;
  nats: NatsConnectionOptions;
}

export interface LocalNetwork {
  dir: string;
  genesis: Genesis;
  names: NatsNames;
  organizations: LocalOrganization[];
  cluster: NatsCluster;
  caFile: string;
  /** Full rights: provisioning, trimming streams in tests. */
  admin: NatsConnectionOptions;
  extraUsers: Record<string, NatsConnectionOptions>;
}

/**
 * A whole consortium on loopback: a CA and TLS certificate, one nkey user per
 * organization (orderer rights for all), a NATS cluster of `natsServers`
 * servers, the streams and lease bucket, and one data directory per
 * organization (keys, shared genesis, consortium.json). Nodes are started
 * separately (in-process by tests, as processes by `custos network up`).
 */
export async function createLocalNetwork(options: LocalNetworkOptions): Promise<LocalNetwork> {
  const suite = getSuite('ed25519-sha256');
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const certificates = createTestCertificates(join(options.dir, 'ca'));
  const names = natsNamesFor(options.network);
  const ids = Array.from({ length: options.orgs }, (_, i) => launcherOrgIds[i] ?? `org${i + 1}`);
  const orgs = ids.map((id) => ({ id, nodeKey: suite.generateSigningKey(), ordererKey: suite.generateSigningKey(), nats: createUser() }));
  const admin = createUser();
  const extra = (options.extraUsers ?? []).map((user) => ({ ...user, nats: createUser() }));
  const users: NatsUser[] = [
    { nkey: admin.getPublicKey() },
    ...orgs.map((org) => ({ nkey: org.nats.getPublicKey(), permissions: organizationPermissions(names, org.id, true) })),
    ...extra.flatMap((user) => {
      const permissions = user.permissions(names);
      return [permissions === undefined ? { nkey: user.nats.getPublicKey() } : { nkey: user.nats.getPublicKey(), permissions }];
    }),
  ];
  const provision = { ...defaultOrderingProvisionOptions, replicas: Math.min(3, options.natsServers), ...options.provision };
  const cluster = await startNatsCluster({
    dir: join(options.dir, 'nats'), size: options.natsServers, host: '127.0.0.1', certificates, users, maxPayloadBytes: provision.maxMessageBytes,
    detached: options.detached,
    avoidPorts: new Set(options.apiBasePort > 0 ? ids.map((_, i) => options.apiBasePort + i) : []),
  });
  // A network that failed half-way is of no use, and its servers would outlive the caller (a test
  // process then never exits): they are stopped before the error goes on.
  try {
    const consortium: ConsortiumConfig = {
      v: 1,
      organizations: orgs.map((org) => ({ id: org.id, nodeKey: org.nodeKey.publicKey, ordererKey: org.ordererKey.publicKey })),
      finality: options.finality ?? defaultFinalityPolicy(ids),
    };
    const genesis = decodeGenesis({
      v: 1,
      network: options.network,
      title: `Local consortium of ${options.orgs}`,
      suite: suite.id,
      time: Date.now() - 1_000,
      orderers: orgs.map((org) => org.ordererKey.publicKey),
      nodes: orgs.map((org) => org.nodeKey.publicKey),
      txWindow: defaultTxWindow,
      extensions: { consortium: consortium as never },
    });
    const seedText = (kp: ReturnType<typeof createUser>) => new TextDecoder().decode(kp.getSeed());
    const organizations = orgs.map((org, i): LocalOrganization => {
      const dataDir = join(options.dir, 'orgs', org.id);
      mkdirSync(join(dataDir, 'keys'), { recursive: true, mode: 0o700 });
      writeKeyFile(join(dataDir, dataDirFiles.nodeKey), signingKeyToKeyFile(suite.id, org.nodeKey));
      writeKeyFile(join(dataDir, dataDirFiles.ordererKey), signingKeyToKeyFile(suite.id, org.ordererKey));
      writeFileSync(join(dataDir, consortiumFiles.natsSeed), seedText(org.nats) + '\n', { mode: 0o600 });
      writeFileSync(join(dataDir, dataDirFiles.genesis), JSON.stringify(genesis, null, 2) + '\n');
      const config: ConsortiumDataDirConfig = { org: org.id, servers: cluster.urls, caFile: certificates.caFile, ...(options.apiBasePort > 0 ? { apiPort: options.apiBasePort + i } : {}) };
      writeFileSync(join(dataDir, consortiumFiles.config), JSON.stringify(config, null, 2) + '\n');
      return { id: org.id, dataDir, nats: { servers: cluster.urls, caFile: certificates.caFile, nkeySeed: seedText(org.nats), name: `custos-${org.id}` } };
    });
    const adminOptions: NatsConnectionOptions = { servers: cluster.urls, caFile: certificates.caFile, nkeySeed: seedText(admin), name: 'custos-admin' };
    writeFileSync(join(options.dir, 'admin.nk'), adminOptions.nkeySeed + '\n', { mode: 0o600 });
    const nc = await connectToOrdering(adminOptions);
    try {
      // The cluster elects its JetStream meta leader shortly after start.
      for (let attempt = 0; ; attempt++) {
        try {
          await provisionOrdering(nc, names, provision);
          break;
        } catch (error) {
          if (attempt > 60) throw error;
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      }
    } finally {
      await nc.close();
    }
    const extraUsers = Object.fromEntries(extra.map((user) => [user.name, { servers: cluster.urls, caFile: certificates.caFile, nkeySeed: seedText(user.nats), name: user.name }]));
    return { dir: options.dir, genesis, names, organizations, cluster, caFile: certificates.caFile, admin: adminOptions, extraUsers };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}
