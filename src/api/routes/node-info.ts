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
    { schema: { summary: 'Liveness and chain height', tags: ['operations'], response: { 200: Type.Object({ status: Type.String(), height: Type.Integer() }), 503: Type.Object({ status: Type.String(), height: Type.Integer() }) } } },
    async (_request, reply) => {
      const healthy = node.isHealthy();
      return reply.code(healthy ? 200 : 503).send({ status: healthy ? 'ok' : 'failed', height: node.ledger.head().height });
    },
  );

  app.get('/metrics', { schema: { summary: 'Prometheus metrics', tags: ['operations'] } }, async (_request, reply) => {
    return reply.type(node.metrics.registry.contentType).send(await node.metrics.registry.metrics());
  });
};
