import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { buildApi, defaultApiOptions, type ApiOptions } from '../../api/app.ts';
import { builtInContracts } from '../serve.ts';
import type { ConsortiumNode, ConsortiumNodeOptions } from './consortium-node.ts';
import { joinConsortium } from './join-consortium.ts';

export interface ServingConsortiumNode {
  node: ConsortiumNode;
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/** Starts (or joins, restoring a snapshot if needed) a consortium node and its HTTP API. */
export async function serveConsortiumNode(options: { node: ConsortiumNodeOptions; api?: ApiOptions; host: string; port: number }, logger: Logger): Promise<ServingConsortiumNode> {
  const node = await joinConsortium(options.node, { contracts: builtInContracts, logger, now: Date.now });
  const app = await buildApi(node, options.api ?? defaultApiOptions, logger.child({ component: 'api' }));
  const url = await app.listen({ host: options.host, port: options.port });
  return {
    node,
    app,
    url,
    async close() {
      await app.close();
      await node.stop();
    },
  };
}
