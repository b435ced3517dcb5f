import { test } from 'node:test';
import assert from 'node:assert/strict';
import { certificateStatusAt, certificatesExpiringWithin } from './certificate-validity.ts';
import { at } from './certificate-fixtures.test-support.ts';

const period = { notBefore: at('2026-01-01T00:00:00Z'), notAfter: at('2027-01-01T00:00:00Z') };

const statuses: [string, string, ReturnType<typeof certificateStatusAt>][] = [
  ['a millisecond before notBefore', '2025-12-31T23:59:59.999Z', 'not-yet-valid'],
  ['at notBefore', '2026-01-01T00:00:00Z', 'valid'],
  ['inside', '2026-07-01T00:00:00Z', 'valid'],
  ['at notAfter', '2027-01-01T00:00:00Z', 'valid'],
  ['a millisecond after notAfter', '2027-01-01T00:00:00.001Z', 'expired'],
];

for (const [name, time, expected] of statuses) {
  test(`certificateStatusAt: ${name} → ${expected}`, () => {
    assert.equal(certificateStatusAt(period, at(time)), expected);
  });
}

test('certificatesExpiringWithin: within the horizon, already expired included, earliest first', () => {
  const cert = (serial: string, notAfter: string) => ({ serial, notBefore: at('2020-01-01T00:00:00Z'), notAfter: at(notAfter) });
  const certificates = [
    cert('late', '2026-12-01T00:00:00Z'),
    cert('soon', '2026-06-20T00:00:00Z'),
    cert('expired', '2026-05-01T00:00:00Z'),
    cert('edge', '2026-07-01T00:00:00Z'),
    cert('just-in', '2026-06-30T23:59:59Z'),
  ];
  const found = certificatesExpiringWithin(certificates, at('2026-06-01T00:00:00Z'), 30);
  assert.deepEqual(found.map((c) => c.serial), ['expired', 'soon', 'just-in']);
  assert.deepEqual(certificatesExpiringWithin(certificates, at('2026-06-01T00:00:00Z'), 0).map((c) => c.serial), ['expired']);
});
