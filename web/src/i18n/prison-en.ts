import type { prisonZh } from './prison-zh.ts';

export const prisonEn: typeof prisonZh = {
  prison: {
    nav: { scores: 'Daily scores', cases: 'Prison cases', roll: 'Roll' },
    prisoner: 'Prisoner', prisonerTitle: 'Prisoner {{id}}', prisonerSubtitle: 'Sentence, expected release, commutation and parole conditions, points, rewards and punishments, cases and account (no personal data).',
    unitOf: 'Unit {{unit}}', yes: 'Yes', no: 'No',
    status: { 'in-custody': 'In custody', released: 'Released' },
    parts: { supervision: 'Custody conduct', education: 'Education', labour: 'Labour' },
    entryKind: { daily: 'Daily score', correction: 'Correction', base: 'Monthly base', bonus: 'Special bonus', deduction: 'Deduction' },
    stage: { 'fixed-term': 'Fixed term', life: 'Life', 'life-converted': 'Life reduced to a fixed term', reprieve: 'Death with reprieve (probation)', 'reprieve-life': 'Reprieve commuted to life', 'reprieve-converted': 'Reprieve reduced to a fixed term', suspended: 'Suspended' },
    sentence: {
      title: 'Sentence', kind: 'Punishment', term: 'Term', months: '{{months}} months', crimes: 'Crimes', judgmentEffective: 'Judgment effective', executionStart: 'Delivered for execution', admitted: 'Admitted',
      expectedRelease: 'Expected release', noRelease: 'None (life or reprieve)', commutations: 'Commutations (in force from)',
      kinds: { 'fixed-term': 'Fixed-term imprisonment', life: 'Life imprisonment', 'death-reprieve': 'Death with two-year reprieve', suspended: 'Suspended sentence', 'criminal-detention': 'Criminal detention' },
    },
    points: { title: 'Points assessment', balance: 'Points balance', cycle: 'Assessment cycle', cycleOf: 'Cycle {{n}}, {{since}} points so far', level: 'Management level', canWork: 'Works', nextCommutation: 'Earliest commutation proposal', nextParole: 'Earliest parole' },
    eligibility: {
      title: 'Commutation and parole', hint: 'Computed on the ledger’s facts as of {{asOf}} (rules {{rules}}); each finding shows the articles it applied.', commutation: 'Commutation', parole: 'Parole',
      eligibleNow: 'Can be proposed now', notYet: 'Not yet', stage: 'Stage', earliest: 'Earliest date', never: 'None (not possible on these facts)', maxReduction: 'Largest reduction now', byMonths: 'by {{months}} months',
      toMonths: 'to {{min}}–{{max}} months', none: 'None', grounds: 'Grounds', noGrounds: 'None yet', releaseNotBefore: 'Must serve at least until', blocks: 'Bars', waived: '(lifted by major merit)',
      until: 'until {{date}}', timeEligible: 'Time condition', exclusions: 'Bars to parole', absolute: 'barred', generally: 'generally barred', considerations: 'To be considered',
      groundsKey: { repentanceOrMerit: 'Repentance or meritorious service', repentanceAndMerit: 'Repentance and meritorious service', majorMerit: 'Major meritorious service', repentanceAndMajorMerit: 'Repentance and major meritorious service' },
    },
    levels: { strict: 'Strict (严管)', probation: 'Probation (考察)', ordinary: 'Ordinary (普管)', lenient: 'Lenient (宽管)' },
    timeline: { title: 'Score record', hint: '{{count}} entries; the chart is the running balance, the table the latest 30 (each with its signing officer and transaction).', none: 'No score entries yet.', chart: 'Points balance over time', date: 'Date', kind: 'Kind', officer: 'Signed by' },
    rewards: {
      title: 'Rewards and punishments', none: 'No rewards or punishments recorded.', reward: 'Reward', punishment: 'Punishment', cycle: 'Cycle {{n}}: {{status}}, grade {{grade}}',
      cycleStatus: { full: 'full, awaiting grade', proposed: 'grade proposed', graded: 'graded' }, merit: { merit: 'Meritorious service', 'major-merit': 'Major meritorious service' }, commendation: 'Commendation',
    },
    cases: { openTitle: 'Open a case', openReward: 'Propose a reward', openPunishment: 'Propose a punishment', title: 'Cases', none: 'No cases.', boardTitle: 'Prison case board', boardSubtitle: 'Open commutation, parole, reward and punishment cases by stage, nearest deadline first; open one to act on it.' },
    account: { title: 'Account', balance: 'Balance', spentThisMonth: 'Spent this month (limited)', none: 'No account entries.' },
    scores: {
      title: 'Daily scores', subtitle: 'Prison {{prison}}: a unit’s day in one grid, one submit, signed with your key.',
      noPrison: 'Your certificate names no prison (attribute prison): you cannot enter scores.', unknownPrison: 'Prison {{prison}} is not registered.',
      unit: 'Unit', date: 'Day scored', grid: '{{unit}} · {{count}} prisoners', reason: 'Reason (optional)', total: 'Total',
      caps: 'Each part: at most +{{plus}} and −{{minus}} a day ({{rules}}); each part also has a monthly plus cap, which the ledger enforces and names the prisoner.',
      keys: 'Keyboard: Tab next cell, Enter or ↓ next prisoner, arrow keys move, Ctrl+Enter submits. Blank means 0.',
      partCap: '+{{plus}}/−{{minus}}, month ≤{{month}}', noLabourShort: 'no labour', already: 'recorded ({{officer}})', notAdmitted: 'not admitted yet',
      submit: 'Submit {{count}} prisoners ({{txs}} transactions)', fixFirst: '{{count}} cells need fixing.', nothingOpen: 'Everyone in this unit is scored for this day.',
      recorded: 'Recorded {{count}} prisoners for {{date}} in {{txs}} transactions.', rows: '{{count}} prisoners', failedBatch: '{{first}} … {{last}} ({{count}} prisoners) were not recorded:',
      problem: { notInteger: 'Enter a whole number', aboveMax: 'above the daily plus of +{{max}}', belowMin: 'below the daily minus of {{min}}', noLabour: 'this prisoner does not work: labour must be 0' },
    },
    dashboard: {
      title: 'Prison dashboard', subtitle: 'Points, cases by stage, overdue deadlines and alerts across the province’s prisons, read straight from the ledger.', prisons: 'Prisons', prisoners: 'In custody', openCases: 'Open cases', overdue: 'Overdue deadlines',
      openAlerts: 'Open alerts', noPrisons: 'No prison is registered yet.', scores: 'Points balance per prison', scoresHint: 'Box: minimum, quartiles, median, maximum.', noPrisoners: 'no prisoners',
      stages: 'Cases per stage', toBoard: 'Open the prison case board →', alertsByRule: 'Open alerts by rule', noAlerts: 'No open alerts.', overdueTitle: 'Overdue deadlines',
      table: 'Prisons', prison: 'Prison', median: 'Median points', nextEligible: 'Earliest commutation proposal',
    },
    roll: { subtitle: '{{count}} in custody, by unit.' },
    inbox: { title: 'Inbox', subtitle: 'Cases waiting for your roles ({{roles}}), overdue first.', waiting: 'Waiting: {{count}}' },
    alertRule: {
      'PA-01': 'Daily score outside the normal range', 'PA-02': 'Late score entry', 'PA-03': 'Reduction above the maximum', 'PA-04': 'Proposal before eligibility', 'PA-05': 'Same officer proposes and reviews', 'PA-06': 'Strict case without a hearing', 'PA-07': 'Post beyond rotation limit',
    },
  },
};
