import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyAction } from './apply-action.ts';
import { checkDefinition } from './check-definition.ts';
import { fireDeadlines } from './fire-deadlines.ts';
import { openCase } from './open-case.ts';
import { parseDefinitionYaml } from './parse-definition-yaml.ts';
import { at, chinaCalendar, cst, docHash, member, ok, readRepoFile } from './test-fixtures.ts';
import { toMermaid } from './to-mermaid.ts';

// docs/PROCEDURES.md's worked example must stay true: its YAML passes the
// checks, runs as the text says, and its diagram is what toMermaid draws.
const doc = readRepoFile('docs/PROCEDURES.md');
const example = doc.slice(doc.indexOf('## Worked example'));
const block = (language: string): string => {
  const start = example.indexOf('```' + language + '\n');
  assert.ok(start >= 0, `no ${language} block in the worked example`);
  const body = example.slice(start + language.length + 4);
  return body.slice(0, body.indexOf('```'));
};

const definition = parseDefinitionYaml(block('yaml'));
const subject = { sentenceMonths: 60, servedMonths: 36, lifeOrDeath: false };
const officerA = member('officer-1', 'js-prison-07', 'prison-officer');
const officerB = member('officer-2', 'js-prison-07', 'prison-officer');

test('the worked example passes the static checks', () => {
  assert.deepEqual(checkDefinition(definition, { knownRoles: ['prison-officer', 'warden'], knownOrgs: [] }), []);
});

test('the worked example runs as the text says, and lapses after three working days over National Day', () => {
  let c = ok(openCase(definition, { caseId: 'hl-1', subject: { type: 'prisoner', id: 'P-1' } }, at(officerA, cst('2024-09-26 09:00'), { subject })));
  const recommend = { kind: 'step', step: 'recommend', form: { days: 5, destination: '南京' } } as const;
  c = ok(applyAction(definition, c, recommend, at(officerA, cst('2024-09-27 09:00'), { subject })));
  assert.equal(c.state, 'requested');
  c = ok(applyAction(definition, c, { ...recommend, evidence: [{ type: 'family-letter', hash: docHash('letter') }] }, at(officerB, cst('2024-09-27 10:00'), { subject })));
  assert.equal(c.state, 'warden_review');
  assert.equal(c.deadlines[0]?.lastDay, '2024-10-08');
  assert.equal(ok(fireDeadlines(definition, c, { blockTime: cst('2024-10-08 23:59'), calendar: chinaCalendar })).state, 'warden_review');
  assert.equal(ok(fireDeadlines(definition, c, { blockTime: cst('2024-10-09 00:00'), calendar: chinaCalendar })).state, 'refused');
});

test('the worked example’s diagram is what toMermaid draws', () => {
  assert.equal(block('mermaid'), toMermaid(definition));
});
