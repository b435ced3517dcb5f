import type { Grounds, MeritLevel, Reason } from './assessment.ts';
import { cite, reason } from './cite.ts';
import type { CrimeProfile } from './crime-profile.ts';
import type { EligibilityInput } from './eligibility-input.ts';
import type { EligibilityRules, GroundsKey } from './eligibility-rules.ts';
import type { IsoDate } from './iso-date.ts';

function keyOf(repentance: boolean, merit: MeritLevel): GroundsKey | null {
  if (merit === 'major-merit') return repentance ? 'repentanceAndMajorMerit' : 'majorMerit';
  if (merit === 'merit') return repentance ? 'repentanceAndMerit' : 'repentanceOrMerit';
  return repentance ? 'repentanceOrMerit' : null;
}

/** Within the window for the next proposal: after the last ruling, not after the as-of date. */
function inWindow(date: IsoDate, since: IsoDate | null, asOf: IsoDate): boolean {
  return (since === null || date > since) && date <= asOf;
}

/**
 * The grounds for the next reduction (Criminal Law art. 78 ¶1; SPC 2016
 * arts. 3–5) from the behaviour record: commendations and merits dated after
 * the last ruling (evidence used by an earlier ruling is not counted twice)
 * and not after the as-of date.
 */
export function groundsOf(
  input: EligibilityInput,
  since: IsoDate | null,
  profile: CrimeProfile,
  rules: EligibilityRules,
): Grounds {
  const behaviour = input.behaviour ?? { commendations: [], merits: [] };
  const reasons: Reason[] = [];
  const window = since === null ? '' : ` since the ruling of ${since}`;

  const commendations = behaviour.commendations.filter((date) => inWindow(date, since, input.asOf)).length;
  const needed = rules.conventions.commendationsForRepentance;
  let repentance = commendations >= needed;
  reasons.push(
    reason(cite.spc2016('3 ¶1'), `repentance (确有悔改表现) ${repentance ? 'evidenced' : 'not evidenced'} by commendations${window}`),
    reason(cite.convention('commendationsForRepentance'), `${commendations} commendation(s)${window}; ${needed} needed`),
  );

  const disqualifiers: Reason[] = [];
  if (profile.restitutionCategory && behaviour.refusesRestitution === true) {
    disqualifiers.push(reason(cite.spc2016('3 ¶2'), 'duty, financial or organised crime without restitution: no repentance'));
    if (input.asOf >= rules.inForce.spc2024) disqualifiers.push(reason(cite.spc2024('12'), 'no restitution: no repentance'));
  }
  if (profile.propertyUnpaid && input.asOf >= rules.inForce.spc2024) {
    disqualifiers.push(reason(cite.spc2024('4 ¶2'), 'able to pay the property judgment and not paying: no repentance'));
  }
  if (behaviour.refusesToAdmitGuilt === true) {
    disqualifiers.push(reason(cite.spc2016('3 ¶1(1)'), 'does not admit guilt (认罪悔罪 is a condition of repentance)'));
  }
  if (repentance && disqualifiers.length > 0) repentance = false;
  reasons.push(...disqualifiers);

  const merits = behaviour.merits.filter((merit) => inWindow(merit.date, since, input.asOf));
  const major = merits.filter((merit) => merit.kind === 'major-merit');
  const merit: MeritLevel = major.length > 0 ? 'major-merit' : merits.length > 0 ? 'merit' : 'none';
  if (merit === 'major-merit') reasons.push(reason(cite.spc2016('5'), `major merit (重大立功)${window}`));
  else if (merit === 'merit') reasons.push(reason(cite.spc2016('4'), `merit (立功)${window}`));

  const majorMeritDate = major.reduce<IsoDate | null>((earliest, m) => (earliest === null || m.date < earliest ? m.date : earliest), null);
  return { key: keyOf(repentance, merit), repentance, merit, majorMeritDate, reasons };
}
