import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isCustosError } from '../../errors/custos-error.ts';
import type { StateDocument } from '../../ledger/store/state-store.ts';
import type { CustosNode } from '../../node/node.ts';
import { chinaDayOf } from '../../procedures/civil-date.ts';
import { prisonCollections as c } from './collections.ts';
import type { PrisonerDoc } from './contract/prison-docs.ts';
import { readPrisoner, withPoints } from './contract/prisoner-store.ts';
import { eligibilityErrorCodes } from './eligibility/error-codes.ts';
import { fromDayNumber } from './eligibility/iso-date.ts';
import { prisonErrorCodes } from './error-codes.ts';
import { prisonError } from './prison-error.ts';
import { assessPrisoner } from './sentence/eligibility-of.ts';

export interface PrisonRoutesOptions {
  /** Today's instant for eligibility "as of today"; injected for tests. */
  now?: () => number;
}

const appCodes: Record<string, { status: number; title: string }> = { ...prisonErrorCodes, ...eligibilityErrorCodes };

/**
 * Answers the app's own codes as problem+json until they are merged into the
 * core registry; anything else goes on to the API's handler.
 */
async function handleAppError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  if (isCustosError(error) && Object.hasOwn(appCodes, error.code)) {
    const { status, title } = appCodes[error.code]!;
    return reply.code(status).type('application/problem+json').send({ ...error.details, type: `/docs/errors#${error.code}`, title, status, code: error.code, detail: error.message });
  }
  throw error;
}

const Doc = Type.Record(Type.String(), Type.Unknown());
const Docs = Type.Array(Doc);
const idParams = Type.Object({ id: Type.String({ maxLength: 40 }) });
const dateQuery = Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }));
const limit = Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 }));

/**
 * Read routes of the prison app, over the node's world state. Writes are
 * signed transactions (POST /v1/transactions). Personal data is not served
 * here: it lives node-local and needs the privacy layer's grants.
 */
export function prisonRoutes(node: Pick<CustosNode, 'ledger' | 'genesis'>, options: PrisonRoutesOptions = {}): FastifyPluginAsyncTypebox {
  const now = options.now ?? (() => Date.now());
  const state = node.ledger.state;
  const docs = (found: StateDocument[]) => found.map((d) => d.doc);

  function prisoner(id: string): PrisonerDoc {
    const found = readPrisoner((collection, docId) => state.get(collection, docId)?.doc, id);
    if (found === undefined) throw prisonError('PRISON_UNKNOWN_PRISONER', `no prisoner ${id}`, { prisonerId: id });
    return found;
  }

  return async (app) => {
    app.setErrorHandler(handleAppError);

    app.get('/v1/prison/prisons', { schema: { summary: 'Registered prisons and their units', tags: ['prison'], response: { 200: Type.Object({ prisons: Docs }) } } }, async () => {
      const prisons = Array.from({ length: 99 }, (_, i) => state.get(c.prisons, `JS-${String(i + 1).padStart(2, '0')}`)).filter((d) => d !== undefined);
      return { prisons: docs(prisons) };
    });

    app.get(
      '/v1/prison/prisons/:id/prisoners',
      {
        schema: {
          summary: "A prison's prisoners in custody, by unit",
          tags: ['prison'],
          params: idParams,
          querystring: Type.Object({ status: Type.Optional(Type.Union([Type.Literal('in-custody'), Type.Literal('released')])), limit, offset: Type.Optional(Type.Integer({ minimum: 0 })) }),
          response: { 200: Type.Object({ prisoners: Docs }) },
        },
      },
      async (request) => ({
        prisoners: state
          .query(c.prisoners, { index: 'byPrison', equals: [request.params.id, request.query.status ?? 'in-custody'], limit: request.query.limit ?? 100, offset: request.query.offset ?? 0 })
          .map((row) => withPoints(row.doc, state.get(c.points, row.id)?.doc)),
      }),
    );

    app.get('/v1/prison/prisoners/:id', { schema: { summary: 'A prisoner: facts, sentence, dates, level, points (no personal data)', tags: ['prison'], params: idParams, response: { 200: Doc } } }, async (request) => {
      const found = prisoner(request.params.id);
      return { ...found, movements: docs(state.query(c.movements, { index: 'byPrisoner', equals: [found.id], limit: 1000 })), rulings: docs(state.query(c.rulings, { index: 'byPrisoner', equals: [found.id], limit: 1000 })) };
    });

    app.get(
      '/v1/prison/prisoners/:id/scores',
      {
        schema: {
          summary: 'Score timeline: entries (daily, corrections, base, bonuses, deductions), months and cycles',
          tags: ['prison'],
          params: idParams,
          querystring: Type.Object({ from: dateQuery, to: dateQuery, limit }),
          response: { 200: Type.Object({ balance: Type.Integer(), entries: Docs, cycles: Docs }) },
        },
      },
      async (request) => {
        const found = prisoner(request.params.id);
        const range = { ...(request.query.from === undefined ? {} : { gte: request.query.from }), ...(request.query.to === undefined ? {} : { lte: request.query.to }) };
        const entries = state.query(c.scores, { index: 'byPrisoner', equals: [found.id], range, limit: request.query.limit ?? 1000 });
        return { balance: found.points.balance, entries: docs(entries), cycles: docs(state.query(c.cycles, { index: 'byPrisoner', equals: [found.id], limit: 1000 })) };
      },
    );

    app.get(
      '/v1/prison/prisoners/:id/eligibility',
      {
        schema: {
          summary: 'Commutation and parole eligibility as of a day, each finding with the articles it applied',
          tags: ['prison'],
          params: idParams,
          querystring: Type.Object({ asOf: dateQuery }),
          response: { 200: Doc },
        },
      },
      async (request) => {
        const asOf = request.query.asOf ?? fromDayNumber(chinaDayOf(now()));
        return { prisonerId: request.params.id, ...assessPrisoner(prisoner(request.params.id), asOf) };
      },
    );

    app.get(
      '/v1/prison/prisoners/:id/account',
      { schema: { summary: 'Money account (fen) and its entries', tags: ['prison'], params: idParams, querystring: Type.Object({ limit }), response: { 200: Type.Object({ account: Doc, entries: Docs }) } } },
      async (request) => {
        const found = prisoner(request.params.id);
        const account = state.get(c.accounts, found.id)?.doc ?? { prisonerId: found.id, prison: found.prison, balanceFen: 0, month: '', spentThisMonthFen: 0 };
        return { account, entries: docs(state.query(c.accountEntries, { index: 'byPrisoner', equals: [found.id], limit: request.query.limit ?? 1000 })) };
      },
    );

    app.get(
      '/v1/prison/disclosures/:code',
      {
        schema: {
          summary: 'A published ruling or public notice by its verification code: the anchored hash of the redacted document and the proof of its anchor transaction',
          description:
            'Anyone can check a published copy without personal data: hash the copy, compare with documentHash, and verify proof (GET /v1/transactions/{anchorTxId}/proof; the console /verify accepts it) against the network\'s orderer and node keys.',
          tags: ['prison', 'proofs'],
          params: Type.Object({ code: Type.String({ pattern: '^[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}$' }) }),
          response: { 200: Type.Object({ disclosure: Doc, network: Type.String(), proof: Doc }) },
        },
      },
      async (request) => {
        const code = request.params.code.toUpperCase();
        const found = state.get(c.disclosures, code);
        if (found === undefined) throw prisonError('PRISON_DISCLOSURE_NOT_FOUND', `no disclosure ${code}`, { code });
        const anchorTxId = String(found.doc['anchorTxId']);
        return { disclosure: found.doc, network: node.genesis.network, proof: node.ledger.transactionProof(anchorTxId) as unknown as Record<string, unknown> };
      },
    );

    app.get(
      '/v1/prison/cases/:caseId/disclosures',
      {
        schema: { summary: "A case's published documents", tags: ['prison'], params: Type.Object({ caseId: Type.String({ maxLength: 100 }) }), response: { 200: Type.Object({ disclosures: Docs }) } },
      },
      async (request) => ({ disclosures: docs(state.query(c.disclosures, { index: 'byCase', equals: [request.params.caseId], limit: 100 })) }),
    );

    app.get(
      '/v1/prison/alerts',
      {
        schema: {
          summary: 'Alerts by prison and status, or by rule, or by prisoner',
          tags: ['prison'],
          querystring: Type.Object({
            prison: Type.Optional(Type.String({ maxLength: 16 })),
            status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')])),
            rule: Type.Optional(Type.String({ pattern: '^PA-\\d{2}$' })),
            prisonerId: Type.Optional(Type.String({ maxLength: 40 })),
            limit,
          }),
          response: { 200: Type.Object({ alerts: Docs }) },
        },
      },
      async (request) => {
        const q = request.query;
        const max = q.limit ?? 100;
        if (q.prisonerId !== undefined) return { alerts: docs(state.query(c.alerts, { index: 'byPrisoner', equals: [q.prisonerId], limit: max })) };
        if (q.rule !== undefined) return { alerts: docs(state.query(c.alerts, { index: 'byRule', equals: [q.rule], limit: max })) };
        if (q.prison !== undefined) return { alerts: docs(state.query(c.alerts, { index: 'byPrison', equals: q.status === undefined ? [q.prison] : [q.prison, q.status], limit: max })) };
        throw prisonError('PRISON_UNKNOWN_PRISON', 'give prison, rule or prisonerId');
      },
    );
  };
}
