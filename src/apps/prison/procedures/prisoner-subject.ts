import type { JsonObject } from '../../../crypto/canonical-json.ts';
import type { SubjectReader } from '../../../procedures/contract/index.ts';
import { hearingRequired } from '../alerts/alert-functions.ts';
import { prisonCollections as c } from '../collections.ts';
import type { PrisonerDoc } from '../contract/prison-docs.ts';
import { readPrisoner } from '../contract/prisoner-store.ts';
import { readCaseLinks } from './case-links.ts';

/** Categories whose cases the bureau reviews before filing (Sichuan practice: officials, gangs; shared/domain/prison.md §1.5 ¶4). */
const bureauCategories = new Set(['duty', 'corruption-bribery', 'organized-crime']);
/** Categories with stricter first-reduction and cap rules (SPC 2016 art. 7). */
const strictCategories = new Set(['duty', 'corruption-bribery', 'financial', 'organized-crime', 'drug-group', 'state-security', 'terrorism', 'violent']);

/** The sentence kind in force after the rulings so far (life or death with reprieve may have become a fixed term). */
export function currentSentenceKind(prisoner: PrisonerDoc): 'fixed-term' | 'life' | 'death-reprieve' {
  let kind = prisoner.sentence.kind as 'fixed-term' | 'life' | 'death-reprieve';
  for (const ruling of prisoner.commutations) {
    if (ruling.kind === 'to-fixed-term' || ruling.kind === 'reprieve-to-fixed-term') kind = 'fixed-term';
    else if (ruling.kind === 'reprieve-to-life') kind = 'life';
  }
  return kind;
}

/**
 * What procedure guards see of a prisoner (`subject.*`): the facts the law's
 * rules and the definitions' guards need, the dates the calculators set, and
 * the cases the prison contract has judged or recorded a ruling for. No
 * personal data: the prisoner's row carries none.
 */
export function prisonerSubjectFacts(prisoner: PrisonerDoc, links: { checkedCases: string[]; rulingCases: string[] }): JsonObject {
  const categories = new Set(prisoner.sentence.convictions.flatMap((conviction) => conviction.categories));
  const kind = currentSentenceKind(prisoner);
  const original = prisoner.sentence.kind === 'fixed-term' ? (prisoner.sentence as { termMonths: number }).termMonths : 0;
  const health = prisoner.health;
  return {
    prisonerId: prisoner.id,
    prison: prisoner.prison,
    unit: prisoner.unit,
    status: prisoner.status,
    sentenceKind: kind,
    fixedTerm: kind === 'fixed-term',
    lifeOrDeath: kind !== 'fixed-term',
    sentenceMonths: original,
    strictCategory: [...categories].some((category) => strictCategories.has(category)),
    hearingRequired: hearingRequired(prisoner),
    // Life and death-with-reprieve cases go to the provincial bureau (§1.5 ¶4).
    bureauReviewRequired: prisoner.sentence.kind !== 'fixed-term' || [...categories].some((category) => bureauCategories.has(category)),
    recidivist: prisoner.recidivist,
    canWork: prisoner.canWork,
    seriouslyIll: health.seriouslyIll === true,
    disabled: health.disabled === true,
    commendations: prisoner.commendations.length,
    merits: prisoner.merits.length,
    majorMerit: prisoner.merits.some((merit) => merit.kind === 'major-merit'),
    pointsBalance: prisoner.points.balance,
    level: prisoner.level,
    expectedRelease: prisoner.expectedRelease ?? '',
    nextCommutation: prisoner.nextEligibility.commutation ?? '',
    nextParole: prisoner.nextEligibility.parole ?? '',
    paroleBarred: prisoner.nextEligibility.parole === null,
    eligibilityAsOf: prisoner.nextEligibility.asOf,
    ruleVersion: prisoner.nextEligibility.ruleVersion,
    checkedCases: links.checkedCases,
    rulingCases: links.rulingCases,
  };
}

/** The `prisoner` subject reader the procedures contract is given (deterministic: reads only through `read`). */
export const prisonerSubjectReader: SubjectReader = (read, prisonerId) => {
  const prisoner = readPrisoner(read, prisonerId);
  if (prisoner === undefined) return undefined;
  return { facts: prisonerSubjectFacts(prisoner, readCaseLinks(read, prisonerId)), unit: `${prisoner.prison}/${prisoner.unit}` };
};

/** The prison app's subject readers, by subject type. */
export const prisonSubjectReaders: Readonly<Record<string, SubjectReader>> = { prisoner: prisonerSubjectReader };
