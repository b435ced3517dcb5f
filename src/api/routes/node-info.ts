import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { CustosNode } from '../../node/node.ts';

export const nodeInfoRoutes = (node: CustosNode): FastifyPluginAsyncTypebox => async (app) => {
  app.get(
    '/v1/network',
    {
      schema: {
        summary: 'The network: genesis document, its hash and this node key',
        description: 'A verifier should get the genesis from a source it trusts and compare genesisHash; the keys in it are what proofs are checked against.',
        tags: ['network'],
        response: { 200: Type.Object({ genesis: Type.Record(Type.String(), Type.Unknown()), genesisHash: Type.String(), nodeKey: Type.String() }) },
      },
    },
    async () => ({ genesis: node.genesis as never, genesisHash: node.ledger.genesisHash, nodeKey: node.nodePublicKey }),
  );

  app.get(
    '/healthz',
    {
      schema: {
        summary: 'Liveness and chain height',
        description: 'A node that stopped working answers 503 with the reason (also in its log); one that is shutting down answers 503 without one.',
        tags: ['operations'],
        response: {
          200: Type.Object({ status: Type.String(), height: Type.Integer() }),
          503: Type.Object({ status: Type.String(), height: Type.Integer(), reason: Type.Optional(Type.Object({ code: Type.Optional(Type.String()), message: Type.String() })) }),
        },
      },
    },
    async (_request, reply) => {
      const height = node.ledger.head().height;
      if (node.isHealthy()) return reply.code(200).send({ status: 'ok', height });
      const reason = node.failure();
      return reply.code(503).send(reason === undefined ? { status: 'failed', height } : { status: 'failed', height, reason });
    },
  );

  app.get('/metrics', { schema: { summary: 'Prometheus metrics', tags: ['operations'] } }, async (_request, reply) => {
    return reply.type(node.metrics.registry.contentType).send(await node.metrics.registry.metrics());
  });
};
