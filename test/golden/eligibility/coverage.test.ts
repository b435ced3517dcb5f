import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { citesArticle, loadGoldenCases } from './golden-cases.ts';

interface CoverageTable {
  readonly numberSetting: ReadonlyArray<{ readonly article: string; readonly numbers: readonly string[] }>;
  readonly other: ReadonlyArray<{ readonly article: string; readonly why: string }>;
}

const table = parse(readFileSync(new URL('./coverage.yaml', import.meta.url), 'utf8')) as CoverageTable;
const cases = loadGoldenCases();

test('the coverage table accounts for every article of SPC 2016 exactly once', () => {
  const listed = [...table.numberSetting, ...table.other].map((row) => row.article).filter((a) => a.startsWith('SPC 2016 art. '));
  for (let number = 1; number <= 42; number += 1) {
    const article = `SPC 2016 art. ${number}`;
    const count = listed.filter((a) => a === article).length;
    assert.equal(count, 1, `${article} appears ${count} times in coverage.yaml`);
  }
  assert.equal(listed.length, 42, 'coverage.yaml lists an SPC 2016 article that does not exist');
});

for (const row of table.numberSetting) {
  test(`number-setting ${row.article} is covered by a golden case`, () => {
    assert.ok(row.numbers.length > 0, `${row.article}: list the numbers it sets`);
    const covering = cases.filter((golden) => golden.articles.some((article) => citesArticle(article, row.article)));
    assert.ok(covering.length >= 1, `${row.article} (${row.numbers.join('; ')}) has no golden case`);
  });
}
