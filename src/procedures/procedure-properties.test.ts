import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { canonicalize } from '../crypto/canonical-json.ts';
import type { Actor } from './actor-pattern.ts';
import { applyAction } from './apply-action.ts';
import type { CaseDocument, HistoryEntry, JsonObject } from './case-document.ts';
import type { ProcedureDefinition } from './definition.ts';
import { fireDeadlines } from './fire-deadlines.ts';
import { openCase } from './open-case.ts';
import { parseDefinitionYaml } from './parse-definition-yaml.ts';
import { chinaCalendar, deepFreeze, docHash, member, readRepoFile } from './test-fixtures.ts';
import { definitionTransitions } from './transitions.ts';
import { parseCalendarYaml, type WorkingDayCalendar } from './working-day-calendar.ts';

// Random sequences of actions by random members, against both shipped
// definitions. Replay a failure with FC_SEED=<seed printed below>.
const seed = process.env['FC_SEED'] === undefined ? Date.now() % 2 ** 31 : Number(process.env['FC_SEED']);
const numRuns = Number(process.env['FC_RUNS'] ?? 120);
console.log(`procedure properties: FC_SEED=${seed} FC_RUNS=${numRuns}`);

/** One thing that happens to a case: a member's action, or the block hook firing deadlines. */
type Op = { readonly kind: 'act'; readonly actor: Actor; readonly action: JsonObject; readonly advance: number } | { readonly kind: 'fire'; readonly advance: number };

interface Scenario {
  readonly file: string;
  readonly subjectType: string;
  readonly subject: JsonObject;
  readonly actors: readonly Actor[];
  readonly forms: Readonly<Record<string, fc.Arbitrary<JsonObject>>>;
}

const hashes = ['a', 'b', 'c'].map(docHash);
const day = 86_400_000;

const scenarios: readonly Scenario[] = [
  {
    file: 'commutation',
    subjectType: 'prisoner',
    subject: { sentenceMonths: 96, servedMonths: 30, strictCategory: false, lifeOrDeath: false },
    actors: [
      member('officer-1', 'js-prison-07', 'prison-officer'),
      member('officer-2', 'js-prison-07', 'prison-officer', 'committee-member'),
      member('committee-1', 'js-prison-07', 'committee-member'),
      member('warden-1', 'js-prison-07', 'warden'),
      member('officer-9', 'js-prison-08', 'prison-officer', 'warden'),
      member('prosecutor-1', 'procuratorate', 'prosecutor'),
      member('prosecutor-2', 'procuratorate', 'prosecutor'),
      member('judge-1', 'court', 'judge'),
      member('judge-2', 'court', 'judge'),
      member('judge-3', 'court', 'judge', 'court-president'),
      member('judge-x', 'js-prison-07', 'judge'),
      member('nobody', 'charity', 'clerk'),
    ],
    forms: {
      propose: fc.record({
        grounds: fc.constantFrom('repentance', 'merit', 'repentance_and_merit', 'major_merit', 'repentance_and_major_merit'),
        proposedReductionMonths: fc.integer({ min: 1, max: 24 }),
        pointsTotal: fc.integer({ min: 0, max: 3000 }),
      }),
      committee_pass: fc.integer({ min: 8, max: 12 }).chain((membersPresent) => fc.record({ membersPresent: fc.constant(membersPresent), votesFor: fc.integer({ min: 3, max: membersPresent }) })),
      record_objection: fc.constant({ summary: 'objection' }),
      give_opinion: fc.record({ opinion: fc.constantFrom('agree', 'object') }),
      rule_grant: fc.record({ grantedReductionMonths: fc.integer({ min: 1, max: 60 }) }),
    },
  },
  {
    file: 'relief-allocation',
    subjectType: 'relief-request',
    subject: { households: 50 },
    actors: [
      member('clerk-1', 'jianghan-c12', 'clerk'),
      member('clerk-2', 'jianghan-c13', 'clerk'),
      member('health-1', 'health-commission', 'officer'),
      member('health-2', 'health-commission', 'officer', 'director'),
      member('store-1', 'charity', 'warehouse-manager'),
      member('store-2', 'charity', 'warehouse-manager', 'logistics'),
      member('driver-1', 'charity', 'logistics'),
      member('judge-1', 'court', 'judge'),
    ],
    forms: {
      verify: fc.record({
        priority: fc.constantFrom('normal', 'urgent'),
        items: fc.array(fc.record({ sku: fc.constantFrom('MASK-N95', 'GLOVE-M'), quantity: fc.integer({ min: 1, max: 800 }) }), { minLength: 1, maxLength: 3 }),
      }),
      decline: fc.constant({ reason: 'stock exhausted' }),
      dispatch: fc.constant({ vehicle: 'A-1' }),
      confirm_receipt: fc.record({ linesReceived: fc.integer({ min: 0, max: 3 }) }),
    },
  },
];

function opArbitrary(definition: ProcedureDefinition, scenario: Scenario): fc.Arbitrary<Op> {
  const stepIds = [...definition.steps.map((step) => step.id), 'no_such_step'];
  const evidenceTypes = [...new Set(definition.steps.flatMap((step) => (step.evidence ?? []).map((e) => e.type))), 'selfie'];
  const caseOrg = scenario.actors[0]?.org ?? '';
  // Biased towards members who may take the step they try, so runs get deep into
  // the procedure; uniformly random pairs keep probing the refusals.
  const plausible = definition.steps.flatMap((step) =>
    scenario.actors.filter((actor) => holds(step.allowed, { ...actor, roles: [...actor.roles] }, caseOrg)).map((actor) => ({ step: step.id, actor })),
  );
  const pair = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...plausible) },
    { weight: 1, arbitrary: fc.record({ step: fc.constantFrom(...stepIds), actor: fc.constantFrom(...scenario.actors) }) },
  );
  const advance = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 * day }));
  const randomEvidence = fc.array(fc.record({ type: fc.constantFrom(...evidenceTypes), hash: fc.constantFrom(...hashes) }), { maxLength: 3 });
  const requiredEvidence = (id: string) => (definition.steps.find((s) => s.id === id)?.evidence ?? []).map((e, i) => ({ type: e.type, hash: hashes[i % hashes.length] ?? '' }));
  const stepOp = pair.chain(({ step: id, actor }) =>
    fc.record({
      kind: fc.constant('act' as const),
      actor: fc.constant(actor),
      advance,
      action: fc.record({
        kind: fc.constant('step'),
        step: fc.constant(id),
        form: fc.oneof({ weight: 4, arbitrary: scenario.forms[id] ?? fc.constant({}) }, { weight: 1, arbitrary: fc.constant({ bogus: 1 }) }),
        evidence: fc.oneof({ weight: 3, arbitrary: fc.constant(requiredEvidence(id)) }, { weight: 1, arbitrary: randomEvidence }),
      }),
    }),
  );
  const other: fc.Arbitrary<JsonObject> = fc.oneof(
    fc.record({ kind: fc.constant('reject'), step: fc.constantFrom(...stepIds), reason: fc.constant('no') }),
    fc.constant({ kind: 'withdraw', reason: 'withdrawn' }),
    fc.constant({ kind: 'comment', text: 'note' }),
    fc.record({ kind: fc.constant('extend'), deadline: fc.constantFrom(...(definition.deadlines ?? []).map((d) => d.id), 'nope'), reason: fc.constant('more time') }),
  );
  return fc.oneof(
    { weight: 8, arbitrary: stepOp },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('act' as const), actor: fc.constantFrom(...scenario.actors), action: other, advance }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('fire' as const), advance }) },
  );
}

/** `role@org` patterns resolved for a case, matched the simple way — an oracle independent of the engine's matcher. */
function holds(patterns: readonly string[] | undefined, by: HistoryEntry['by'], caseOrg: string): boolean {
  if (by === null) return false;
  return (patterns ?? []).some((pattern) => {
    const [role, org] = pattern.split('@') as [string, string];
    return by.org === (org === '$case' ? caseOrg : org) && by.roles.includes(role);
  });
}

/** Checks one new history entry against the definition: allowed transition, allowed actor. */
function checkEntry(definition: ProcedureDefinition, doc: CaseDocument, entry: HistoryEntry, moves: ReadonlySet<string>): void {
  const step = definition.steps.find((s) => s.id === entry.step);
  const where = `history #${entry.seq} (${entry.kind} ${entry.step ?? entry.deadline ?? ''})`;
  if (entry.from !== undefined && entry.to !== undefined) {
    assert.ok(moves.has(`${entry.from}>${entry.to}`), `${where}: ${entry.from} → ${entry.to} is not a transition of the definition`);
  }
  switch (entry.kind) {
    case 'step':
    case 'approve':
      assert.ok(step !== undefined && step.automatic !== true, `${where}: a member took an automatic or unknown step`);
      assert.ok(holds(step.allowed, entry.by, doc.org), `${where}: ${entry.by?.memberId ?? '?'} acted outside their role`);
      break;
    case 'reject':
      assert.ok(holds(step?.allowed, entry.by, doc.org), `${where}: rejected by someone not allowed to take the step`);
      break;
    case 'withdraw':
      assert.ok(holds(definition.withdraw?.allowed, entry.by, doc.org), `${where}: withdrawn by someone not allowed to`);
      break;
    case 'extend': {
      const deadline = definition.deadlines?.find((d) => d.id === entry.deadline);
      assert.ok(holds(deadline?.extension?.allowed, entry.by, doc.org), `${where}: extended by someone not allowed to`);
      break;
    }
    case 'deadline':
      assert.equal(entry.by, null, `${where}: a deadline acts for nobody`);
      if (entry.outcome === 'step') assert.equal(step?.automatic, true, `${where}: a deadline took a manual step`);
      break;
    case 'open':
      assert.ok(holds(definition.open.allowed, entry.by, doc.org), `${where}: opened by someone not allowed to`);
      break;
    case 'comment':
      assert.notEqual(entry.by, null, `${where}: comment without author`);
      break;
  }
}

/** Runs the ops from a fresh case on a definition and calendar; checks every invariant on the way; returns the final case. */
function run(definition: ProcedureDefinition, calendar: WorkingDayCalendar, scenario: Scenario, start: number, ops: readonly Op[]): CaseDocument {
  const moves = new Set(definitionTransitions(definition).map((t) => `${t.from}>${t.to}`));
  const opener = scenario.actors[0] ?? assert.fail('no actors');
  const opened = openCase(definition, { caseId: 'prop-1', subject: { type: scenario.subjectType, id: 'S-1' } }, { actor: opener, blockTime: start, calendar, subject: scenario.subject });
  assert.ok(opened.ok, opened.ok ? '' : opened.error.message);
  let doc = opened.case;
  let time = start;
  for (const op of ops) {
    time += op.advance;
    const before = canonicalize(doc);
    const frozen = deepFreeze(doc);
    const result =
      op.kind === 'fire'
        ? fireDeadlines(definition, frozen, { blockTime: time, calendar, subject: scenario.subject })
        : applyAction(definition, frozen, op.action, { actor: op.actor, blockTime: time, calendar, subject: scenario.subject });
    assert.equal(canonicalize(frozen), before, 'the input case is never modified');
    if (!result.ok) {
      assert.match(String(result.error.code), /^PROC_[A-Z_]+$/, result.error.message);
      continue;
    }
    const next = result.case;
    assert.ok(Object.hasOwn(definition.states, next.state), `state ${next.state} is not in the definition`);
    assert.equal(next.closed, definition.states[next.state]?.final === true, 'closed exactly in final states');
    if (doc.closed) assert.equal(next, doc, 'a closed case never changes');
    assert.ok(next.history.length >= doc.history.length, 'history only grows');
    assert.deepEqual(next.history.slice(0, doc.history.length), doc.history, 'history is append-only');
    for (const entry of next.history.slice(doc.history.length)) checkEntry(definition, next, entry, moves);
    doc = next;
  }
  return doc;
}

for (const scenario of scenarios) {
  test(`${scenario.file}: random actions by random members stay inside the definition and replay identically on a fresh node`, () => {
    const definition = parseDefinitionYaml(readRepoFile(`procedures/${scenario.file}.yaml`));
    const start = fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2026, 6, 1) });
    fc.assert(
      fc.property(start, fc.array(opArbitrary(definition, scenario), { minLength: 1, maxLength: 40 }), (startTime, ops) => {
        const first = run(definition, chinaCalendar, scenario, startTime, ops);
        // A fresh node: the definition and calendar parsed again from their bytes.
        const freshDefinition = parseDefinitionYaml(readRepoFile(`procedures/${scenario.file}.yaml`));
        const freshCalendar = parseCalendarYaml(readRepoFile('procedures/calendars/cn-2019-2026.yaml'));
        const replay = run(freshDefinition, freshCalendar, scenario, startTime, ops);
        assert.equal(canonicalize(replay), canonicalize(first));
        assert.deepEqual(replay, first);
      }),
      { seed, numRuns },
    );
  });
}

test('the random actions do reach deep states (the generator is not vacuous)', () => {
  const definition = parseDefinitionYaml(readRepoFile('procedures/commutation.yaml'));
  const scenario = scenarios[0] ?? assert.fail('no scenario');
  const reached = new Set<string>();
  fc.assert(
    fc.property(fc.array(opArbitrary(definition, scenario), { minLength: 40, maxLength: 120 }), (ops) => {
      const doc = run(definition, chinaCalendar, scenario, Date.UTC(2024, 2, 4, 2), ops);
      for (const entry of doc.history) if (entry.to !== undefined) reached.add(entry.to);
    }),
    { seed, numRuns: 400 },
  );
  console.log(`procedure properties: states reached ${[...reached].sort().join(', ')}`);
  for (const state of ['prison_review', 'public_notice', 'head_decision', 'procuratorate_review', 'court_notice', 'withdrawn']) {
    assert.ok(reached.has(state), `never reached ${state}: ${[...reached].join(', ')}`);
  }
});
