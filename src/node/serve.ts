import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { buildApi, defaultApiOptions, type ApiOptions } from '../api/app.ts';
import { notaryContract } from '../runtime/contracts/notary.ts';
import { createProceduresContract } from '../procedures/contract/index.ts';
import { demoApps, demoSubjectReaders } from './demo/demo-apps.ts';
import type { Contract } from '../runtime/contract.ts';
import { startNode, type CustosNode, type NodeOptions } from './node.ts';
import { join } from 'node:path';
import { defaultAccountsOptions, openAccounts, type Accounts } from './accounts/accounts.ts';

/** People's accounts live beside the ledger but never in it: `<data>/accounts.sqlite`. */
export const accountsFile = 'accounts.sqlite';

export interface ServeOptions {
  node: NodeOptions;
  api: ApiOptions;
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
}

/**
 * The contracts every node runs: the notary, procedures, and each app's.
 * A network whose genesis grants no policy for an app's actions simply
 * refuses them (ACCESS_DENIED); the code being present grants nothing.
 */
export const builtInContracts: Contract[] = [notaryContract, createProceduresContract({ subjectReaders: demoSubjectReaders }), ...demoApps.flatMap((app) => app.contracts)];

export interface ServingNode {
  node: CustosNode;
  accounts: Accounts;
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/** Starts a node and its HTTP API. The one place that wires the two. */
export async function serveNode(options: ServeOptions, logger: Logger, now: () => number = Date.now): Promise<ServingNode> {
  const node = await startNode(options.node, { contracts: builtInContracts, logger, now });
  let accounts: ReturnType<typeof openAccounts> | undefined;
  let app: Awaited<ReturnType<typeof buildApi>> | undefined;
  let url: string;
  try {
    accounts = openAccounts(join(options.node.dataDir, accountsFile), node.genesis.suite, defaultAccountsOptions, now);
    app = await buildApi(node, options.api ?? defaultApiOptions, logger.child({ component: 'api' }), { accounts, dataDir: options.node.dataDir });
    url = await app.listen({ host: options.host, port: options.port });
  } catch (error) {
    // E.g. the port is taken: without this the started node kept the process alive after the error.
    await app?.close();
    await node.stop();
    accounts?.close();
    throw error;
  }
  return {
    node,
    accounts,
    app,
    url,
    async close() {
      await app.close();
      await node.stop();
      accounts.close();
    },
  };
}
