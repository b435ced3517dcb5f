import type { CollectionSpec } from '../../ledger/store/collections.ts';

/** The prison contract's collections. Every document is keyed so that its id says what it is. */
export const prisonCollections = {
  /** Versioned rule parameters: `<kind>@<version>` and the pointer `<kind>` to the one in force. */
  config: 'prison.config',
  prisons: 'prison.prisons',
  /** The one current row per prisoner (hmpps pattern); histories live in the collections below. */
  prisoners: 'prison.prisoners',
  /** Per prisoner: the points balance and open cycle, apart from the row because every score changes it. */
  points: 'prison.points',
  /** Admissions, transfers, releases: the bookings, append-only. */
  movements: 'prison.movements',
  /** Score entries, append-only; a correction is a new entry pointing at the one it corrects. */
  scores: 'prison.scores',
  /** One per prisoner and day scored: the entry and its effective values after corrections. */
  scoreDays: 'prison.score_days',
  /** One per prisoner and month: plus per part so far, base granted, confinement days. */
  scoreMonths: 'prison.score_months',
  cycles: 'prison.cycles',
  levels: 'prison.levels',
  rulings: 'prison.rulings',
  property: 'prison.property',
  alerts: 'prison.alerts',
  accounts: 'prison.accounts',
  accountEntries: 'prison.account_entries',
  posts: 'prison.posts',
  officerPosts: 'prison.officer_posts',
  /** Per prisoner: the procedure cases the contract judged (checkCase) and recorded rulings for. */
  caseLinks: 'prison.case_links',
  /** Published documents by verification code: the notary anchor of a redacted ruling or notice. */
  disclosures: 'prison.disclosures',
} as const;

const c = prisonCollections;

export const prisonCollectionSpecs: CollectionSpec[] = [
  { name: c.config, indexes: [{ name: 'byKind', fields: ['kind', 'version'] }] },
  { name: c.prisons, indexes: [] },
  {
    name: c.prisoners,
    indexes: [
      { name: 'byPrison', fields: ['prison', 'status', 'unit'] },
      { name: 'byRelease', fields: ['status', 'expectedRelease'] },
      { name: 'byCommutationDate', fields: ['prison', 'status', 'nextEligibility.commutation'] },
    ],
  },
  { name: c.points, indexes: [] },
  { name: c.movements, indexes: [{ name: 'byPrisoner', fields: ['prisonerId', 'height'] }, { name: 'byPrison', fields: ['prison', 'date'] }] },
  {
    name: c.scores,
    indexes: [
      { name: 'byPrisoner', fields: ['prisonerId', 'date'] },
      // PERF: no byOfficer index: nothing queried it, and every entry paid for it.
      { name: 'byPrisonDay', fields: ['prison', 'date'] },
    ],
  },
  { name: c.scoreDays, indexes: [] },
  { name: c.scoreMonths, indexes: [{ name: 'byPrisoner', fields: ['prisonerId', 'month'] }] },
  { name: c.cycles, indexes: [{ name: 'byPrisoner', fields: ['prisonerId', 'n'] }, { name: 'byStatus', fields: ['prison', 'status'] }] },
  { name: c.levels, indexes: [{ name: 'byPrisoner', fields: ['prisonerId', 'from'] }] },
  { name: c.rulings, indexes: [{ name: 'byPrisoner', fields: ['prisonerId', 'servedDate'] }] },
  { name: c.property, indexes: [{ name: 'byPrisoner', fields: ['prisonerId'] }] },
  {
    name: c.alerts,
    indexes: [
      { name: 'byPrison', fields: ['prison', 'status', 'raisedAt'] },
      { name: 'byRule', fields: ['rule', 'raisedAt'] },
      { name: 'byPrisoner', fields: ['prisonerId', 'raisedAt'] },
    ],
  },
  { name: c.accounts, indexes: [] },
  { name: c.accountEntries, indexes: [{ name: 'byPrisoner', fields: ['prisonerId', 'height'] }] },
  { name: c.posts, indexes: [{ name: 'byOfficer', fields: ['officer', 'from'] }, { name: 'byPrisonPost', fields: ['prison', 'post', 'from'] }] },
  { name: c.officerPosts, indexes: [{ name: 'byPrison', fields: ['prison', 'post'] }] },
  { name: c.caseLinks, indexes: [] },
  { name: c.disclosures, indexes: [{ name: 'byCase', fields: ['caseId', 'height'] }, { name: 'byPrison', fields: ['prison', 'height'] }] },
];
