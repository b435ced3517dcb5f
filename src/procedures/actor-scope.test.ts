import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCustosError } from '../errors/custos-error.ts';
import { checkActorScope } from './actor-scope.ts';
import type { ProcedureDefinition } from './definition.ts';

const scoped = { actorScope: [{ attribute: 'prison', subject: 'prison' }] } as unknown as ProcedureDefinition;
const officer = (prison?: string) => ({ memberId: 'o', org: 'PrisonBureau', roles: ['prison.officer'], ...(prison === undefined ? {} : { attributes: { prison } }) });

test('actorScope: a member holding the attribute acts only on subjects with the same value', () => {
  assert.doesNotThrow(() => checkActorScope(scoped, officer('JS-07'), { prison: 'JS-07' }));
  assert.throws(() => checkActorScope(scoped, officer('JS-03'), { prison: 'JS-07' }), (e: unknown) => isCustosError(e) && e.code === 'PROC_STEP_NOT_ALLOWED');
  assert.throws(() => checkActorScope(scoped, officer('JS-03'), undefined), (e: unknown) => isCustosError(e) && e.code === 'PROC_STEP_NOT_ALLOWED', 'no subject facts: refused');
});

test('actorScope: members without the attribute, and definitions without a scope, are not limited', () => {
  assert.doesNotThrow(() => checkActorScope(scoped, officer(undefined), { prison: 'JS-07' }));
  assert.doesNotThrow(() => checkActorScope({} as ProcedureDefinition, officer('JS-03'), { prison: 'JS-07' }));
});
