import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { custosError } from '../../errors/custos-error.ts';
import type { IndexValue } from '../../ledger/store/state-store.ts';
import type { CustosNode } from '../../node/node.ts';
import { ProblemSchema } from '../schemas.ts';

const StateDocumentSchema = Type.Object(
  { collection: Type.String(), id: Type.String(), doc: Type.Record(Type.String(), Type.Unknown()), version: Type.Integer(), height: Type.Integer() },
  { additionalProperties: true },
);

function parseJsonParam(name: string, text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw custosError('LEDGER_QUERY_INVALID', `${name} must be JSON`);
  }
}

export const stateRoutes = (node: CustosNode): FastifyPluginAsyncTypebox => async (app) => {
  app.get(
    '/v1/state',
    {
      schema: {
        summary: 'Collections and their declared indexes',
        tags: ['state'],
        response: { 200: Type.Object({ collections: Type.Array(Type.Object({ name: Type.String(), indexes: Type.Array(Type.Object({ name: Type.String(), fields: Type.Array(Type.String()) })) })) }) },
      },
    },
    async () => ({ collections: node.ledger.state.collections().map((name) => ({ name, indexes: node.ledger.state.indexesOf(name) })) }),
  );

  app.get(
    '/v1/state/:collection/:id',
    {
      schema: {
        summary: 'One document of the world state',
        tags: ['state'],
        params: Type.Object({ collection: Type.String({ maxLength: 64 }), id: Type.String({ maxLength: 256 }) }),
        response: { 200: StateDocumentSchema, 404: ProblemSchema },
      },
    },
    async (request) => {
      const { collection, id } = request.params;
      const found = node.ledger.state.get(collection, id);
      if (found === undefined) throw custosError('RUNTIME_NOT_FOUND', `no document ${id} in ${collection}`, { collection, id });
      return found;
    },
  );

  app.get(
    '/v1/state/:collection',
    {
      schema: {
        summary: 'Query a collection by a declared index',
        description: '`equals` is a JSON array of values for the index fields, in order; `range` is a JSON object {gte,gt,lte,lt} on the next field. Example: /v1/state/notary.anchors?index=byType&equals=["court.ruling"]',
        tags: ['state'],
        params: Type.Object({ collection: Type.String({ maxLength: 64 }) }),
        querystring: Type.Object({
          index: Type.String(),
          equals: Type.Optional(Type.String()),
          range: Type.Optional(Type.String()),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
          offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
        }),
        response: { 200: Type.Object({ documents: Type.Array(StateDocumentSchema) }), 400: ProblemSchema, 404: ProblemSchema },
      },
    },
    async (request) => {
      const equals = parseJsonParam('equals', request.query.equals);
      const range = parseJsonParam('range', request.query.range);
      if (equals !== undefined && !Array.isArray(equals)) throw custosError('LEDGER_QUERY_INVALID', 'equals must be a JSON array');
      if (range !== undefined && (range === null || typeof range !== 'object' || Array.isArray(range))) throw custosError('LEDGER_QUERY_INVALID', 'range must be a JSON object');
      const query = {
        index: request.query.index,
        ...(equals === undefined ? {} : { equals: equals as IndexValue[] }),
        ...(range === undefined ? {} : { range: range as Record<string, IndexValue> }),
        ...(request.query.limit === undefined ? {} : { limit: request.query.limit }),
        ...(request.query.offset === undefined ? {} : { offset: request.query.offset }),
      };
      return { documents: node.ledger.state.query(request.params.collection, query) };
    },
  );
};
