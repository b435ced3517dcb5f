import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shippedDefinition } from './test-fixtures.ts';
import { toMermaid } from './to-mermaid.ts';

test('toMermaid draws every state, step, rejection, withdrawal, final state and deadline of the commutation', () => {
  const diagram = toMermaid(shippedDefinition('commutation'));
  const lines = diagram.trimEnd().split('\n');
  assert.equal(lines[0], 'stateDiagram-v2');
  assert.ok(lines.includes('  [*] --> draft'));
  assert.ok(lines.includes('  state "狱内公示 Public notice in prison" as public_notice'));
  assert.ok(lines.includes('  public_notice --> head_decision: close_notice (automatic)'));
  assert.ok(lines.includes('  court_review --> court_ruling: hold_hearing by judge@court / prosecutor@procuratorate / prison-officer@$case [3 approvals: 1 $case, 1 court, 1 procuratorate]'));
  assert.ok(lines.includes('  prison_review --> draft: reject committee_pass'));
  assert.ok(lines.includes('  head_decision --> withdrawn: withdraw'));
  assert.ok(lines.includes('  granted --> [*]'));
  assert.ok(lines.includes('  note right of public_notice: notice_period: 5 working days, then close_notice'));
  assert.ok(lines.includes('  note right of procuratorate_review: opinion_window: 10 calendar days (+10 calendar days x1), then opinion_window_closed'));
  assert.equal(lines.filter((line) => line.startsWith('  state ')).length, 11);
  assert.equal(lines.filter((line) => / --> /.test(line) && !line.includes('[*]')).length, 18);
});

test('toMermaid is a function of the definition alone, and escapes what Mermaid would parse', () => {
  const relief = shippedDefinition('relief-allocation');
  assert.equal(toMermaid(relief), toMermaid(structuredClone(relief)));
  const tricky = { ...relief, title: { zh: '甲', en: 'A; B #1 "C"' } };
  assert.ok(toMermaid(tricky).includes('%% relief-allocation v1: A#59; B #35;1 #quot;C#quot;'));
});
