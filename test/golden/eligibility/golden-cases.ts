import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { EligibilityAssessment } from '../../../src/apps/prison/eligibility/index.ts';

/**
 * Golden eligibility cases: YAML files under `cases/`, each
 *
 *   title: …
 *   base: {…}                 # an eligibility input shared by the file's cases
 *   cases:
 *     - name: …               # names the rule checked
 *       articles: [SPC 2016 art. 6 ¶1, …]   # each must be cited by the result
 *       input: {…}            # deep-merged over base; null deletes a key; arrays replace
 *       rules: {…}            # optional, deep-merged over cnSpcRules
 *       expect: {…}           # dotted paths into the assessment → expected value
 *
 * Expected values were worked out by hand from the legal texts (see the
 * comments in each file), never by running the calculator.
 */
export interface GoldenCase {
  readonly file: string;
  readonly name: string;
  readonly articles: readonly string[];
  readonly input: unknown;
  readonly rules: Record<string, unknown> | undefined;
  readonly expect: Readonly<Record<string, unknown>>;
}

export const casesDirectory = new URL('./cases/', import.meta.url).pathname;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep merge for overrides: objects merge, arrays and scalars replace, null deletes. */
export function mergeOverride(base: unknown, override: unknown): unknown {
  if (!isRecord(base) || !isRecord(override)) return structuredClone(override);
  const merged: Record<string, unknown> = structuredClone(base);
  for (const [key, value] of Object.entries(override)) {
    if (value === null) delete merged[key];
    else merged[key] = key in merged ? mergeOverride(merged[key], value) : structuredClone(value);
  }
  return merged;
}

export function loadGoldenCases(): GoldenCase[] {
  const cases: GoldenCase[] = [];
  for (const file of readdirSync(casesDirectory).filter((name) => name.endsWith('.yaml')).sort()) {
    const document: unknown = parse(readFileSync(join(casesDirectory, file), 'utf8'));
    if (!isRecord(document) || !Array.isArray(document.cases)) throw new TypeError(`${file}: no cases`);
    for (const raw of document.cases as unknown[]) {
      if (!isRecord(raw) || typeof raw.name !== 'string' || !Array.isArray(raw.articles) || !isRecord(raw.expect)) {
        throw new TypeError(`${file}: malformed case ${JSON.stringify(raw).slice(0, 120)}`);
      }
      cases.push({
        file,
        name: raw.name,
        articles: raw.articles.map(String),
        input: mergeOverride(document.base ?? {}, raw.input ?? {}),
        rules: isRecord(raw.rules) ? raw.rules : undefined,
        expect: raw.expect,
      });
    }
  }
  return cases;
}

/** `SPC 2016 art. 6` matches `SPC 2016 art. 6 ¶1` and `SPC 2016 art. 26` matches `SPC 2016 art. 26(3)`, but not `SPC 2016 art. 60`. */
export function citesArticle(cited: string, article: string): boolean {
  return cited === article || cited.startsWith(`${article} `) || cited.startsWith(`${article}(`);
}

interface Coded {
  readonly code: string;
  readonly until?: string | null;
  readonly waived?: boolean;
}

/** Derived views the cases can name besides plain dotted paths. */
function virtualValue(result: EligibilityAssessment, path: string): { found: boolean; value?: unknown } {
  const { commutation, parole } = result;
  const blocks = commutation.blocks as readonly Coded[];
  switch (path) {
    case 'commutation.activeBlocks':
      return { found: true, value: blocks.filter((b) => !b.waived && (b.until === null || (b.until ?? '') > commutation.asOf)).map((b) => b.code) };
    case 'commutation.blockCodes':
      return { found: true, value: blocks.map((b) => b.code) };
    case 'commutation.waivedBlocks':
      return { found: true, value: blocks.filter((b) => b.waived === true).map((b) => b.code) };
    case 'commutation.discretionArticles':
      return { found: true, value: commutation.discretion.map((r) => r.article) };
    case 'parole.exclusionCodes':
      return { found: true, value: parole.exclusions.map((e) => e.code) };
    case 'parole.considerationArticles':
      return { found: true, value: parole.considerations.map((r) => r.article) };
    default:
      return { found: false };
  }
}

/** The value a case's `expect` path names: a dotted path into the assessment, or one of the derived views above. */
export function valueAt(result: EligibilityAssessment, path: string): unknown {
  const virtual = virtualValue(result, path);
  if (virtual.found) return virtual.value;
  let current: unknown = result;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null || !(key in current)) throw new TypeError(`no value at ${path}`);
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
