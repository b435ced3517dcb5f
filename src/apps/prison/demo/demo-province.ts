import type { JsonObject } from '../../../crypto/canonical-json.ts';
import type { SigningKey } from '../../../crypto/suite.ts';
import { signTransaction, type SignedTransaction } from '../../../ledger/transaction.ts';
import { addDays, toDayNumber, type IsoDate } from '../prison-dates.ts';
import { monthBounds } from '../prison-dates.ts';
import type { PersonalDataStore, PersonalRecord } from '../personal-data/personal-data-store.ts';
import { createDemoRandom, type DemoRandom } from './demo-random.ts';

/** The members a demo province needs (certificates issued by PrisonBureau's CA, `prison` attribute set). */
export function demoProvinceMembers(prisons: readonly string[]) {
  return [
    { memberId: 'demo-bureau', org: 'PrisonBureau', roles: ['bureau.official'], attributes: {} as Record<string, string> },
    ...prisons.flatMap((prison) => {
      const n = prison.replace(/[^0-9]/g, '');
      return [
        { memberId: `demo-penalty-${n}`, org: 'PrisonBureau', roles: ['prison.penalty-execution'], attributes: { prison } },
        { memberId: `demo-officer-${n}`, org: 'PrisonBureau', roles: ['prison.officer'], attributes: { prison } },
      ];
    }),
  ];
}

/**
 * Sizes: `start` is what `npm start` can seed in under a minute on one core
 * (measured: see docs/apps/prison.md); `province` is the scale
 * variant (≈60,000 prisoners, a year of daily scores: hours, with progress).
 */
export const demoProvinceSizes = {
  start: { prisonersPerPrison: 200, days: 60 },
  province: { prisonersPerPrison: 2860, days: 365 },
} as const;

export interface DemoProvinceSigners {
  bureau: SigningKey;
  /** The penalty-execution member and the supervising officer of a prison. */
  prison(prison: string): { penalty: SigningKey; officer: SigningKey };
}

export interface DemoProvinceOptions {
  network: string;
  /** Prison ids, e.g. the bureau's units JS-01 … JS-21 from genesis. */
  prisons: readonly string[];
  prisonersPerPrison: number;
  /** Days of daily-score history before `today` (migrated history: dated before go-live). */
  days: number;
  /** The day the platform goes live; history ends the day before. */
  today: IsoDate;
  signers: DemoProvinceSigners;
  /** Timestamp for each transaction when it is built (it must fall in the block's window). */
  clock?: () => number;
  seed?: number;
  /** Where the synthesized names and ID numbers go; without it, a fixed dummy hash is used. */
  personalData?: PersonalDataStore;
  /** Prisoners per scoreDay / closeMonth transaction. */
  batchSize?: number;
  /**
   * Batches already seeded by an earlier run: generated again (the same
   * random draws and nonces) but not signed, so a rerun continues where the
   * last one stopped.
   */
  skipBatches?: number;
  /** Number of each prison's first prisoner (`JS07-000001`); a second province in the same prisons starts higher. */
  firstNumber?: number;
  /** False when the prisons are registered already: the first batch is then empty. */
  registerPrisons?: boolean;
  /**
   * True when the prisoner has left custody by the day (a parole case the
   * driver ran): no score or month closing for them from then on. The
   * random draws are made all the same, so a rerun generates the same days.
   */
  isReleased?: (prisonerId: string, day: IsoDate) => boolean;
  /** Told each prison's admissions as they are generated (skipped batches too): what a case planner reads. */
  onAdmitted?: (admitted: readonly DemoAdmission[]) => void;
}

/** A prisoner as admitted: the `admitPrisoner` arguments (what the case planner reads). */
export type DemoAdmission = JsonObject & { prisonerId: string; prison: string; admittedOn: IsoDate };

/** PERF: a day's score transactions per batch (whole prisons): several batches in flight share blocks and overlap signing with commit. */
const scoreBatchTransactions = 64;

/** A group of transactions that depend only on earlier groups: submit a group, wait, then the next. */
export interface DemoBatch {
  /**
   * `day` is a marker with no transactions: history day `day` starts (the
   * last marker is the go-live day itself). A driver with a simulated clock
   * settles what is in flight, moves the clock and runs the day's cases there.
   */
  phase: 'prisons' | 'admissions' | 'day' | 'scores' | 'months';
  /** 0, 1, 2, …: what a resumed run passes as `skipBatches`. */
  index: number;
  /** Empty for a skipped batch. */
  transactions: SignedTransaction[];
  /** Transactions in this batch, signed or skipped. */
  count: number;
  /** Transactions in this and earlier batches, and the estimated total (days with no plus or minus have no row). */
  done: number;
  total: number;
  /** Generated again for a rerun, not signed (`skipBatches`). */
  skipped: boolean;
  /** For `day` markers and `scores`: the history day. */
  day?: IsoDate;
  /** For `admissions`: the prisoners admitted (also for a skipped batch). */
  admitted?: DemoAdmission[];
}

const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗'];
const givenNames = ['伟', '强', '磊', '军', '勇', '杰', '涛', '斌', '超', '明', '刚', '平', '辉', '鹏', '华', '飞', '鑫', '波', '宁', '浩'];
const crimes: { crime: string; categories: string[]; weight: number }[] = [
  { crime: '盗窃罪', categories: [], weight: 30 },
  { crime: '诈骗罪', categories: [], weight: 15 },
  { crime: '故意伤害罪', categories: [], weight: 12 },
  { crime: '抢劫罪', categories: ['violent'], weight: 8 },
  { crime: '贩卖毒品罪', categories: [], weight: 12 },
  { crime: '集资诈骗罪', categories: ['financial'], weight: 4 },
  { crime: '受贿罪', categories: ['duty', 'corruption-bribery'], weight: 3 },
  { crime: '交通肇事罪', categories: ['negligent'], weight: 6 },
  { crime: '组织、领导、参加黑社会性质组织罪', categories: ['organized-crime'], weight: 2 },
  { crime: '故意杀人罪', categories: ['violent'], weight: 8 },
];
const crimeWeights = crimes.reduce((sum, c) => sum + c.weight, 0);

function pickCrime(random: DemoRandom) {
  let roll = random.int(1, crimeWeights);
  for (const crime of crimes) {
    roll -= crime.weight;
    if (roll <= 0) return crime;
  }
  return crimes[0]!;
}

function personOf(random: DemoRandom, birthDate: IsoDate): PersonalRecord {
  const name = random.pick(surnames) + random.pick(givenNames) + (random.chance(0.5) ? random.pick(givenNames) : '');
  const idNumber = `3201${String(random.int(1, 99)).padStart(2, '0')}${birthDate.replaceAll('-', '')}${String(random.int(0, 999)).padStart(3, '0')}${random.int(0, 9)}`;
  return { name, idNumber, address: `江苏省某市某区${random.int(1, 300)}号`, health: random.chance(0.1) ? '慢性病，定期复查' : '无' };
}

/** A sentence with history consistent with an admission on `admittedOn`, still running on `today`. */
function sentenceOf(random: DemoRandom, admittedOn: IsoDate, today: IsoDate): JsonObject {
  const crime = pickCrime(random);
  const judgmentEffectiveDate = addDays(admittedOn, -random.int(10, 40));
  const offenceDate = addDays(judgmentEffectiveDate, -random.int(150, 500));
  const common = { judgmentEffectiveDate, executionStartDate: admittedOn };
  const roll = random.next();
  if (roll < 0.03 && crime.categories.includes('violent')) {
    return { kind: 'death-reprieve', restricted: false, wholeLife: false, ...common, convictions: [{ crime: crime.crime, categories: crime.categories, punishment: { kind: 'death-reprieve' }, offenceDate }] };
  }
  if (roll < 0.08) {
    return { kind: 'life', ...common, convictions: [{ crime: crime.crime, categories: crime.categories, punishment: { kind: 'life' } , offenceDate }] };
  }
  const served = toDayNumber(today) - toDayNumber(admittedOn);
  const minMonths = Math.ceil((served + 400) / 28);
  const termMonths = Math.max(minMonths, random.int(12, 180));
  return {
    kind: 'fixed-term',
    termMonths,
    custodyCreditDays: random.int(20, 300),
    ...common,
    convictions: [{ crime: crime.crime, categories: crime.categories, punishment: { kind: 'fixed-term', months: termMonths }, offenceDate }],
  };
}

/**
 * A demo province as signed transactions, lazily and in dependency order:
 * the prisons (bureau), the admissions (each prison's penalty-execution
 * member; personal data into the node-local store, its salted hash on the
 * ledger), `days` of daily scores per prisoner signed by each prison's
 * officer in batches, and the month closings that grant the base. The
 * history is dated before go-live (`today`), so it is migrated history and
 * raises no late-entry alerts; a few out-of-range days raise PA-01.
 */
export function* generateDemoProvince(options: DemoProvinceOptions): Generator<DemoBatch> {
  const random = createDemoRandom(options.seed ?? 2021);
  const clock = options.clock ?? (() => Date.now());
  const batchSize = options.batchSize ?? 100;
  const { prisons, prisonersPerPrison: perPrison, days, today } = options;
  const firstDay = addDays(today, -days);
  const groups = Math.ceil(perPrison / batchSize);
  const months: string[] = [];
  for (let d = firstDay; d < today; d = addDays(monthBounds(d.slice(0, 7)).last, 1)) {
    if (monthBounds(d.slice(0, 7)).last < today) months.push(d.slice(0, 7));
  }
  // About 45% of prisoner-days have a plus or minus in some part (see below).
  const total = prisons.length * (1 + perPrison + days * Math.ceil((perPrison * 0.45) / batchSize) + groups * months.length);
  const skip = options.skipBatches ?? 0;
  let done = 0;
  let nonce = 0;
  let index = 0;
  type Unsigned = { key: SigningKey; fn: string; args: JsonObject };
  const sign = (key: SigningKey, fn: string, args: JsonObject): Unsigned => ({ key, fn, args });
  const batch = (phase: DemoBatch['phase'], unsigned: Unsigned[], extra: Pick<DemoBatch, 'day' | 'admitted'> = {}): DemoBatch => {
    const signing = index >= skip;
    const transactions = unsigned.map(({ key, fn, args }) => {
      nonce += 1;
      return signing ? [signTransaction({ v: 1, network: options.network, contract: 'prison', fn, args, signer: key.publicKey, nonce: `demo-${options.seed ?? 2021}-${nonce}`, ts: clock() }, key)] : [];
    });
    done += unsigned.length;
    index += 1;
    return { phase, index: index - 1, skipped: !signing, transactions: transactions.flat(), count: unsigned.length, done, total: Math.max(total, done), ...extra };
  };

  yield batch(
    'prisons',
    (options.registerPrisons === false ? [] : prisons).map((id) =>
      sign(options.signers.bureau, 'registerPrison', {
        id,
        name: `Prison ${id}`,
        goLiveDate: today,
        units: [
          { id: 'D1', name: '一监区', parent: null, normalDaily: { min: -5, max: 8 } },
          { id: 'D2', name: '二监区', parent: null, normalDaily: { min: -5, max: 8 } },
          { id: 'D3', name: '三监区', parent: null, normalDaily: { min: -5, max: 8 } },
        ],
      }),
    ),
  );

  const roster = new Map<string, { id: string; admittedOn: IsoDate; canWork: boolean }[]>();
  for (const prison of prisons) {
    const n = prison.replace(/[^0-9]/g, '');
    const people: { prisonerId: string; record: PersonalRecord }[] = [];
    const args: JsonObject[] = [];
    const list: { id: string; admittedOn: IsoDate; canWork: boolean }[] = [];
    const first = options.firstNumber ?? 1;
    for (let i = first; i < first + perPrison; i += 1) {
      const prisonerId = `JS${n}-${String(i).padStart(6, '0')}`;
      const admittedOn = addDays(firstDay, -random.int(0, 1400));
      const birthDate = addDays(admittedOn, -random.int(20 * 365, 60 * 365));
      const canWork = !random.chance(0.05);
      people.push({ prisonerId, record: personOf(random, birthDate) });
      list.push({ id: prisonerId, admittedOn, canWork });
      args.push({
        prisonerId,
        prison,
        unit: random.pick(['D1', 'D2', 'D3']),
        admittedOn,
        personalDataHash: '',
        birthDate,
        recidivist: random.chance(0.1),
        canWork,
        health: {},
        noRiskOfReoffending: null,
        refusesRestitution: false,
        refusesToAdmitGuilt: false,
        sentence: sentenceOf(random, admittedOn, today),
      });
    }
    // A skipped batch's people were stored by the run that seeded it (a new salt would not match the ledger).
    const hashes = index >= skip ? options.personalData?.putMany(people) : undefined;
    roster.set(prison, list);
    const { penalty } = options.signers.prison(prison);
    options.onAdmitted?.(args as DemoAdmission[]);
    yield batch(
      'admissions',
      args.map((a) => sign(penalty, 'admitPrisoner', { ...a, personalDataHash: hashes?.get(String(a['prisonerId'])) ?? '00'.repeat(32) })),
      { admitted: args as DemoAdmission[] },
    );
  }

  // Plus per prisoner, part and month, kept under the smallest monthly cap (15) so no row is refused.
  const monthPlus = new Map<string, number>();
  const plusCap = 15;
  const released = options.isReleased ?? (() => false);
  // A month is closed on the first day of the next (its last day must have ended).
  const closeMonthBefore = function* (d: IsoDate): Generator<DemoBatch> {
    const month = addDays(d, -1).slice(0, 7);
    if (d.slice(8) !== '01' || !months.includes(month)) return;
    const closings: Unsigned[] = [];
    const last = addDays(d, -1);
    for (const prison of prisons) {
      const { officer } = options.signers.prison(prison);
      // Not for a prisoner released since (on parole this morning, say): the contract refuses it.
      const ids = roster.get(prison)!.filter((p) => p.admittedOn <= last && !released(p.id, d)).map((p) => p.id);
      for (let g = 0; g < ids.length; g += batchSize) closings.push(sign(officer, 'closeMonth', { month, prisonerIds: ids.slice(g, g + batchSize) }));
    }
    yield batch('months', closings);
  };
  for (let d = firstDay; d < today; d = addDays(d, 1)) {
    yield batch('day', [], { day: d });
    yield* closeMonthBefore(d);
    // The caps are per month: last month's sums are done with (at province scale they would fill the heap).
    if (d.slice(8) === '01') monthPlus.clear();
    // A day's rows in batches of about `scoreBatchTransactions`, whole prisons each, so batches in flight share blocks.
    let transactions: Unsigned[] = [];
    for (const prison of prisons) {
      const { officer } = options.signers.prison(prison);
      const list = roster.get(prison)!.filter((p) => p.admittedOn <= d);
      // The officer's day record lists the prisoners with a plus or minus in some part (about 45%);
      // a day with nothing to note has no row, as with the 2021 rules' event-based plus and minus.
      const rows = list.map((p) => {
          const unusual = random.chance(0.0005);
          const part = (name: string) => {
            const value = unusual ? 5 : random.chance(0.15) ? 1 : random.chance(0.02) ? -2 : 0;
            const key = `${p.id}/${name}/${d.slice(0, 7)}`;
            const sum = monthPlus.get(key) ?? 0;
            if (value > 0 && sum + value > plusCap) return 0;
            if (value > 0) monthPlus.set(key, sum + value);
            return value;
          };
          return { prisonerId: p.id, parts: { supervision: part('s'), education: part('e'), labour: p.canWork ? part('l') : 0 }, reason: '' };
      }).filter((row) => (row.parts.supervision !== 0 || row.parts.education !== 0 || row.parts.labour !== 0) && !released(row.prisonerId, d));
      for (let g = 0; g < rows.length; g += batchSize) transactions.push(sign(officer, 'scoreDay', { date: d, entries: rows.slice(g, g + batchSize) }));
      if (transactions.length >= scoreBatchTransactions) {
        yield batch('scores', transactions, { day: d });
        transactions = [];
      }
    }
    if (transactions.length > 0) yield batch('scores', transactions, { day: d });
  }
  yield batch('day', [], { day: today });
  yield* closeMonthBefore(today);
}
