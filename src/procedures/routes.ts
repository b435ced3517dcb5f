import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { custosError } from '../errors/custos-error.ts';
import { procedureRegistryCollection } from '../runtime/system/governance-contract.ts';
import { caseHistory } from './contract/case-history.ts';
import { queryCases, type CaseFilter, type StateReads } from './contract/case-queries.ts';
import { jsonToRecord } from './contract/case-record.ts';
import { procedureCollections } from './contract/procedure-collections.ts';
import { registeredDefinition, registeredVersions, type RegisteredDefinition } from './contract/registered-definitions.ts';
import { toMermaid } from './to-mermaid.ts';

/** What the routes read of a node: its world state. (Structural, so this layer does not import the node.) */
export interface ProcedureRoutesNode {
  readonly ledger: { readonly state: StateReads };
}

// RFC 9457 problem details as the API's error handler writes them (the same shape as src/api's schema).
const Problem = Type.Object({ type: Type.String(), title: Type.String(), status: Type.Integer(), code: Type.String(), detail: Type.String() }, { additionalProperties: true });
const Loose = Type.Object({}, { additionalProperties: true });
const Slug = Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$' });

const DefinitionSummarySchema = Type.Object(
  {
    id: Type.String(),
    version: Type.Integer(),
    status: Type.Union([Type.Literal('active'), Type.Literal('retired')]),
    hash: Type.String(),
    from: Type.Integer({ description: 'first height at which cases may open on it' }),
    retiredFrom: Type.Optional(Type.Integer()),
    title: Type.Object({ zh: Type.String(), en: Type.String() }),
  },
  { additionalProperties: false },
);

const CaseSummarySchema = Type.Object(
  {
    caseId: Type.String(),
    procedure: Type.Object({ id: Type.String(), version: Type.Integer() }),
    subject: Type.Object({ type: Type.String(), id: Type.String() }),
    org: Type.String(),
    unit: Type.Union([Type.String(), Type.Null()]),
    state: Type.String(),
    closed: Type.Boolean(),
    overdue: Type.Boolean(),
    awaiting: Type.Array(Type.String()),
    openedAt: Type.Integer(),
    updatedAt: Type.Integer(),
    nextDueAt: Type.Union([Type.Integer(), Type.Null()]),
  },
  { additionalProperties: false },
);

function definitionSummary(entry: RegisteredDefinition) {
  return {
    id: entry.id,
    version: entry.version,
    status: entry.status,
    hash: entry.hash,
    from: entry.from,
    ...(entry.retiredFrom === undefined ? {} : { retiredFrom: entry.retiredFrom }),
    title: { zh: entry.definition.title.zh, en: entry.definition.title.en },
  };
}

function definitionOrThrow(state: StateReads, id: string, version: number): RegisteredDefinition {
  const entry = registeredDefinition(state.get, id, version);
  if (entry === undefined) throw custosError('RUNTIME_NOT_FOUND', `no procedure ${id}@${version}`, { procedure: id, version });
  return entry;
}

/**
 * Read routes of procedures for the console: registered definitions (with
 * status and hash) and their Mermaid diagrams, case lists by the indexes,
 * and one case with its full history tied to transactions.
 */
export const procedureRoutes =
  (node: ProcedureRoutesNode): FastifyPluginAsyncTypebox =>
  async (app) => {
    const state = node.ledger.state;

    app.get(
      '/v1/procedures/definitions',
      {
        schema: {
          summary: 'Registered procedure definitions (every version, active and retired)',
          tags: ['procedures'],
          response: { 200: Type.Object({ definitions: Type.Array(DefinitionSummarySchema) }) },
        },
      },
      async () => {
        const rows = ['active', 'retired'].flatMap((status) => state.query(procedureRegistryCollection, { index: 'byStatus', equals: [status], limit: 1000 }));
        const entries = rows.map((row) => registeredDefinition(state.get, String(row.doc['id']), Number(row.doc['version']))).filter((entry) => entry !== undefined);
        entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.version - b.version));
        return { definitions: entries.map(definitionSummary) };
      },
    );

    app.get(
      '/v1/procedures/definitions/:id',
      {
        schema: {
          summary: 'Every registered version of one procedure',
          tags: ['procedures'],
          params: Type.Object({ id: Slug }),
          response: { 200: Type.Object({ definitions: Type.Array(DefinitionSummarySchema) }), 404: Problem },
        },
      },
      async (request) => {
        const versions = registeredVersions(state.query, request.params.id);
        if (versions.length === 0) throw custosError('RUNTIME_NOT_FOUND', `no procedure ${request.params.id}`);
        return { definitions: versions.map(definitionSummary) };
      },
    );

    app.get(
      '/v1/procedures/definitions/:id/:version',
      {
        schema: {
          summary: 'One registered definition version, with the definition itself',
          tags: ['procedures'],
          params: Type.Object({ id: Slug, version: Type.Integer({ minimum: 1 }) }),
          response: { 200: Type.Intersect([DefinitionSummarySchema, Type.Object({ definition: Loose })]), 404: Problem },
        },
      },
      async (request) => {
        const entry = definitionOrThrow(state, request.params.id, request.params.version);
        return { ...definitionSummary(entry), definition: entry.definition as unknown as Record<string, unknown> };
      },
    );

    app.get(
      '/v1/procedures/definitions/:id/:version/diagram',
      {
        schema: {
          summary: 'Mermaid state diagram of a definition version (text/plain)',
          tags: ['procedures'],
          params: Type.Object({ id: Slug, version: Type.Integer({ minimum: 1 }) }),
          response: { 200: Type.String(), 404: Problem },
        },
      },
      async (request, reply) => {
        const entry = definitionOrThrow(state, request.params.id, request.params.version);
        return reply.type('text/plain; charset=utf-8').send(toMermaid(entry.definition));
      },
    );

    app.get(
      '/v1/procedures/cases',
      {
        schema: {
          summary: 'Cases by procedure, state, organization, unit, awaiting role or overdue',
          description:
            'One page of the most selective index (awaiting, then procedure+state, unit, org, overdue, state); other filters apply within the page, so a page may be short. `awaiting` is `role@org` or a bare role. `next` is the offset of the next page, null after the last.',
          tags: ['procedures'],
          querystring: Type.Object({
            procedure: Type.Optional(Slug),
            state: Type.Optional(Type.String({ maxLength: 64 })),
            org: Type.Optional(Type.String({ maxLength: 64 })),
            unit: Type.Optional(Type.String({ maxLength: 64 })),
            awaiting: Type.Optional(Type.String({ maxLength: 130 })),
            overdue: Type.Optional(Type.Boolean()),
            closed: Type.Optional(Type.Boolean()),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
          }),
          response: { 200: Type.Object({ cases: Type.Array(CaseSummarySchema), next: Type.Union([Type.Integer(), Type.Null()]) }), 400: Problem },
        },
      },
      async (request) => {
        const { limit, offset, ...given } = request.query;
        const filter: CaseFilter = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
        return queryCases(state, filter, { limit: limit ?? 50, offset: offset ?? 0 });
      },
    );

    app.get(
      '/v1/procedures/cases/:caseId',
      {
        schema: {
          summary: 'One case with its full history: who did what, when, in which transaction',
          tags: ['procedures'],
          params: Type.Object({ caseId: Type.String({ maxLength: 128 }) }),
          response: {
            200: Type.Object({
              case: Loose,
              unit: Type.Union([Type.String(), Type.Null()]),
              nextDueAt: Type.Union([Type.Integer(), Type.Null()]),
              history: Type.Array(Loose),
              deadlineError: Type.Optional(Loose),
            }),
            404: Problem,
          },
        },
      },
      async (request) => {
        const found = state.get(procedureCollections.cases, request.params.caseId);
        if (found === undefined) throw custosError('RUNTIME_NOT_FOUND', `no case ${request.params.caseId}`, { caseId: request.params.caseId });
        const record = jsonToRecord(found.doc);
        const { history: _history, ...rest } = record.case;
        return {
          case: rest as unknown as Record<string, unknown>,
          unit: record.unit,
          nextDueAt: record.nextDueAt,
          history: caseHistory(record) as unknown as Record<string, unknown>[],
          ...(record.deadlineError === undefined ? {} : { deadlineError: { ...record.deadlineError } }),
        };
      },
    );
  };
