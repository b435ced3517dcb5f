import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoTestNode } from './support/demo-node.ts';

const custos = (args: string[]) => spawnSync(process.execPath, [new URL('../bin/custos.mjs', import.meta.url).pathname, ...args], { encoding: 'utf8' });
const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

test('custos ca: init, issue with roles and attributes, list; openssl accepts the certificate', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'custos-cli-ca-'));
  try {
    assert.equal(custos(['ca', 'init', '--org', 'CityHospital', '--data', dir, '--out', join(dir, 'ca.pem')]).status, 0);
    const issued = custos(['ca', 'issue', '--org', 'CityHospital', '--member', 'nurse-7', '--role', 'health.official', '--attr', 'ward=3', '--key-out', join(dir, 'nurse.json'), '--cert-out', join(dir, 'nurse.pem'), '--data', dir]);
    assert.equal(issued.status, 0, issued.stderr);
    assert.match(issued.stdout, /issued nurse-7@CityHospital serial [0-9a-f]+/);
    assert.match(custos(['ca', 'list', '--data', dir]).stdout, /^CityHospital\s+key [0-9a-f]{16}/m);
    assert.match(readFileSync(join(dir, 'nurse.pem'), 'utf8'), /BEGIN CERTIFICATE/);
    if (!hasOpenssl) {
      if (process.env['CI'] === 'true') assert.fail('openssl is required under CI');
      t.skip('openssl not installed');
      return;
    }
    assert.match(execFileSync('openssl', ['verify', '-CAfile', join(dir, 'ca.pem'), join(dir, 'nurse.pem')], { encoding: 'utf8' }), /nurse\.pem: OK/);
    const text = execFileSync('openssl', ['x509', '-in', join(dir, 'nurse.pem'), '-noout', '-text'], { encoding: 'utf8' });
    assert.match(text, /urn:custos:role:health\.official/, 'roles are readable by standard tools');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('custos doctor names a member certificate that expires within the window', async () => {
  const t = await startDemoTestNode();
  try {
    const admin = { authorization: `Bearer ${await t.tokenOf('court-admin')}` };
    const created = await t.app.inject({ method: 'POST', url: '/v1/admin/members', headers: admin, payload: { memberId: 'short-lived', roles: ['court.clerk'], password: 'short-lived-pw', validForDays: 5 } });
    assert.equal(created.statusCode, 200, created.body);
    const expiring = await t.app.inject({ method: 'GET', url: '/v1/admin/members?expiringWithinDays=30', headers: admin });
    assert.deepEqual((expiring.json() as { members: { memberId: string }[] }).members.map((m) => m.memberId), ['short-lived']);
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
    assert.match(metrics.body, /custos_member_certificates_expiring\{within="7d"\} 1/, 'the expiring certificate shows in metrics');
    assert.match(metrics.body, /custos_member_certificates_expired 0/);
    await t.node.stop();
    const doctor = custos(['doctor', '--data', t.dir, '--days', '30']);
    assert.equal(doctor.status, 0, doctor.stdout + doctor.stderr);
    assert.match(doctor.stdout, /WARN certificate of short-lived@Court expires/);
    assert.match(doctor.stdout, /ok {3}CA of Court valid until/);
  } finally {
    await t.close().catch(() => undefined);
  }
});

test('custos doctor fails plainly on a directory that is not a node', () => {
  const dir = mkdtempSync(join(tmpdir(), 'custos-cli-doctor-'));
  writeFileSync(join(dir, 'x'), '');
  const doctor = custos(['doctor', '--data', dir]);
  assert.equal(doctor.status, 1);
  assert.match(doctor.stdout, /FAIL .*not a Custos data directory/);
  rmSync(dir, { recursive: true, force: true });
});
