// The console's read routes over a ledger: definitions with status and hash,
// the Mermaid diagram, case lists by each index, one case with its history.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import { handleError } from '../../src/api/problem.ts';
import { procedureRoutes } from '../../src/procedures/routes.ts';
import { anchorAll, evidenceFor, networkSpec, prisonerFacts, proposal, recordSubject, register } from './support/cast.ts';
import { createNetworkFixture, cst, openNetwork, shippedDefinitionJson, type ProcedureNetwork } from './support/procedure-network.ts';

let net: ProcedureNetwork;
let app: FastifyInstance;
let inNotice = '';
let drafted = '';

before(async () => {
  const fixture = await createNetworkFixture(networkSpec);
  net = openNetwork(fixture);
  net.enrollAll(cst('2024-09-01 09:00'));
  register(net, cst('2024-09-02 09:00'), shippedDefinitionJson('commutation'));
  register(net, cst('2024-09-02 09:10'), shippedDefinitionJson('relief-allocation'));
  recordSubject(net, cst('2024-09-02 10:00'), 'officer-1', 'prisoner', 'P-1', prisonerFacts, 'JS-07-3');
  recordSubject(net, cst('2024-09-02 10:00'), 'officer-1', 'prisoner', 'P-2', prisonerFacts, 'JS-07-5');
  recordSubject(net, cst('2024-09-02 10:00'), 'clerk-1', 'relief-request', 'R-1', { households: 10 }, 'jianghan-c12');
  anchorAll(net, cst('2024-09-02 11:00'), Object.values(evidenceFor).flat());
  inNotice = net.call(cst('2024-09-20 10:00'), 'officer-1', 'procedures', 'openCase', { procedure: 'commutation', subject: { type: 'prisoner', id: 'P-1' } }).txId;
  drafted = net.call(cst('2024-09-20 10:00'), 'officer-1', 'procedures', 'openCase', { procedure: 'commutation', subject: { type: 'prisoner', id: 'P-2' } }).txId;
  net.call(cst('2024-09-20 10:00'), 'clerk-1', 'procedures', 'openCase', { procedure: 'relief-allocation', subject: { type: 'relief-request', id: 'R-1' } });
  net.call(cst('2024-09-23 10:00'), 'officer-1', 'procedures', 'act', { caseId: inNotice, action: { kind: 'step', step: 'propose', form: proposal, evidence: evidenceFor.propose } });
  net.call(cst('2024-09-27 10:00'), 'committee-1', 'procedures', 'act', { caseId: inNotice, action: { kind: 'step', step: 'committee_pass', form: { membersPresent: 11, votesFor: 9 }, evidence: evidenceFor.committee } });
  // The relief request is not verified in two working days: overdue, escalated to the director.
  net.tick(cst('2024-09-25 00:00'));
  app = Fastify();
  app.setErrorHandler(handleError);
  await app.register(procedureRoutes({ ledger: net.ledger }));
});
after(async () => {
  await app.close();
  net.close();
});

const get = async (url: string) => {
  const response = await app.inject({ method: 'GET', url });
  const type = String(response.headers['content-type']);
  const body = (type.includes('json') ? response.json() : {}) as Record<string, unknown>;
  return { status: response.statusCode, body, text: response.body, type };
};
const ids = (body: Record<string, unknown>) => (body['cases'] as { caseId: string }[]).map((c) => c.caseId).sort();

test('definitions: every registered version with status, hash and title; one version with its definition', async () => {
  const list = await get('/v1/procedures/definitions');
  assert.equal(list.status, 200);
  const definitions = list.body['definitions'] as { id: string; version: number; status: string; hash: string; title: { en: string } }[];
  assert.deepEqual(definitions.map((d) => `${d.id}@${d.version} ${d.status}`), ['commutation@1 active', 'relief-allocation@1 active']);
  assert.match(definitions[0]!.hash, /^[0-9a-f]{64}$/);
  assert.equal(definitions[0]!.title.en, 'Commutation of sentence');
  const one = await get('/v1/procedures/definitions/commutation/1');
  assert.equal((one.body['definition'] as { initial: string }).initial, 'draft');
  assert.equal((await get('/v1/procedures/definitions/commutation')).status, 200);
  assert.equal((await get('/v1/procedures/definitions/commutation/9')).body['code'], 'RUNTIME_NOT_FOUND');
  assert.equal((await get('/v1/procedures/definitions/parole')).status, 404);
});

test('the Mermaid diagram of a definition, as text', async () => {
  const diagram = await get('/v1/procedures/definitions/commutation/1/diagram');
  assert.equal(diagram.status, 200);
  assert.match(String(diagram.type), /^text\/plain/);
  assert.match(diagram.text, /^stateDiagram-v2/);
  assert.match(diagram.text, /public_notice --> head_decision: close_notice \(automatic\)/);
});

test('cases by procedure, state, organization, unit, awaiting role and overdue', async () => {
  assert.deepEqual(ids((await get('/v1/procedures/cases?procedure=commutation')).body), [drafted, inNotice].sort());
  assert.deepEqual(ids((await get('/v1/procedures/cases?procedure=commutation&state=public_notice')).body), [inNotice]);
  assert.deepEqual(ids((await get('/v1/procedures/cases?state=draft')).body), [drafted]);
  assert.deepEqual(ids((await get('/v1/procedures/cases?org=js-prison-07&closed=false')).body), [drafted, inNotice].sort());
  assert.deepEqual(ids((await get('/v1/procedures/cases?unit=JS-07-5')).body), [drafted]);
  // Officers of the prison may propose one and record an objection to the other (in notice).
  assert.deepEqual(ids((await get('/v1/procedures/cases?awaiting=prison-officer@js-prison-07')).body), [drafted, inNotice].sort());
  assert.deepEqual(ids((await get('/v1/procedures/cases?awaiting=prison-officer@js-prison-07&state=draft')).body), [drafted]);
  assert.deepEqual(ids((await get('/v1/procedures/cases?awaiting=prison-officer@js-prison-08')).body), []);
  const overdue = await get('/v1/procedures/cases?overdue=true');
  assert.deepEqual((overdue.body['cases'] as { procedure: { id: string }; awaiting: string[] }[]).map((c) => [c.procedure.id, c.awaiting]), [['relief-allocation', ['director@health-commission', 'officer@health-commission']]]);
  assert.deepEqual(ids((await get('/v1/procedures/cases?awaiting=director')).body).length, 1);
  const paged = await get('/v1/procedures/cases?procedure=commutation&limit=1');
  assert.equal((paged.body['cases'] as unknown[]).length, 1);
  assert.equal(paged.body['next'], 1);
  assert.equal((await get('/v1/procedures/cases?limit=0')).status, 400);
});

test('one case with its full history: who, what, when, which transaction', async () => {
  const one = await get(`/v1/procedures/cases/${inNotice}`);
  assert.equal(one.status, 200);
  assert.equal((one.body['case'] as { state: string }).state, 'public_notice');
  assert.equal(one.body['unit'], 'JS-07-3');
  assert.equal(one.body['nextDueAt'], cst('2024-10-11 00:00'));
  const history = one.body['history'] as { kind: string; by: { memberId: string } | null; at: number; txId: string | null; height: number }[];
  assert.deepEqual(history.map((h) => `${h.kind} ${h.by?.memberId}`), ['open officer-1', 'step officer-1', 'step committee-1']);
  assert.equal(history[0]?.txId, inNotice, 'the opening transaction is the case id');
  assert.ok(history.every((h) => h.txId !== null && net.ledger.hasTransaction(h.txId) && h.height > 0));
  assert.equal(history[2]?.at, cst('2024-09-27 10:00'));
  assert.equal((await get('/v1/procedures/cases/nope')).status, 404);
});
