import { Type, type Static } from '@sinclair/typebox';

/** The three parts of the daily score (司规〔2021〕3号). */
export const scoreParts = ['supervision', 'education', 'labour'] as const;
export type ScorePart = (typeof scoreParts)[number];

export const scorePartNames: Record<ScorePart, string> = {
  supervision: '监管改造',
  education: '教育和文化改造',
  labour: '劳动改造',
};

const partInt = Type.Integer({ minimum: 0, maximum: 1000 });
const parts = Type.Object({ supervision: partInt, education: partInt, labour: partInt }, { additionalProperties: false });

/**
 * The points-assessment parameters, versioned data. A new version is a new
 * document; entries and grades record the `id@version` they were judged under.
 */
export const pointsRulesSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9.+-]{0,63}$' }),
    version: Type.Integer({ minimum: 1 }),
    /** Base per month and part for a prisoner who works; the total is 100. */
    monthlyBase: parts,
    /** Base per month and part for a prisoner who cannot work (labour must be 0). */
    monthlyBaseWithoutLabour: parts,
    /** Monthly plus per part ≤ base × numerator / denominator; one part cannot make up for another. */
    plusCap: Type.Object({ numerator: Type.Integer({ minimum: 0 }), denominator: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
    /** Largest plus, and largest minus, one daily entry may give one part. */
    dailyPlusMax: Type.Integer({ minimum: 0, maximum: 1000 }),
    dailyMinusMax: Type.Integer({ minimum: 0, maximum: 1000 }),
    specialBonus: Type.Object({ perAwardMax: Type.Integer({ minimum: 1 }), perYearMax: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
    deductions: Type.Object({ warning: partInt, demerit: partInt, confinement: partInt }, { additionalProperties: false }),
    confinementDays: Type.Object({ min: Type.Integer({ minimum: 1 }), max: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
    /** Points in one assessment cycle. */
    cycleTarget: Type.Integer({ minimum: 1 }),
    /** Whether a punishment (warning, demerit, confinement) in a cycle rules out a reward grade for it. */
    punishmentBlocksReward: Type.Boolean(),
    /** Entries made more than this many days after the day they score raise alert PA-02. */
    lateEntryDays: Type.Integer({ minimum: 0 }),
    /** What is verified against the official text and what is a placeholder. */
    provenance: Type.String({ maxLength: 2000 }),
  },
  { additionalProperties: false },
);
export type PointsRules = Static<typeof pointsRulesSchema>;

/**
 * 监狱计分考核罪犯工作规定 (司规〔2021〕3号, in force 2021-10-01), as far as
 * shared/domain/prison.md could verify it. Verified: scoring from admission,
 * 600 points a cycle, grades 表扬 / 物质奖励 / none. From a secondary summary
 * (not checked against the official text): base 100 a month in three parts,
 * plus per part ≤ 50 % of its base, special bonus ≤ 100 an award and ≤ 300 a
 * year, warning/demerit/confinement −100/−200/−400, 50 + 50 without labour.
 * Placeholders: the 40/30/30 split of the base (not found; the 2016 rule had
 * 65 education + 35 labour), the daily maxima and the late-entry window.
 * Change a number only by publishing a new version (`prison.setPointsRules`).
 */
export const moj2021PointsRules: PointsRules = Object.freeze({
  id: 'cn-moj-2021',
  version: 1,
  monthlyBase: { supervision: 40, education: 30, labour: 30 },
  monthlyBaseWithoutLabour: { supervision: 50, education: 50, labour: 0 },
  plusCap: { numerator: 1, denominator: 2 },
  dailyPlusMax: 5,
  dailyMinusMax: 20,
  specialBonus: { perAwardMax: 100, perYearMax: 300 },
  deductions: { warning: 100, demerit: 200, confinement: 400 },
  confinementDays: { min: 7, max: 15 }, // Prison Law art. 58 ¶2: 禁闭 7 to 15 days
  cycleTarget: 600,
  punishmentBlocksReward: true,
  lateEntryDays: 3,
  provenance:
    'Verified (arts. 1-7): scoring from admission, 600-point cycles, grades 表扬/物质奖励/none. Secondary summary, unchecked: base 100/month in three parts, plus ≤50% of a part\'s base, special bonus ≤100/award ≤300/year, deductions 100/200/400, 50+50 without labour. Placeholders: the 40/30/30 split, daily maxima, late-entry window.',
});

/** Checks a rules document beyond its schema; returns the first problem or undefined. */
export function pointsRulesProblem(rules: PointsRules): string | undefined {
  const sum = (p: Record<ScorePart, number>) => p.supervision + p.education + p.labour;
  if (sum(rules.monthlyBase) <= 0) return 'monthlyBase must be positive';
  if (rules.monthlyBaseWithoutLabour.labour !== 0) return 'monthlyBaseWithoutLabour.labour must be 0';
  if (rules.confinementDays.min > rules.confinementDays.max) return 'confinementDays.min > max';
  if (rules.specialBonus.perAwardMax > rules.specialBonus.perYearMax) return 'specialBonus.perAwardMax > perYearMax';
  return undefined;
}

/** `cn-moj-2021@1`. */
export function pointsRulesVersionOf(rules: Pick<PointsRules, 'id' | 'version'>): string {
  return `${rules.id}@${rules.version}`;
}
