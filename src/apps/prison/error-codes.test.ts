import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorCodes } from '../../errors/codes.ts';
import { prisonErrorCodes } from './error-codes.ts';

test('prison error codes are PRISON_-prefixed, titled, and live in the core registry', () => {
  for (const [code, entry] of Object.entries(prisonErrorCodes)) {
    assert.match(code, /^PRISON_[A-Z_]+$/, code);
    assert.ok(entry.title.length > 0, `${code} has a title`);
    assert.ok(entry.status >= 400 && entry.status < 600, `${code} has an error status`);
    assert.equal(errorCodes[code as keyof typeof errorCodes], entry, `${code} is the registry's entry`);
    assert.equal(code.startsWith('PRISON_ELIGIBILITY_'), false, `${code} does not take the calculators' prefix`);
  }
});
