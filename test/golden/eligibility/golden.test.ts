import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assessEligibility, cnSpcRules, type EligibilityInput, type EligibilityRules } from '../../../src/apps/prison/eligibility/index.ts';
import { isCustosError } from '../../../src/errors/custos-error.ts';
import { citesArticle, loadGoldenCases, mergeOverride, valueAt, type GoldenCase } from './golden-cases.ts';

/** Every `article` string anywhere in a result. */
function citedArticles(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const item of value) citedArticles(item, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'article' && typeof item === 'string') out.add(item);
      else citedArticles(item, out);
    }
  }
  return out;
}

function rulesFor(golden: GoldenCase): EligibilityRules {
  return golden.rules === undefined ? cnSpcRules : (mergeOverride(cnSpcRules, golden.rules) as EligibilityRules);
}

const cases = loadGoldenCases();

test('golden eligibility cases exist in number', () => {
  assert.ok(cases.length >= 150, `only ${cases.length} golden cases`);
  const names = new Set<string>();
  for (const golden of cases) {
    const id = `${golden.file}: ${golden.name}`;
    assert.ok(!names.has(id), `duplicate case name ${id}`);
    names.add(id);
    assert.ok(golden.articles.length > 0, `${id} names no article`);
  }
});

for (const golden of cases) {
  test(`${golden.file}: ${golden.name}`, () => {
    const label = `[${golden.file}] ${golden.name}`;
    const rules = rulesFor(golden);
    const expectedError = golden.expect.error;
    if (typeof expectedError === 'string') {
      assert.throws(
        () => assessEligibility(golden.input as EligibilityInput, rules),
        (error: unknown) => isCustosError(error) && String(error.code) === expectedError,
        `${label}: expected ${expectedError}`,
      );
      return;
    }
    const result = assessEligibility(golden.input as EligibilityInput, rules);
    assert.equal(result.ruleVersion, `${rules.id}@${rules.version}`, `${label}: rule version`);
    for (const [path, expected] of Object.entries(golden.expect)) {
      assert.deepStrictEqual(valueAt(result, path), expected, `${label}: ${path}`);
    }
    const cited = [...citedArticles(result)];
    for (const article of golden.articles) {
      assert.ok(cited.some((c) => citesArticle(c, article)), `${label}: the result does not cite ${article}; it cites ${cited.join(', ')}`);
    }
  });
}
