// A definition that fails a static check is refused at proposal — nothing is
// stored — with PROC_DEF_INVALID and a message naming the rule and where.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject } from '../../src/crypto/canonical-json.ts';
import { procedureRegistryCollection } from '../../src/runtime/system/governance-contract.ts';
import { messageOf, networkSpec } from './support/cast.ts';
import { createNetworkFixture, cst, openNetwork, type NetworkFixture, type ProcedureNetwork } from './support/procedure-network.ts';

type Draft = JsonObject & { states: JsonObject; steps: JsonObject[]; deadlines: JsonObject[]; open: JsonObject };
const t = { zh: '标题', en: 'Title' };

/** A small, valid home-leave definition each row breaks in one way. */
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
      { id: 'submit', title: t, from: ['draft'], to: 'review', allowed: ['prison-officer@$case'], form: { type: 'object', required: ['days'], properties: { days: { type: 'integer' } } }, guard: 'form.days <= 7' },
      { id: 'approve', title: t, from: ['review'], to: 'approved', allowed: ['warden@$case'] },
      { id: 'refuse', title: t, from: ['review'], to: 'refused', allowed: ['warden@$case'] },
      { id: 'expire', title: t, from: ['review'], to: 'refused', automatic: true },
    ],
    deadlines: [{ id: 'review_due', state: 'review', duration: { workingDays: 3 }, onExpiry: { step: 'expire' } }],
  };
}

const step = (d: Draft, i: number): JsonObject => d.steps[i] ?? assert.fail(`no step ${i}`);

const rows: [string, (d: Draft) => void, string, string[]][] = [
  ['PROC_DEF_SCHEMA', (d) => Reflect.deleteProperty(d, 'title'), 'PROC_DEF_SCHEMA', ["must have required property 'title'"]],
  ['PROC_DEF_DUPLICATE_ID', (d) => (step(d, 2)['id'] = 'approve'), 'PROC_DEF_DUPLICATE_ID', ['steps[2].id', "'approve'"]],
  ['PROC_DEF_UNKNOWN_STATE', (d) => (step(d, 1)['to'] = 'granted'), 'PROC_DEF_UNKNOWN_STATE', ['steps[1].to', "'granted'"]],
  ['PROC_DEF_UNKNOWN_STEP', (d) => (d.deadlines[0] = { id: 'review_due', state: 'review', duration: { workingDays: 3 }, onExpiry: { step: 'lapse' } }), 'PROC_DEF_UNKNOWN_STEP', ['deadlines[0].onExpiry.step', "'lapse'"]],
  ['PROC_DEF_BAD_INITIAL', (d) => (d['initial'] = 'approved'), 'PROC_DEF_BAD_INITIAL', ['initial', "'approved'"]],
  ['PROC_DEF_UNREACHABLE_STATE', (d) => (d.states['archived'] = { title: t, final: true }), 'PROC_DEF_UNREACHABLE_STATE', ["'archived'"]],
  [
    'PROC_DEF_DEAD_END',
    (d) => {
      d.states['parked'] = { title: t };
      step(d, 1)['to'] = 'parked';
    },
    'PROC_DEF_DEAD_END',
    ["'parked'"],
  ],
  [
    'PROC_DEF_NO_PATH_TO_FINAL',
    (d) => {
      d.states['limbo'] = { title: t };
      step(d, 1)['to'] = 'limbo';
      d.steps.push({ id: 'again', title: t, from: ['limbo'], to: 'limbo', allowed: ['warden@$case'] });
    },
    'PROC_DEF_NO_PATH_TO_FINAL',
    ["'limbo'"],
  ],
  ['PROC_DEF_FINAL_HAS_EXIT', (d) => (step(d, 2)['from'] = ['review', 'approved']), 'PROC_DEF_FINAL_HAS_EXIT', ['steps[2].from[1]', "'approved'"]],
  ['PROC_DEF_UNKNOWN_ROLE', (d) => (step(d, 1)['allowed'] = ['governor@$case']), 'PROC_DEF_UNKNOWN_ROLE', ['steps[1].allowed[0]', "'governor'"]],
  ['PROC_DEF_UNKNOWN_ORG', (d) => (step(d, 1)['allowed'] = ['judge@supreme-court']), 'PROC_DEF_UNKNOWN_ORG', ['steps[1].allowed[0]', "'supreme-court'"]],
  ['PROC_DEF_BAD_GUARD', (d) => (step(d, 0)['guard'] = 'prisoner.days < 7'), 'PROC_DEF_BAD_GUARD', ['steps[0].guard', 'prisoner']],
  ['PROC_DEF_BAD_FORM_SCHEMA', (d) => (step(d, 0)['form'] = { type: 'object', properties: { days: { type: 'integer', minimun: 1 } } }), 'PROC_DEF_BAD_FORM_SCHEMA', ['steps[0].form', 'minimun']],
  ['PROC_DEF_BAD_STEP', (d) => (step(d, 3)['allowed'] = ['warden@$case']), 'PROC_DEF_BAD_STEP', ['steps[3].allowed', "'expire'"]],
  ['PROC_DEF_BAD_APPROVALS', (d) => (step(d, 1)['approvals'] = { distinct: 2, from: { court: 1 } }), 'PROC_DEF_BAD_APPROVALS', ['steps[1].approvals.from.court']],
  ['PROC_DEF_BAD_DEADLINE', (d) => (d.deadlines[0] = { id: 'review_due', state: 'review', duration: { workingDays: 3 }, onExpiry: { step: 'approve' } }), 'PROC_DEF_BAD_DEADLINE', ['deadlines[0].onExpiry.step', "'approve'"]],
  ['PROC_DEF_BAD_WITHDRAW', (d) => (d['withdraw'] = { to: 'draft', allowed: ['warden@$case'] }), 'PROC_DEF_BAD_WITHDRAW', ['withdraw.to', "'draft'"]],
];

let fixture: NetworkFixture;
let net: ProcedureNetwork;
let time = cst('2024-09-02 09:00');
before(async () => {
  fixture = await createNetworkFixture(networkSpec);
  net = openNetwork(fixture);
  net.enrollAll(cst('2024-09-01 09:00'));
});
after(() => net.close());

function proposeDefinition(definition: JsonObject) {
  time += 60_000;
  return net.call(time, 'admin-court', 'governance', 'propose', { action: 'registerProcedure', title: 'home leave', payload: { id: 'home-leave', version: 1, definition } });
}

test('the base definition is accepted for proposal', () => {
  const outcome = proposeDefinition(base());
  assert.ok(outcome.ok, messageOf(outcome));
});

for (const [name, change, code, words] of rows) {
  test(`a proposal is refused by ${name}, naming the problem`, () => {
    const draft = base();
    change(draft);
    const before = net.stateSnapshot();
    const outcome = proposeDefinition(draft);
    assert.equal(outcome.code, 'PROC_DEF_INVALID');
    const message = messageOf(outcome);
    assert.ok(message.includes(code), `message names ${code}: ${message}`);
    for (const word of words) assert.ok(message.includes(word), `message "${message}" should name "${word}"`);
    assert.equal(net.stateSnapshot(), before, 'no proposal stored');
    assert.equal(net.ledger.state.get(procedureRegistryCollection, 'home-leave@1'), undefined);
  });
}
