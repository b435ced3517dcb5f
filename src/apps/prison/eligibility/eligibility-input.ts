import { Type, type Static, type TSchema } from '@sinclair/typebox';

/**
 * The facts an eligibility assessment is computed from: one prisoner, one
 * sentence and its history, as of one date. The schema doubles as the API's
 * request schema; `validateEligibilityInput` adds the checks a schema cannot
 * express (real dates, order of events, consistency with the sentence).
 */

const strict = { additionalProperties: false } as const;

function optional<T extends TSchema>(schema: T) {
  return Type.Optional(schema);
}

const isoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'calendar date YYYY-MM-DD' });
const months = Type.Integer({ minimum: 0, maximum: 1200, description: 'whole months' });
/** A term in months: at most 25 years (Criminal Law arts. 50, 69). */
const termMonths = Type.Integer({ minimum: 1, maximum: 300 });

/**
 * Crime categories the rules depend on, per conviction.
 * - `violent`: 故意杀人、强奸、抢劫、绑架、放火、爆炸、投放危险物质 or organised
 *   violent crime (Criminal Law arts. 50 ¶2, 81 ¶2; SPC 2016 arts. 7, 9, 11, 25).
 * - `duty`: 职务犯罪 (SPC 2016 arts. 3 ¶2, 7, 9, 11).
 * - `corruption-bribery`: a crime of Criminal Law part II ch. 8 (贪污贿赂) by a
 *   former state functionary; SPC 2019 applies when it was judged after
 *   Amendment IX. Also a duty crime.
 * - `financial`: 破坏金融管理秩序、金融诈骗. `organized-crime`: 组织、领导、参加、
 *   包庇、纵容黑社会性质组织. `state-security`, `terrorism`, `drug-group-leader`
 *   (毒品犯罪集团的首要分子), `drug-reoffender` (毒品再犯, art. 356).
 * - `negligent`: 过失犯罪 (SPC 2016 art. 26(1)).
 */
export const crimeCategorySchema = Type.Union([
  Type.Literal('violent'),
  Type.Literal('duty'),
  Type.Literal('corruption-bribery'),
  Type.Literal('financial'),
  Type.Literal('organized-crime'),
  Type.Literal('state-security'),
  Type.Literal('terrorism'),
  Type.Literal('drug-group-leader'),
  Type.Literal('drug-reoffender'),
  Type.Literal('negligent'),
]);
export type CrimeCategory = Static<typeof crimeCategorySchema>;

/** The punishment imposed for one crime (before combining, Criminal Law art. 69). */
export const punishmentSchema = Type.Union([
  Type.Object({ kind: Type.Literal('fixed-term'), months: termMonths }, strict),
  Type.Object({ kind: Type.Literal('criminal-detention'), months: termMonths }, strict),
  Type.Object({ kind: Type.Literal('life') }, strict),
  Type.Object({ kind: Type.Literal('death-reprieve') }, strict),
]);
export type Punishment = Static<typeof punishmentSchema>;

export const convictionSchema = Type.Object(
  {
    crime: Type.String({ minLength: 1, description: 'name of the crime, e.g. 抢劫罪' }),
    categories: Type.Array(crimeCategorySchema),
    punishment: punishmentSchema,
    offenceDate: isoDate,
  },
  strict,
);
export type Conviction = Static<typeof convictionSchema>;

const sentenceCommon = {
  /** 判决生效 / 判决确定 date: starts the reprieve (Criminal Law art. 51) and the 13 years of life (SPC 2016 art. 23 ¶2). */
  judgmentEffectiveDate: isoDate,
  /** 判决执行之日: delivery to prison (SPC 2016 art. 40 ¶1); for a suspended sentence, the start of probation. */
  executionStartDate: isoDate,
  convictions: Type.Array(convictionSchema, { minItems: 1 }),
  /** 附加剥夺政治权利: months, or `life` (Criminal Law art. 57 ¶1). */
  politicalRights: optional(Type.Union([months, Type.Literal('life')])),
};

export const sentenceSchema = Type.Union([
  Type.Object(
    {
      kind: Type.Literal('fixed-term'),
      termMonths: Type.Integer({ minimum: 1 }),
      /** Days in custody before execution, credited one for one (Criminal Law art. 47). */
      custodyCreditDays: Type.Integer({ minimum: 0, maximum: 9200 }),
      ...sentenceCommon,
    },
    strict,
  ),
  Type.Object(
    {
      kind: Type.Literal('life'),
      /**
       * SPC 2016 art. 37: an omitted crime was found after the life sentence had
       * been reduced and the combined sentence is life again.
       */
      omittedCrimeRejudgment: optional(
        Type.Object({ judgmentEffectiveDate: isoDate, omittedCrimeTermMonths: termMonths }, strict),
      ),
      ...sentenceCommon,
    },
    strict,
  ),
  Type.Object(
    {
      kind: Type.Literal('death-reprieve'),
      /** 限制减刑, Criminal Law art. 50 ¶2. */
      restricted: Type.Boolean(),
      /** 终身监禁, Criminal Law art. 383 ¶4. */
      wholeLife: Type.Boolean(),
      /** Start of a reprieve restarted after an intentional crime during it (Criminal Law art. 50 ¶1; SPC 2016 art. 21 ¶2). */
      reprieveRestartDate: optional(isoDate),
      ...sentenceCommon,
    },
    strict,
  ),
  Type.Object(
    {
      kind: Type.Literal('suspended'),
      underlying: Type.Union([Type.Literal('criminal-detention'), Type.Literal('fixed-term')]),
      termMonths,
      probationMonths: termMonths,
      ...sentenceCommon,
    },
    strict,
  ),
]);
export type Sentence = Static<typeof sentenceSchema>;

const ruling = { rulingDate: isoDate, /** 送达: the interval runs from here (SPC 2016 art. 40 ¶2). */ servedDate: isoDate };

/** A ruling that changed the sentence, in order. */
export const commutationSchema = Type.Union([
  Type.Object({ kind: Type.Literal('reduction'), months: termMonths, ...ruling }, strict),
  /** Life (or death with reprieve already reduced to life) to a fixed term, counted from the ruling (Criminal Law art. 80). */
  Type.Object({ kind: Type.Literal('to-fixed-term'), termMonths, ...ruling }, strict),
  /** Death with reprieve to life at the end of the reprieve (Criminal Law art. 50 ¶1). */
  Type.Object({ kind: Type.Literal('reprieve-to-life'), ...ruling }, strict),
  /** Death with reprieve to 25 years for major merit, counted from the end of the reprieve (arts. 50 ¶1, 51). */
  Type.Object({ kind: Type.Literal('reprieve-to-fixed-term'), termMonths, ...ruling }, strict),
]);
export type Commutation = Static<typeof commutationSchema>;

/** A crime committed while serving this sentence, once judged (SPC 2016 art. 21 ¶1, ¶3). */
export const newCrimeSchema = Type.Object(
  {
    judgmentEffectiveDate: isoDate,
    punishment: Type.Union([Type.Literal('fixed-term'), Type.Literal('life')]),
    intentional: Type.Boolean(),
  },
  strict,
);
export type NewCrime = Static<typeof newCrimeSchema>;

/**
 * Property judgments (财产性判项, SPC 2016 art. 41; SPC 2024 art. 1):
 * `none` — no such judgment; `performed` — fully performed; `unable` — not
 * performed, no ability to pay (2024 art. 7); `able-unpaid` — able to pay but
 * not (fully) paying (2024 art. 6). `refusalEndedOn`: the day the art. 6
 * circumstances ended or the judgment was performed after a refusal.
 */
export const propertySchema = Type.Object(
  {
    state: Type.Union([Type.Literal('none'), Type.Literal('performed'), Type.Literal('unable'), Type.Literal('able-unpaid')]),
    refusalEndedOn: optional(isoDate),
  },
  strict,
);
export type PropertyJudgment = Static<typeof propertySchema>;

export const meritSchema = Type.Object(
  { date: isoDate, kind: Type.Union([Type.Literal('merit'), Type.Literal('major-merit')]) },
  strict,
);
export type Merit = Static<typeof meritSchema>;

export const behaviourSchema = Type.Object(
  {
    /** Dates of commendations (表扬) from the points assessment. */
    commendations: Type.Array(isoDate),
    /** Confirmed 立功 / 重大立功 (SPC 2016 arts. 4–5). */
    merits: Type.Array(meritSchema),
    /** Does not return illicit gains or compensate (SPC 2016 art. 3 ¶2; SPC 2024 art. 12). */
    refusesRestitution: optional(Type.Boolean()),
    /** 拒不认罪悔罪 (SPC 2019 art. 1). */
    refusesToAdmitGuilt: optional(Type.Boolean()),
  },
  strict,
);
export type Behaviour = Static<typeof behaviourSchema>;

/** Health facts, as certified (SPC 2016 art. 39 ¶¶2–4). */
export const healthSchema = Type.Object(
  {
    /** 患严重疾病 (art. 39 ¶2). */
    seriouslyIll: optional(Type.Boolean()),
    /** 身体残疾 (art. 39 ¶3). */
    disabled: optional(Type.Boolean()),
    /** Disability self-inflicted after the crime: not a disability for the rules (art. 39 ¶3). */
    disabilitySelfInflicted: optional(Type.Boolean()),
    /** 身患疾病, any illness (art. 31). */
    ill: optional(Type.Boolean()),
    /** 基本丧失劳动能力 (arts. 20 ¶2, 26(4)). */
    lostWorkCapacity: optional(Type.Boolean()),
    /** 生活难以自理 (arts. 20 ¶2, 26(4), 31). */
    unableToCareForSelf: optional(Type.Boolean()),
  },
  strict,
);
export type Health = Static<typeof healthSchema>;

export const prisonerSchema = Type.Object(
  {
    birthDate: isoDate,
    /** 累犯 (Criminal Law arts. 65–66). */
    recidivist: Type.Boolean(),
    health: optional(healthSchema),
    /** The assessment of 没有再犯罪的危险 (Criminal Law art. 81 ¶1; SPC 2016 arts. 22, 31), when made. */
    noRiskOfReoffending: optional(Type.Boolean()),
  },
  strict,
);
export type Prisoner = Static<typeof prisonerSchema>;

/** A parole revoked earlier in this sentence (SPC 2016 art. 30). */
export const paroleRevocationSchema = Type.Object(
  {
    reimprisonedOn: isoDate,
    /** Criminal Law art. 86 ¶1 (new crime), ¶2 (omitted crime found), ¶3 (violation). */
    ground: Type.Union([Type.Literal('new-crime'), Type.Literal('omitted-crime'), Type.Literal('violation')]),
    /** The omitted crime was confessed but not found by the judgment, or self-reported (art. 30 ¶1). */
    omittedCrimeConfessed: optional(Type.Boolean()),
  },
  strict,
);
export type ParoleRevocation = Static<typeof paroleRevocationSchema>;

export const eligibilityInputSchema = Type.Object(
  {
    /** The date the assessment is made for, e.g. the day a proposal would be filed. */
    asOf: isoDate,
    prisoner: prisonerSchema,
    sentence: sentenceSchema,
    commutations: optional(Type.Array(commutationSchema)),
    newCrimes: optional(Type.Array(newCrimeSchema)),
    property: optional(propertySchema),
    behaviour: optional(behaviourSchema),
    paroleRevocation: optional(paroleRevocationSchema),
  },
  { ...strict, $id: 'PrisonEligibilityInput' },
);
export type EligibilityInput = Static<typeof eligibilityInputSchema>;
