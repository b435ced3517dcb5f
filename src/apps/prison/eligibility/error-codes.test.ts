import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eligibilityErrorCodes } from './error-codes.ts';

test('eligibility error codes are namespaced and complete', () => {
  for (const [code, { status, title }] of Object.entries(eligibilityErrorCodes)) {
    assert.match(code, /^PRISON_ELIGIBILITY_[A-Z_]+$/, code);
    assert.ok(status >= 400 && status < 600, `${code}: status ${status}`);
    assert.ok(title.length > 0, `${code}: title`);
  }
});
