import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAttributeName, isAttributeValue, isMemberId, isOrgId, isRoleName, isRolePattern } from './names.ts';

const table: [check: (value: string) => boolean, value: string, expected: boolean][] = [
  [isOrgId, 'PrisonBureau', true],
  [isOrgId, 'court.zj', true],
  [isOrgId, 'JS-07', true],
  [isOrgId, '7Court', false],
  [isOrgId, 'Prison Bureau', false],
  [isOrgId, 'court.', false],
  [isOrgId, 'ALL', false],
  [isOrgId, 'of', false],
  [isOrgId, 'x'.repeat(65), false],
  [isRoleName, 'prison.officer', true],
  [isRoleName, 'prison.officer.senior', true],
  [isRoleName, 'prison.*', false],
  [isRoleName, 'Any', false],
  [isRoleName, 'prison.any', true],
  [isRolePattern, 'prison.*', true],
  [isRolePattern, '*', true],
  [isRolePattern, 'prison*', false],
  [isRolePattern, '*.officer', false],
  [isRolePattern, 'prison.*.x', false],
  [isMemberId, 'officer-0042', true],
  [isMemberId, 'li.wei@js07', true],
  [isMemberId, '0042', true],
  [isMemberId, '-x', false],
  [isMemberId, 'li wei', false],
  [isMemberId, 'x'.repeat(64), true],
  [isMemberId, 'x'.repeat(65), false],
  [isAttributeName, 'prison', true],
  [isAttributeName, 'rank.grade', true],
  [isAttributeName, '_x', false],
  [isAttributeName, 'a=b', false],
  [isAttributeValue, 'JS-07', true],
  [isAttributeValue, '第三监区', true],
  [isAttributeValue, '', false],
  [isAttributeValue, 'a\u0000b', false],
  [isAttributeValue, '\ud800', false],
  [isAttributeValue, 'x'.repeat(257), false],
];

for (const [check, value, expected] of table) {
  test(`${check.name}(${JSON.stringify(value.length > 20 ? `${value.slice(0, 8)}…(${value.length})` : value)}) → ${expected}`, () => {
    assert.equal(check(value), expected);
  });
}
