import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorCodes } from '../../errors/codes.ts';
import { prisonErrorCodes } from './error-codes.ts';

test('prison error codes are PRISON_-prefixed, titled, and do not collide with the core registry', () => {
  for (const [code, entry] of Object.entries(prisonErrorCodes)) {
    assert.match(code, /^PRISON_[A-Z_]+$/, code);
    assert.ok(entry.title.length > 0, `${code} has a title`);
    assert.ok(entry.status >= 400 && entry.status < 600, `${code} has an error status`);
    assert.equal(Object.hasOwn(errorCodes, code), false, `${code} is not already a core code`);
    assert.equal(code.startsWith('PRISON_ELIGIBILITY_'), false, `${code} does not take the calculators' prefix`);
  }
});
