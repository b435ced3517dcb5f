import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicy } from './parse-policy.ts';
import { policyMentions } from './policy-mentions.ts';

test('policyMentions: sorted, distinct organizations, roles and role@org pairs', () => {
  const mentions = policyMentions(parsePolicy('ALL(2 OF (admin@Court, admin@A, clerk@Court), ANY(prison.*@PrisonBureau, 2 OF admin@A), *@Court)'));
  assert.deepEqual(mentions, {
    orgs: ['A', 'Court', 'PrisonBureau'],
    roles: ['*', 'admin', 'clerk', 'prison.*'],
    principals: [
      { role: '*', org: 'Court' },
      { role: 'admin', org: 'A' },
      { role: 'admin', org: 'Court' },
      { role: 'clerk', org: 'Court' },
      { role: 'prison.*', org: 'PrisonBureau' },
    ],
  });
});

test('policyMentions: a lone clause', () => {
  assert.deepEqual(policyMentions(parsePolicy('ANY prison.officer@PrisonBureau')), {
    orgs: ['PrisonBureau'],
    roles: ['prison.officer'],
    principals: [{ role: 'prison.officer', org: 'PrisonBureau' }],
  });
});
