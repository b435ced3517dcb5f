/**
 * The alert rules. Each alert on the ledger names its rule (`PA-01` …) and
 * the parameter versions it was judged under, so a reviewer can tell why it
 * fired. Rules that need a case (proposals, hearings) are raised by
 * `prison.checkProposal`, which the procedure integration calls.
 */
export const alertRules = {
  'PA-01': { title: 'Daily score outside the unit\'s normal range', raisedBy: 'prison.scoreDay' },
  'PA-02': { title: 'Entry made long after the day it scores', raisedBy: 'prison.scoreDay' },
  'PA-03': { title: 'Reduction above the maximum for the grounds', raisedBy: 'prison.checkProposal, prison.recordRuling' },
  'PA-04': { title: 'Proposal before eligibility', raisedBy: 'prison.checkProposal' },
  'PA-05': { title: 'The same officer proposing and reviewing', raisedBy: 'prison.checkProposal' },
  'PA-06': { title: 'Strict-category case without a hearing', raisedBy: 'prison.checkProposal' },
  'PA-07': { title: 'Post held beyond its rotation limit', raisedBy: 'prison.checkPostTenure' },
} as const;

export type AlertRule = keyof typeof alertRules;
