import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertDefinition, checkDefinition } from './check-definition.ts';
import type { DefinitionProblem } from './definition-problem.ts';
import type { ProcedureDefinition } from './definition.ts';
import { parseDefinitionYaml } from './parse-definition-yaml.ts';
import { errorCode, shippedDefinition, testNetwork } from './test-fixtures.ts';
import type { CustosError } from '../errors/custos-error.ts';

type DeepMutable<T> = { -readonly [K in keyof T]: DeepMutable<T[K]> };
type Draft = DeepMutable<ProcedureDefinition>;
const t = { zh: '标题', en: 'Title' };

/** A small, valid home-leave definition each test breaks in one way. */
function base(): Draft {
  return {
    id: 'home-leave',
    version: 1,
    title: { zh: '离监探亲', en: 'Home leave' },
    subjectType: 'prisoner',
    initial: 'draft',
    states: { draft: { title: t }, review: { title: t }, approved: { title: t, final: true }, refused: { title: t, final: true } },
    open: { allowed: ['prison-officer@$case'] },
    steps: [
      {
        id: 'submit',
        title: t,
        from: ['draft'],
        to: 'review',
        allowed: ['prison-officer@$case'],
        form: { type: 'object', required: ['days'], properties: { days: { type: 'integer' } } },
        guard: 'form.days <= 7',
      },
      { id: 'approve', title: t, from: ['review'], to: 'approved', allowed: ['warden@$case'] },
      { id: 'refuse', title: t, from: ['review'], to: 'refused', allowed: ['warden@$case'] },
      { id: 'expire', title: t, from: ['review'], to: 'refused', automatic: true },
    ],
    deadlines: [{ id: 'review_due', state: 'review', duration: { workingDays: 3 }, onExpiry: { step: 'expire' } }],
  };
}

function variant(change: (draft: Draft) => void): Draft {
  const draft = base();
  change(draft);
  return draft;
}

function expectProblem(problems: readonly DefinitionProblem[], code: string, path: string, words: readonly string[]): void {
  const found = problems.find((p) => p.code === code && p.path === path);
  assert.ok(found !== undefined, `expected ${code} at ${path}, got:\n${problems.map((p) => `${p.code} ${p.path}: ${p.message}`).join('\n')}`);
  for (const word of words) assert.ok(found.message.includes(word), `message "${found.message}" should name "${word}"`);
}

const step = (draft: Draft, i: number) => draft.steps[i] ?? assert.fail(`no step ${i}`);

test('the base definition and both shipped definitions pass every check', () => {
  assert.deepEqual(checkDefinition(base(), testNetwork), []);
  assert.deepEqual(checkDefinition(shippedDefinition('commutation'), testNetwork), []);
  assert.deepEqual(checkDefinition(shippedDefinition('relief-allocation'), testNetwork), []);
});

const cases: [string, (d: Draft) => void, string, string, string[]][] = [
  ['PROC_DEF_SCHEMA: a missing title', (d) => Reflect.deleteProperty(d, 'title'), 'PROC_DEF_SCHEMA', '(definition)', ["must have required property 'title'"]],
  ['PROC_DEF_SCHEMA: an actor without @org', (d) => (step(d, 1).allowed = ['warden']), 'PROC_DEF_SCHEMA', 'steps[1].allowed[0]', ['must match pattern', '"warden"']],
  ['PROC_DEF_SCHEMA: an unknown field', (d) => Object.assign(step(d, 0), { roles: ['x'] }), 'PROC_DEF_SCHEMA', 'steps[0]', ["additional properties 'roles'"]],
  ['PROC_DEF_SCHEMA: a zero-day deadline', (d) => (d.deadlines = [{ id: 'review_due', state: 'review', duration: { workingDays: 0 }, onExpiry: { step: 'expire' } }]), 'PROC_DEF_SCHEMA', 'deadlines[0].duration.workingDays', ['must be >= 1']],
  ['PROC_DEF_DUPLICATE_ID: two steps named approve', (d) => (step(d, 2).id = 'approve'), 'PROC_DEF_DUPLICATE_ID', 'steps[2].id', ["'approve'", 'used twice']],
  ['PROC_DEF_UNKNOWN_STATE: a step to an undeclared state', (d) => (step(d, 1).to = 'granted'), 'PROC_DEF_UNKNOWN_STATE', 'steps[1].to', ["'granted'"]],
  ['PROC_DEF_UNKNOWN_STATE: an undeclared initial state', (d) => (d.initial = 'start'), 'PROC_DEF_UNKNOWN_STATE', 'initial', ["'start'"]],
  ['PROC_DEF_UNKNOWN_STEP: a deadline firing an undeclared step', (d) => ((d.deadlines ?? [])[0] = { id: 'review_due', state: 'review', duration: { workingDays: 3 }, onExpiry: { step: 'lapse' } }), 'PROC_DEF_UNKNOWN_STEP', 'deadlines[0].onExpiry.step', ["'lapse'"]],
  ['PROC_DEF_BAD_INITIAL: a final initial state', (d) => (d.initial = 'approved'), 'PROC_DEF_BAD_INITIAL', 'initial', ["'approved'", 'final']],
  ['PROC_DEF_UNREACHABLE_STATE: a state no step leads to', (d) => (d.states['archived'] = { title: t, final: true }), 'PROC_DEF_UNREACHABLE_STATE', 'states.archived', ["'archived'", "'draft'"]],
  [
    'PROC_DEF_DEAD_END: a non-final state without a way out',
    (d) => {
      d.states['parked'] = { title: t };
      step(d, 1).to = 'parked';
    },
    'PROC_DEF_DEAD_END',
    'states.parked',
    ["'parked'", 'no step'],
  ],
  [
    'PROC_DEF_NO_PATH_TO_FINAL: a loop with no exit',
    (d) => {
      d.states['limbo'] = { title: t };
      step(d, 1).to = 'limbo';
      d.steps.push({ id: 'again', title: t, from: ['limbo'], to: 'limbo', allowed: ['warden@$case'] });
    },
    'PROC_DEF_NO_PATH_TO_FINAL',
    'states.limbo',
    ["'limbo'"],
  ],
  ['PROC_DEF_FINAL_HAS_EXIT: a step leaving a final state', (d) => (step(d, 2).from = ['review', 'approved']), 'PROC_DEF_FINAL_HAS_EXIT', 'steps[2].from[1]', ["'refuse'", "'approved'"]],
  ['PROC_DEF_UNKNOWN_ROLE: a role the network lacks', (d) => (step(d, 1).allowed = ['governor@$case']), 'PROC_DEF_UNKNOWN_ROLE', 'steps[1].allowed[0]', ["'governor'"]],
  ['PROC_DEF_UNKNOWN_ORG: an organization the network lacks', (d) => (step(d, 1).allowed = ['judge@supreme-court']), 'PROC_DEF_UNKNOWN_ORG', 'steps[1].allowed[0]', ["'supreme-court'"]],
  ['PROC_DEF_UNKNOWN_ORG: an escalation to an unknown organization', (d) => ((d.deadlines ?? [])[0] = { id: 'review_due', state: 'review', duration: { workingDays: 3 }, onExpiry: { escalate: 'director@bureau' } }), 'PROC_DEF_UNKNOWN_ORG', 'deadlines[0].onExpiry.escalate', ["'bureau'"]],
  ['PROC_DEF_BAD_GUARD: a syntax error', (d) => (step(d, 0).guard = 'form.days <='), 'PROC_DEF_BAD_GUARD', 'steps[0].guard', ['does not compile', 'Unexpected token']],
  ['PROC_DEF_BAD_GUARD: an unknown variable', (d) => (step(d, 0).guard = 'prisoner.days < 7'), 'PROC_DEF_BAD_GUARD', 'steps[0].guard', ['Unknown variable: prisoner']],
  ['PROC_DEF_BAD_GUARD: a guard that is not bool', (d) => (step(d, 0).guard = 'now + 1'), 'PROC_DEF_BAD_GUARD', 'steps[0].guard', ['must evaluate to bool, not int']],
  ['PROC_DEF_BAD_GUARD: a type error', (d) => (d.open.guard = 'now + "x" == 1'), 'PROC_DEF_BAD_GUARD', 'open.guard', ['does not compile']],
  ['PROC_DEF_BAD_FORM_SCHEMA: an invalid type', (d) => (step(d, 0).form = { type: 'object', properties: { days: { type: 'int' } } }), 'PROC_DEF_BAD_FORM_SCHEMA', 'steps[0].form', ['not a valid JSON Schema']],
  ['PROC_DEF_BAD_FORM_SCHEMA: an unknown keyword (strict)', (d) => (step(d, 0).form = { type: 'object', properties: { days: { type: 'integer', minimun: 1 } } }), 'PROC_DEF_BAD_FORM_SCHEMA', 'steps[0].form', ['minimun']],
  ['PROC_DEF_BAD_STEP: a manual step without actors', (d) => Reflect.deleteProperty(step(d, 1), 'allowed'), 'PROC_DEF_BAD_STEP', 'steps[1].allowed', ["'approve'", 'must say who']],
  ['PROC_DEF_BAD_STEP: an automatic step with actors', (d) => (step(d, 3).allowed = ['warden@$case']), 'PROC_DEF_BAD_STEP', 'steps[3].allowed', ["'expire'", 'automatic']],
  ['PROC_DEF_BAD_APPROVALS: approvals from an organization no actor belongs to', (d) => (step(d, 1).approvals = { distinct: 2, from: { court: 1 } }), 'PROC_DEF_BAD_APPROVALS', 'steps[1].approvals.from.court', ["'court'"]],
  ['PROC_DEF_BAD_APPROVALS: more per-organization approvals than distinct approvers', (d) => (step(d, 1).approvals = { distinct: 1, from: { $case: 2 } }), 'PROC_DEF_BAD_APPROVALS', 'steps[1].approvals.distinct', ['needs 2', 'at least 2']],
  ['PROC_DEF_BAD_DEADLINE: a deadline firing a manual step', (d) => ((d.deadlines ?? [])[0] = { id: 'review_due', state: 'review', duration: { workingDays: 3 }, onExpiry: { step: 'approve' } }), 'PROC_DEF_BAD_DEADLINE', 'deadlines[0].onExpiry.step', ["'approve'", 'automatic']],
  ['PROC_DEF_BAD_DEADLINE: a deadline step that does not leave its state', (d) => ((d.deadlines ?? [])[0] = { id: 'review_due', state: 'draft', duration: { workingDays: 3 }, onExpiry: { step: 'expire' } }), 'PROC_DEF_BAD_DEADLINE', 'deadlines[0].onExpiry.step', ["'expire'", "'draft'"]],
  ['PROC_DEF_BAD_DEADLINE: an automatic step no deadline fires', (d) => (d.deadlines = []), 'PROC_DEF_BAD_DEADLINE', 'steps[3].automatic', ["'expire'", 'not fired']],
  ['PROC_DEF_BAD_DEADLINE: a deadline on a final state', (d) => (d.deadlines?.push({ id: 'late', state: 'approved', duration: { calendarDays: 3 }, onExpiry: { escalate: 'warden@$case' } })), 'PROC_DEF_BAD_DEADLINE', 'deadlines[1].state', ["'approved'"]],
  ['PROC_DEF_BAD_WITHDRAW: withdrawal to a non-final state', (d) => (d.withdraw = { to: 'draft', allowed: ['warden@$case'] }), 'PROC_DEF_BAD_WITHDRAW', 'withdraw.to', ["'draft'", 'not final']],
];

for (const [name, change, code, path, words] of cases) {
  test(`checkDefinition rejects ${name}`, () => {
    expectProblem(checkDefinition(variant(change), testNetwork), code, path, words);
  });
}

test('checkDefinition reports every problem in one pass', () => {
  const problems = checkDefinition(
    variant((d) => {
      step(d, 0).guard = 'form.days <=';
      step(d, 1).allowed = ['governor@mars'];
      d.states['archived'] = { title: t, final: true };
    }),
    testNetwork,
  );
  assert.deepEqual(
    problems.map((p) => `${p.code} ${p.path}`),
    ['PROC_DEF_UNREACHABLE_STATE states.archived', 'PROC_DEF_UNKNOWN_ROLE steps[1].allowed[0]', 'PROC_DEF_UNKNOWN_ORG steps[1].allowed[0]', 'PROC_DEF_BAD_GUARD steps[0].guard'],
  );
});

test('assertDefinition throws PROC_DEF_INVALID carrying every problem', () => {
  assert.throws(
    () => assertDefinition(variant((d) => (step(d, 1).to = 'nowhere')), testNetwork),
    (error: unknown) => {
      const custos = error as CustosError;
      assert.equal(custos.code, 'PROC_DEF_INVALID');
      assert.match(custos.message, /state 'nowhere' is not declared/);
      assert.ok(Array.isArray(custos.details['problems']));
      return true;
    },
  );
  assert.equal(assertDefinition(base(), testNetwork).id, 'home-leave');
});

test('parseDefinitionYaml: bad YAML is PROC_DEF_YAML with its line, a wrong shape is PROC_DEF_SCHEMA', () => {
  assert.throws(
    () => parseDefinitionYaml('id: x\nstates:\n  a: {title: [\n'),
    (error: unknown) => errorCode(error) === 'PROC_DEF_YAML' && /line \d+/.test((error as CustosError).message),
  );
  assert.throws(() => parseDefinitionYaml('id: x\nid: y\n'), (error: unknown) => errorCode(error) === 'PROC_DEF_YAML');
  assert.throws(
    () => parseDefinitionYaml('id: x\nversion: one\n'),
    (error: unknown) => errorCode(error) === 'PROC_DEF_SCHEMA' && (error as CustosError).message.includes('version: must be integer'),
  );
});
