// Property (fast-check): random sequences of actions by random members, with
// blocks at random times in between (so deadlines fire through the block
// hook), never take a case to a state the definition does not allow, never
// let a member act outside their role — and replaying the same blocks on a
// fresh ledger gives the same state root. Replay a failure with FC_SEED=<seed>.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { JsonObject } from '../../src/crypto/canonical-json.ts';
import { caseHistory } from '../../src/procedures/contract/index.ts';
import { parseDefinitionYaml, type ProcedureDefinition } from '../../src/procedures/index.ts';
import { anchorAll, evidenceFor, members, networkSpec, prisonerFacts, proposal, recordSubject, register } from './support/cast.ts';
import { createNetworkFixture, cst, openNetwork, replayStateRoot, shippedDefinitionJson, type NetworkFixture } from './support/procedure-network.ts';

const seed = process.env['FC_SEED'] === undefined ? Date.now() % 2 ** 31 : Number(process.env['FC_SEED']);
const numRuns = Number(process.env['FC_RUNS'] ?? 12);
console.log(`procedures on the ledger: FC_SEED=${seed} FC_RUNS=${numRuns}`);

const definitionJson = shippedDefinitionJson('commutation');
const definition = parseDefinitionYaml(JSON.stringify(definitionJson)) as ProcedureDefinition;
const actors = members.filter((m) => !m.roles.includes('admin')).map((m) => m.memberId);

/** Actions a member might try; most are wrong for most members and states — that is the point. */
const actions: JsonObject[] = [
  { kind: 'step', step: 'propose', form: proposal, evidence: evidenceFor.propose },
  { kind: 'step', step: 'propose', form: { ...proposal, proposedReductionMonths: 20 }, evidence: evidenceFor.propose },
  { kind: 'step', step: 'committee_pass', form: { membersPresent: 11, votesFor: 9 }, evidence: evidenceFor.committee },
  { kind: 'reject', step: 'committee_pass', reason: 'incomplete' },
  { kind: 'step', step: 'record_objection', form: { summary: 'objection' }, evidence: [{ type: 'objection', hash: evidenceFor.opinion[0]!.hash }] },
  { kind: 'step', step: 'head_approve', evidence: evidenceFor.head },
  { kind: 'reject', step: 'head_approve', reason: 'redo' },
  { kind: 'extend', deadline: 'opinion_window', reason: 'complex' },
  { kind: 'step', step: 'give_opinion', form: { opinion: 'agree' }, evidence: evidenceFor.opinion },
  { kind: 'step', step: 'give_opinion', form: { opinion: 'object' }, evidence: evidenceFor.opinion },
  { kind: 'step', step: 'written_review' },
  { kind: 'approve', step: 'hold_hearing' },
  { kind: 'step', step: 'hold_hearing', evidence: evidenceFor.hearing },
  { kind: 'approve', step: 'rule_grant', form: { grantedReductionMonths: 9 } },
  { kind: 'step', step: 'rule_grant', form: { grantedReductionMonths: 9 }, evidence: evidenceFor.ruling },
  { kind: 'step', step: 'rule_refuse', evidence: evidenceFor.ruling },
  { kind: 'withdraw', reason: 'withdrawn' },
  { kind: 'comment', text: 'a remark' },
  { kind: 'step', step: 'close_notice' },
];

/** Who would plausibly try each action (including officers of the other prison); others are tried too, less often. */
function likelyActors(action: JsonObject): string[] {
  const step = action['step'] ?? action['kind'];
  switch (step) {
    case 'propose':
    case 'record_objection':
      return ['officer-1', 'officer-2', 'officer-9'];
    case 'committee_pass':
      return ['committee-1', 'officer-2'];
    case 'head_approve':
    case 'withdraw':
      return ['warden-1', 'officer-9'];
    case 'opinion_window':
    case 'give_opinion':
    case 'extend':
      return ['prosecutor-1', 'prosecutor-2'];
    case 'hold_hearing':
      return ['judge-1', 'judge-2', 'prosecutor-1', 'officer-1', 'officer-9'];
    case 'written_review':
    case 'rule_grant':
    case 'rule_refuse':
      return ['judge-1', 'judge-2', 'judge-3'];
    default:
      return ['president-1', 'officer-1'];
  }
}

/** Actions that fit a state: taking, approving or rejecting the steps leaving it (the rest come from the random pool). */
function fitting(state: string): JsonObject[] {
  const pool = actions.filter((action) => definition.steps.find((s) => s.id === action['step'])?.from.includes(state) === true);
  return pool.length === 0 ? actions : pool;
}

type Op = { readonly caseIndex: number; readonly fits: boolean; readonly choice: number; readonly actorChoice: number; readonly advanceMinutes: number; readonly tick: boolean };

const op: fc.Arbitrary<Op> = fc.record({
  caseIndex: fc.integer({ min: 0, max: 1 }),
  // Mostly an action that fits the case's state by a likely member, sometimes anything by anyone.
  fits: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
  choice: fc.nat({ max: 1000 }),
  actorChoice: fc.nat({ max: 1000 }),
  advanceMinutes: fc.oneof(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 60 * 24, max: 60 * 24 * 6 })),
  tick: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
});

let fixture: NetworkFixture;
before(async () => {
  fixture = await createNetworkFixture(networkSpec);
});
const open: { close(): void }[] = [];
after(() => open.forEach((net) => net.close()));

/** Whether a member (as recorded in the history) matches one of the patterns, `$case` being the case's org. */
function matches(patterns: readonly string[], by: { org: string; roles: readonly string[] }, caseOrg: string): boolean {
  return patterns.some((pattern) => {
    const [role, org] = pattern.split('@') as [string, string];
    return by.org === (org === '$case' ? caseOrg : org) && by.roles.includes(role);
  });
}

test('random actions by random members: allowed states and roles only; the same blocks replay to the same state root', () => {
  fc.assert(
    fc.property(fc.array(op, { minLength: 5, maxLength: 60 }), (ops) => {
      const net = openNetwork(fixture);
      open.push(net);
      net.enrollAll(cst('2024-09-01 09:00'));
      register(net, cst('2024-09-02 09:00'), definitionJson);
      recordSubject(net, cst('2024-09-02 10:00'), 'officer-1', 'prisoner', 'P-1', prisonerFacts, 'JS-07-1');
      recordSubject(net, cst('2024-09-02 10:00'), 'officer-9', 'prisoner', 'P-2', prisonerFacts, 'JS-08-1');
      anchorAll(net, cst('2024-09-02 11:00'), Object.values(evidenceFor).flat());
      let time = cst('2024-09-20 10:00');
      const caseIds = [
        net.call(time, 'officer-1', 'procedures', 'openCase', { procedure: 'commutation', subject: { type: 'prisoner', id: 'P-1' } }).txId,
        net.call(time, 'officer-9', 'procedures', 'openCase', { procedure: 'commutation', subject: { type: 'prisoner', id: 'P-2' } }).txId,
      ];
      for (const step of ops) {
        time += step.advanceMinutes * 60_000;
        if (step.tick) net.tick(time);
        else {
          const caseId = caseIds[step.caseIndex]!;
          const pool = step.fits ? fitting(net.caseRecord(caseId).case.state) : actions;
          const action = pool[step.choice % pool.length] ?? actions[0]!;
          const people = step.fits ? likelyActors(action) : actors;
          net.call(time, people[step.actorChoice % people.length]!, 'procedures', 'act', { caseId, action });
        }
      }

      for (const caseId of caseIds) {
        const record = net.caseRecord(caseId);
        const doc = record.case;
        assert.ok(Object.hasOwn(definition.states, doc.state), `state ${doc.state} is declared`);
        assert.equal(doc.closed, definition.states[doc.state]?.final === true, 'closed exactly in final states');
        for (const entry of caseHistory(record)) {
          if (entry.by === null || entry.step === undefined) continue;
          const stepDefinition = definition.steps.find((s) => s.id === entry.step);
          assert.ok(stepDefinition !== undefined, `history names step ${entry.step}`);
          assert.ok(matches(stepDefinition.allowed ?? [], entry.by, doc.org), `${entry.by.memberId} of ${entry.by.org} may take ${entry.step}`);
          if (entry.kind === 'step') {
            assert.ok(stepDefinition.from.includes(entry.from ?? ''), `${entry.step} leaves ${entry.from}`);
            assert.equal(entry.to, stepDefinition.to);
          }
          assert.ok(entry.txId !== null && net.ledger.hasTransaction(entry.txId), 'a member action names its transaction');
        }
      }
      if (process.env['FC_VERBOSE'] !== undefined) console.log(caseIds.map((id) => `${net.caseRecord(id).case.state}/${net.caseRecord(id).case.history.length}`).join(' '));
      assert.equal(replayStateRoot(fixture, net.proposals), net.stateRoot(), 'a fresh ledger replaying the same blocks reaches the same state root');
      net.close();
      open.pop();
    }),
    { seed, numRuns },
  );
});
