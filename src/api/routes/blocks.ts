import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { custosError } from '../../errors/custos-error.ts';
import type { CustosNode } from '../../node/node.ts';
import { isFinal } from './transactions.ts';
import { BlockHeaderSchema, CheckpointSchema, Hex32, ProblemSchema } from '../schemas.ts';

export const blockRoutes = (node: CustosNode): FastifyPluginAsyncTypebox => async (app) => {
  app.get(
    '/v1/blocks',
    {
      schema: {
        summary: 'Blocks from a height, oldest first',
        tags: ['blocks'],
        querystring: Type.Object({
          from: Type.Optional(Type.Integer({ minimum: 1 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
        }),
        response: { 200: Type.Object({ blocks: Type.Array(Type.Object({ header: BlockHeaderSchema, hash: Hex32, txCount: Type.Integer() })) }) },
      },
    },
    async (request) => {
      const limit = request.query.limit ?? 50;
      const from = request.query.from ?? Math.max(1, node.ledger.head().height - limit + 1);
      return { blocks: node.ledger.listBlocks(from, limit) };
    },
  );

  app.get(
    '/v1/blocks/:height',
    {
      schema: {
        summary: 'One block: signed header, transaction ids and checkpoints',
        tags: ['blocks'],
        params: Type.Object({ height: Type.Integer({ minimum: 1 }) }),
        response: {
          200: Type.Object({ header: BlockHeaderSchema, hash: Hex32, txIds: Type.Array(Hex32), checkpoints: Type.Array(CheckpointSchema), final: Type.Boolean({ description: 'whether the checkpoints meet the finality policy' }) }),
          404: ProblemSchema,
        },
      },
    },
    async (request) => ({ ...node.ledger.getBlock(request.params.height), checkpoints: node.ledger.checkpointsAt(request.params.height), final: isFinal(node, request.params.height) }),
  );

  app.get(
    '/v1/log/head',
    {
      schema: {
        summary: 'The current signed log head: the latest block header and its checkpoints',
        tags: ['proofs'],
        response: {
          200: Type.Object({ height: Type.Integer(), logSize: Type.Integer(), logRoot: Hex32, header: Type.Union([BlockHeaderSchema, Type.Null()]), checkpoints: Type.Array(CheckpointSchema) }),
        },
      },
    },
    async () => {
      const head = node.ledger.head();
      return { height: head.height, logSize: head.logSize, logRoot: head.logRoot, header: head.header ?? null, checkpoints: head.height > 0 ? node.ledger.checkpointsAt(head.height) : [] };
    },
  );

  app.get(
    '/v1/log/consistency',
    {
      schema: {
        summary: 'RFC 9162 consistency proof between two log sizes',
        description: 'Shows that the log at `to` extends the log at `from`: the ledger only grew.',
        tags: ['proofs'],
        querystring: Type.Object({ from: Type.Integer({ minimum: 1 }), to: Type.Integer({ minimum: 1 }) }),
        response: { 200: Type.Object({ from: Type.Integer(), to: Type.Integer(), fromRoot: Hex32, toRoot: Hex32, proof: Type.Array(Hex32) }), 400: ProblemSchema },
      },
    },
    async (request) => {
      const { from, to } = request.query;
      const size = node.ledger.head().logSize;
      if (from > to || to > size) throw custosError('MERKLE_BAD_RANGE', `need 1 <= from <= to <= ${size}`);
      return { from, to, fromRoot: node.ledger.logRootAt(from), toRoot: node.ledger.logRootAt(to), proof: node.ledger.consistencyProof(from, to) };
    },
  );
};
