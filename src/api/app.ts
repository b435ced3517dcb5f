import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { pino, type Logger } from 'pino';
import type { CustosNode } from '../node/node.ts';
import { handleError, problemFor, sendProblem } from './problem.ts';
import { blockRoutes } from './routes/blocks.ts';
import { consoleRoutes } from './routes/console.ts';
import { eventRoutes } from './routes/events.ts';
import { nodeInfoRoutes } from './routes/node-info.ts';
import { stateRoutes } from './routes/state.ts';
import { transactionRoutes } from './routes/transactions.ts';
import { authRoutes } from './routes/auth.ts';
import { prisonRoutes } from '../apps/prison/routes.ts';
import { adminRoutes } from './routes/admin.ts';
import { procedureRoutes } from '../procedures/routes.ts';
import type { Accounts } from '../node/accounts/accounts.ts';

export interface ApiOptions {
  /** Largest accepted request body in bytes. */
  bodyLimit: number;
}

export const defaultApiOptions: ApiOptions = { bodyLimit: 256 * 1024 };

/** The node's HTTP API as a Fastify instance (not yet listening). */
/** Node-local services some routes need; absent ones leave their routes out. */
export interface ApiServices {
  accounts?: Accounts;
  dataDir?: string;
}

export async function buildApi(node: CustosNode, options: ApiOptions, logger: Logger | false, services: ApiServices = {}): Promise<FastifyInstance> {
  const app = Fastify({ loggerInstance: logger === false ? pino({ enabled: false }) : logger, bodyLimit: options.bodyLimit }).withTypeProvider<TypeBoxTypeProvider>();
  // JSON only: a transaction sent as text/plain is a client mistake worth naming (415).
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => sendProblem(reply, problemFor('API_NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`)));
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Custos node API', version: '1', description: 'Submit signed transactions, read blocks and state, get proofs that anyone can check offline.' },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(transactionRoutes(node));
  await app.register(blockRoutes(node));
  await app.register(stateRoutes(node));
  await app.register(eventRoutes(node));
  await app.register(nodeInfoRoutes(node));
  await app.register(prisonRoutes(node, { now: node.now }));
  await app.register(procedureRoutes(node));
  if (services.accounts !== undefined) {
    await app.register(authRoutes(node, services.accounts));
    if (services.dataDir !== undefined) await app.register(adminRoutes(node, services.accounts, services.dataDir));
  }
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(consoleRoutes());
  return app as unknown as FastifyInstance;
}
