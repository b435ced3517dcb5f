import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CustosApiError } from '../src/sdk/index.ts';
import { en } from '../web/src/i18n/en.ts';
import { zhCN } from '../web/src/i18n/zh-CN.ts';
import { noticeForLedgerMember, noticeForSubmitError, type LedgerMember, type SigningNotice } from '../web/src/app/signing-notice.ts';

// The console's decisions about a browser-held key, without a browser.
const key = { org: 'PrisonBureau', memberId: 'officer-js07' };
const now = Date.UTC(2026, 10, 21);
const good: LedgerMember = { ...key, notAfter: now + 86_400_000, revokedFrom: null };

test('what the ledger record of a stored browser key means for signing', () => {
  const rows: [string, LedgerMember | undefined, SigningNotice | null][] = [
    ['enrolled, valid, not revoked: it signs', good, null],
    ['no record (network reset, enrollment never committed)', undefined, 'notEnrolled'],
    ['the record is another member’s', { ...good, memberId: 'officer-js03' }, 'notEnrolled'],
    ['the record is another organization’s', { ...good, org: 'Court' }, 'notEnrolled'],
    ['revoked (from any block)', { ...good, revokedFrom: 12 }, 'revoked'],
    ['expired at notAfter', { ...good, notAfter: now }, 'expired'],
    ['revoked and expired: revoked is the reason to give', { ...good, revokedFrom: 3, notAfter: now - 1 }, 'revoked'],
  ];
  for (const [name, doc, expected] of rows) assert.equal(noticeForLedgerMember(key, doc, now), expected, name);
});

test('which submit failures mean the browser key no longer stands', () => {
  const problem = (status: number, code: string) => new CustosApiError(status, { code, detail: code });
  const rows: [string, unknown, SigningNotice | null][] = [
    ['revoked at admission', problem(401, 'IDENTITY_CERT_REVOKED'), 'revoked'],
    ['expired at admission', problem(401, 'IDENTITY_CERT_EXPIRED'), 'expired'],
    ['unknown signer', problem(401, 'IDENTITY_UNKNOWN_MEMBER'), 'notEnrolled'],
    ['a contract refusal is the action’s problem, not the key’s', problem(409, 'PRISON_SCORE_ABOVE_CAP'), null],
    ['not allowed by policy', problem(403, 'ACCESS_DENIED'), null],
    ['network down', new TypeError('fetch failed'), null],
    ['not an error', 'IDENTITY_CERT_REVOKED', null],
  ];
  for (const [name, error, expected] of rows) assert.equal(noticeForSubmitError(error), expected, name);
});

test('every signing notice and progress phase has Chinese and English text', () => {
  const notices: SigningNotice[] = ['keyMissing', 'revoked', 'expired', 'notEnrolled'];
  for (const [language, messages] of [['zh-CN', zhCN], ['en', en]] as const) {
    for (const notice of notices) assert.ok(messages.signing.notices[notice].length > 20, `${language} notices.${notice}`);
    for (const phase of ['generating', 'certifying', 'enrolling'] as const) assert.ok(messages.signing.phases[phase].length > 3, `${language} phases.${phase}`);
  }
  assert.notEqual(zhCN.signing.withBrowser, en.signing.withBrowser);
});
