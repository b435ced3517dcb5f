import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createPersonalDataStore, personalDataHash } from './personal-data-store.ts';

const record = { name: '张三', idNumber: '320102199004021234', address: '南京市玄武区', health: '高血压' };

test('personal data stays in the node-local file; the ledger hash is salted, stable across reopen, and binds the record', () => {
  const dir = mkdtempSync(join(tmpdir(), 'custos-pd-'));
  const path = join(dir, 'personal.sqlite');
  const store = createPersonalDataStore(path);
  const hash = store.put('P1', record);
  assert.match(hash, /^[0-9a-f]{64}$/);
  assert.notEqual(hash, personalDataHash(new Uint8Array(32), record), 'not the hash of a known salt');
  assert.equal(store.put('P1', record), hash, 'same record, same salt, same hash');
  const other = store.put('P2', record);
  assert.notEqual(other, hash, 'the same person under two ids does not link');
  store.close();
  const reopened = createPersonalDataStore(path);
  assert.deepEqual(reopened.get('P1'), { record, hash });
  assert.equal(reopened.matches('P1', hash), true);
  assert.notEqual(reopened.put('P1', { ...record, address: '苏州市' }), hash, 'a changed record changes the hash');
  assert.equal(reopened.matches('P1', hash), false);
  assert.equal(reopened.get('nobody'), undefined);
  reopened.close();
  rmSync(dir, { recursive: true, force: true });
});
