import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { custosError } from '../../errors/custos-error.ts';
import type { CustosNode } from '../../node/node.ts';
import { BlockHeaderSchema, CheckpointSchema, Hex32, ProblemSchema, ResultSchema, SignedTransactionSchema } from '../schemas.ts';

const Open = { additionalProperties: true } as const;

/** Consortium nodes know finality; a solo node's committed block is already final (its checkpoint is the network's). */
export function isFinal(node: CustosNode, height: number): boolean {
  const finality = (node as Partial<{ isFinal(height: number): boolean }>).isFinal;
  return finality === undefined ? height <= node.ledger.head().height : finality(height);
}

export const transactionRoutes = (node: CustosNode): FastifyPluginAsyncTypebox => async (app) => {
  app.post(
    '/v1/transactions',
    {
      schema: {
        summary: 'Submit a signed transaction',
        description:
          'Admits the transaction (form, network, signature, time window, replay). Without `wait` answers 202 once admitted — not yet durable. With `wait=true` answers 200 after the block holding it is committed to disk.',
        tags: ['transactions'],
        querystring: Type.Object({
          wait: Type.Optional(Type.Boolean()),
          timeoutMs: Type.Optional(Type.Integer({ minimum: 1, maximum: 120_000 })),
        }),
        body: SignedTransactionSchema,
        response: {
          200: Type.Object({ txId: Hex32, status: Type.Literal('committed'), height: Type.Integer(), seq: Type.Integer(), result: ResultSchema }, Open),
          202: Type.Object({ txId: Hex32, status: Type.Literal('pending') }),
          400: ProblemSchema,
          401: ProblemSchema,
          409: ProblemSchema,
          413: ProblemSchema,
          503: ProblemSchema,
        },
      },
      // The ledger's decoder checks the body and answers with precise codes
      // (LEDGER_TX_MALFORMED, …); the schema above documents it. Fastify stops
      // validating at the first failing part, so the query is read by hand.
      attachValidation: true,
    },
    async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      const wait = query['wait'] === true || query['wait'] === 'true';
      const timeoutMs = query['timeoutMs'] === undefined ? undefined : Number(query['timeoutMs']);
      if (timeoutMs !== undefined && (!Number.isSafeInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 120_000)) {
        throw custosError('API_BAD_REQUEST', 'timeoutMs must be 1..120000');
      }
      const outcome = await node.submit(request.body, timeoutMs === undefined ? { wait } : { wait, timeoutMs });
      return reply.code(outcome.status === 'committed' ? 200 : 202).send(outcome as never);
    },
  );

  app.get(
    '/v1/transactions/:txId',
    {
      schema: {
        summary: 'A committed transaction with its result',
        tags: ['transactions'],
        params: Type.Object({ txId: Hex32 }),
        response: {
          200: Type.Object(
            {
              txId: Hex32,
              seq: Type.Integer(),
              height: Type.Integer(),
              status: Type.Union([Type.Literal('committed'), Type.Literal('final')], {
                description: "`committed`: in this node's ledger. `final`: the block's checkpoint is signed alike by nodes meeting the network's finality policy (consortium mode; a solo node's block is final once committed).",
              }),
              tx: SignedTransactionSchema,
              result: ResultSchema,
            },
            Open,
          ),
          404: ProblemSchema,
        },
      },
    },
    async (request) => {
      const stored = node.ledger.getTransaction(request.params.txId);
      return { ...stored, status: isFinal(node, stored.height) ? 'final' : 'committed' } as never;
    },
  );

  app.get(
    '/v1/transactions/:txId/proof',
    {
      schema: {
        summary: 'A self-contained proof of a transaction and its result',
        description: 'Inclusion in the ledger log against the orderer-signed block header, and the result against the node-signed checkpoint. Check it offline with `custos proof verify` or the SDK.',
        tags: ['proofs'],
        params: Type.Object({ txId: Hex32 }),
        response: {
          200: Type.Object(
            {
              v: Type.Literal(1),
              network: Type.String(),
              txId: Hex32,
              tx: SignedTransactionSchema,
              seq: Type.Integer(),
              header: BlockHeaderSchema,
              inclusion: Type.Array(Hex32),
              result: ResultSchema,
              resultIndex: Type.Integer(),
              resultProof: Type.Array(Hex32),
              checkpoint: CheckpointSchema,
            },
            Open,
          ),
          404: ProblemSchema,
        },
      },
    },
    async (request) => node.ledger.transactionProof(request.params.txId) as never,
  );
};
