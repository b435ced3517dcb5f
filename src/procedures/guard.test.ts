import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateGuard, guardProblem, type GuardVariables } from './guard.ts';

const vars = (form: unknown, subject: unknown = {}): GuardVariables => ({ case: { state: 's', data: {} }, form, subject, actor: { memberId: 'm', org: 'o', roles: ['r'] }, approvals: [], now: 1_727_402_400_000, today: '2024-09-27' });

test('whole JSON numbers are CEL ints, fractional ones doubles', () => {
  assert.deepEqual(evaluateGuard('form.points * 2 == 1200', vars({ points: 600 })), { ok: true, value: true });
  assert.deepEqual(evaluateGuard('double(form.points) * 1.5 == 900.0', vars({ points: 600 })), { ok: true, value: true });
  assert.deepEqual(evaluateGuard('form.ratio > 0.5', vars({ ratio: 0.75 })), { ok: true, value: true });
});

test('every guard variable is there: case, form, subject, actor, approvals, now, today', () => {
  const guard = 'case.state == "s" && form.x && subject.y == 1 && "r" in actor.roles && size(approvals) == 0 && now > 0 && today == "2024-09-27"';
  assert.equal(guardProblem(guard), undefined);
  assert.deepEqual(evaluateGuard(guard, vars({ x: true }, { y: 1 })), { ok: true, value: true });
});

test('a guard that cannot be evaluated comes back as a reason, never as an exception', () => {
  const failures: [string, unknown][] = [
    ['form.missing > 1', {}],
    ['form.x / 0 == 1', { x: 1 }],
    ['form.x', { x: 1 }],
    ['form.x * 2.0 > 1.0', { x: 3 }],
    ['form.constructor == null', {}],
    ['form.s.matches("(")', { s: 'a' }],
    ['form.n + 9223372036854775807 > 0', { n: 1 }],
    ['form.x >', {}],
  ];
  for (const [guard, form] of failures) {
    const outcome = evaluateGuard(guard, vars(form));
    assert.equal(outcome.ok, false, `${guard} should fail`);
  }
});

test('guardProblem names parse errors, unknown variables and non-bool results', () => {
  assert.match(guardProblem('form.x >') ?? '', /Unexpected token/);
  assert.match(guardProblem('request.x') ?? '', /Unknown variable: request/);
  assert.match(guardProblem('"yes"') ?? '', /bool, not string/);
  assert.equal(guardProblem('has(form.x) && form.x > 1'), undefined);
});
