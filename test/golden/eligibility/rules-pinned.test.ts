import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { assessEligibility, cnSpcRules, type EligibilityInput, type EligibilityRules } from '../../../src/apps/prison/eligibility/index.ts';
import { isCustosError } from '../../../src/errors/custos-error.ts';
import { loadGoldenCases, mergeOverride, valueAt } from './golden-cases.ts';

/**
 * A mutation check on the golden suite: moving any number of the rules one
 * unit up or down must make at least one golden case fail. A number no case
 * notices is a number the law sets and nobody tests.
 */
const cases = loadGoldenCases();

/**
 * `daysPerMonth` only turns an odd month into days under the months-and-days
 * method; with the fraction ½ both 29 and 30 give ⌈15⌉ days, so no case can pin it.
 */
const unpinnable = new Set(['version', 'conventions.daysPerMonth']);

function numericPaths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'number') return [prefix];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => numericPaths(item, prefix === '' ? key : `${prefix}.${key}`));
}

function withNumber(rules: EligibilityRules, path: string, delta: number): EligibilityRules {
  const copy = structuredClone(rules) as unknown as Record<string, unknown>;
  const keys = path.split('.');
  let node = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = keys[keys.length - 1] ?? '';
  node[last] = (node[last] as number) + delta;
  return copy as unknown as EligibilityRules;
}

function someCaseFails(rules: EligibilityRules): boolean {
  return cases.some((golden) => {
    const caseRules = golden.rules === undefined ? rules : (mergeOverride(rules, golden.rules) as EligibilityRules);
    try {
      const result = assessEligibility(golden.input as EligibilityInput, caseRules);
      if (golden.expect.error !== undefined) return true;
      return Object.entries(golden.expect).some(([path, expected]) => !isDeepStrictEqual(valueAt(result, path), expected));
    } catch (error: unknown) {
      return !isCustosError(error) || String(error.code) !== golden.expect.error;
    }
  });
}

for (const path of numericPaths(cnSpcRules).filter((p) => !unpinnable.has(p))) {
  test(`rule number ${path} is pinned by a golden case`, () => {
    assert.ok(someCaseFails(withNumber(cnSpcRules, path, 1)), `${path} + 1 passes every golden case`);
    assert.ok(someCaseFails(withNumber(cnSpcRules, path, -1)), `${path} − 1 passes every golden case`);
  });
}
