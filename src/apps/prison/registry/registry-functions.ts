import { Type } from '@sinclair/typebox';
import type { ContractContext } from '../../../runtime/contract.ts';
import { defineFunction, type ContractFunction } from '../../../runtime/contract.ts';
import { healthSchema, newCrimeSchema, propertySchema, sentenceSchema } from '../eligibility/eligibility-input.ts';
import { prisonCollections as c } from '../collections.ts';
import { dateArg, hashArg, prisonIdArg, prisonerIdArg, reasonArg, strict, unitIdArg } from '../contract/arg-schemas.ts';
import { actorOf, assertInCustody, assertSamePrison, currentLevels, getPrison, getPrisoner } from '../contract/context-helpers.ts';
import type { PrisonDoc, PrisonerDoc } from '../contract/prison-docs.ts';
import { initialPoints, putPoints, putPrisoner } from '../contract/prisoner-store.ts';
import { prisonError } from '../prison-error.ts';
import { assertIsoDate, assertNotFuture, blockDay, type IsoDate } from '../prison-dates.ts';
import { sentenceDatesOf } from '../sentence/eligibility-of.ts';

/** Writes the prisoner's row with its dates recomputed from the facts. */
export function savePrisoner(ctx: ContractContext, prisoner: PrisonerDoc): PrisonerDoc {
  const updated = { ...prisoner, ...sentenceDatesOf(prisoner, blockDay(ctx)) };
  putPrisoner(ctx, updated);
  return updated;
}

function recordMovement(ctx: ContractContext, prisoner: PrisonerDoc, kind: string, date: IsoDate, details: Record<string, string>): void {
  ctx.put(c.movements, `${prisoner.id}/${ctx.txId}`, {
    prisonerId: prisoner.id,
    kind,
    prison: prisoner.prison,
    unit: prisoner.unit,
    date,
    ...details,
    by: actorOf(ctx),
    txId: ctx.txId,
    height: ctx.block.height,
  });
}

function assertUnit(prison: PrisonDoc, unit: string): void {
  if (!prison.units.some((u) => u.id === unit)) throw prisonError('PRISON_UNKNOWN_PRISON', `prison ${prison.id} has no unit ${unit}`, { prison: prison.id, unit });
}

const registerPrison = defineFunction({
  args: Type.Object(
    {
      id: prisonIdArg,
      name: Type.String({ minLength: 1, maxLength: 100 }),
      goLiveDate: dateArg,
      units: Type.Array(
        Type.Object(
          {
            id: unitIdArg,
            name: Type.String({ minLength: 1, maxLength: 100 }),
            parent: Type.Union([unitIdArg, Type.Null()]),
            /** The unit's normal range of a day's total score; outside it alert PA-01 fires. */
            normalDaily: Type.Object({ min: Type.Integer({ minimum: -1000, maximum: 1000 }), max: Type.Integer({ minimum: -1000, maximum: 1000 }) }, strict),
          },
          strict,
        ),
        { minItems: 1, maxItems: 200 },
      ),
    },
    strict,
  ),
  handler(ctx, args) {
    assertIsoDate(args.goLiveDate, 'goLiveDate');
    if (ctx.get(c.prisons, args.id) !== undefined) throw prisonError('PRISON_PRISON_EXISTS', `prison ${args.id} is already registered`, { prison: args.id });
    const ids = new Set<string>();
    for (const unit of args.units) {
      if (ids.has(unit.id)) throw prisonError('PRISON_UNKNOWN_PRISON', `unit ${unit.id} listed twice`, { unit: unit.id });
      if (unit.parent !== null && !ids.has(unit.parent)) throw prisonError('PRISON_UNKNOWN_PRISON', `unit ${unit.id}: parent ${unit.parent} must be listed before it`, { unit: unit.id });
      if (unit.normalDaily.min > unit.normalDaily.max) throw prisonError('PRISON_RULES_INVALID', `unit ${unit.id}: normalDaily.min > max`, { unit: unit.id });
      ids.add(unit.id);
    }
    const doc: PrisonDoc = { id: args.id, name: args.name, units: args.units, goLiveDate: args.goLiveDate, registeredBy: actorOf(ctx), height: ctx.block.height };
    ctx.put(c.prisons, args.id, doc);
    ctx.emit('prison.registered', { prison: args.id, units: args.units.length });
    return { prison: args.id };
  },
});

const factsArgs = {
  recidivist: Type.Boolean(),
  canWork: Type.Boolean(),
  health: healthSchema,
  noRiskOfReoffending: Type.Union([Type.Boolean(), Type.Null()]),
  refusesRestitution: Type.Boolean(),
  refusesToAdmitGuilt: Type.Boolean(),
};

const admitPrisoner = defineFunction({
  args: Type.Object(
    {
      prisonerId: prisonerIdArg,
      prison: prisonIdArg,
      unit: unitIdArg,
      admittedOn: dateArg,
      /** Salted hash of the node-local personal record (createPersonalDataStore). */
      personalDataHash: hashArg,
      birthDate: dateArg,
      sentence: sentenceSchema,
      property: Type.Optional(propertySchema),
      ...factsArgs,
    },
    strict,
  ),
  handler(ctx, args) {
    assertSamePrison(ctx, args.prison);
    const admittedOn = assertIsoDate(args.admittedOn, 'admittedOn');
    assertIsoDate(args.birthDate, 'birthDate');
    assertNotFuture(ctx, admittedOn, 'admittedOn');
    assertUnit(getPrison(ctx, args.prison), args.unit);
    if (ctx.get(c.prisoners, args.prisonerId) !== undefined) throw prisonError('PRISON_PRISONER_EXISTS', `prisoner ${args.prisonerId} is already registered`, { prisonerId: args.prisonerId });
    const levels = currentLevels(ctx);
    const prisoner: PrisonerDoc = {
      id: args.prisonerId,
      prison: args.prison,
      unit: args.unit,
      status: 'in-custody',
      admittedOn,
      releasedOn: null,
      personalDataHash: args.personalDataHash,
      birthDate: args.birthDate,
      recidivist: args.recidivist,
      canWork: args.canWork,
      health: args.health,
      noRiskOfReoffending: args.noRiskOfReoffending,
      sentence: args.sentence,
      commutations: [],
      newCrimes: [],
      property: args.property ?? { state: 'none' },
      merits: [],
      commendations: [],
      refusesRestitution: args.refusesRestitution,
      refusesToAdmitGuilt: args.refusesToAdmitGuilt,
      level: levels.initial,
      points: initialPoints(),
      expectedRelease: null,
      nextEligibility: { commutation: null, parole: null, asOf: admittedOn, ruleVersion: '' },
      version: 1,
    };
    const saved = savePrisoner(ctx, prisoner);
    putPoints(ctx, prisoner.id, prisoner.points);
    recordMovement(ctx, prisoner, 'admission', admittedOn, {});
    ctx.put(c.levels, `${prisoner.id}/${ctx.txId}`, { prisonerId: prisoner.id, level: levels.initial, from: admittedOn, reason: 'admission', by: actorOf(ctx), rules: `${levels.id}@${levels.version}`, height: ctx.block.height });
    ctx.emit('prison.admitted', { prisonerId: prisoner.id, prison: prisoner.prison });
    return { prisonerId: prisoner.id, expectedRelease: saved.expectedRelease, nextEligibility: saved.nextEligibility };
  },
});

const updateFacts = defineFunction({
  args: Type.Object(
    {
      prisonerId: prisonerIdArg,
      facts: Type.Partial(Type.Object(factsArgs, strict)),
      reason: reasonArg,
      evidenceHash: Type.Optional(hashArg),
    },
    strict,
  ),
  handler(ctx, args) {
    const prisoner = getPrisoner(ctx, args.prisonerId);
    assertSamePrison(ctx, prisoner.prison);
    assertInCustody(prisoner);
    const updated = savePrisoner(ctx, { ...prisoner, ...args.facts, version: prisoner.version + 1 });
    ctx.put(c.movements, `${prisoner.id}/${ctx.txId}`, { prisonerId: prisoner.id, kind: 'facts', prison: prisoner.prison, unit: prisoner.unit, date: blockDay(ctx), facts: args.facts, reason: args.reason, evidenceHash: args.evidenceHash ?? null, by: actorOf(ctx), txId: ctx.txId, height: ctx.block.height });
    return { prisonerId: prisoner.id, nextEligibility: updated.nextEligibility };
  },
});

const recordMerit = defineFunction({
  args: Type.Object(
    {
      prisonerId: prisonerIdArg,
      date: dateArg,
      kind: Type.Union([Type.Literal('merit'), Type.Literal('major-merit')]),
      /** The authority that confirmed it (SPC 2016 arts. 4-5). */
      confirmedBy: Type.String({ minLength: 1, maxLength: 200 }),
      evidenceHash: hashArg,
    },
    strict,
  ),
  handler(ctx, args) {
    const prisoner = getPrisoner(ctx, args.prisonerId);
    assertSamePrison(ctx, prisoner.prison);
    assertInCustody(prisoner);
    const date = assertIsoDate(args.date, 'date');
    assertNotFuture(ctx, date, 'date');
    if (date < prisoner.admittedOn) throw prisonError('PRISON_DATE_BEFORE_ADMISSION', `${date} is before admission on ${prisoner.admittedOn}`, { date });
    const updated = savePrisoner(ctx, { ...prisoner, merits: [...prisoner.merits, { date, kind: args.kind }], version: prisoner.version + 1 });
    recordMovement(ctx, prisoner, 'merit', date, { merit: args.kind, confirmedBy: args.confirmedBy, evidenceHash: args.evidenceHash });
    return { nextEligibility: updated.nextEligibility };
  },
});

const recordNewCrime = defineFunction({
  args: Type.Object({ prisonerId: prisonerIdArg, newCrime: newCrimeSchema, judgmentHash: hashArg }, strict),
  handler(ctx, args) {
    const prisoner = getPrisoner(ctx, args.prisonerId);
    assertNotFuture(ctx, assertIsoDate(args.newCrime.judgmentEffectiveDate, 'judgmentEffectiveDate'), 'judgmentEffectiveDate');
    const updated = savePrisoner(ctx, { ...prisoner, newCrimes: [...prisoner.newCrimes, args.newCrime], version: prisoner.version + 1 });
    recordMovement(ctx, prisoner, 'new-crime', args.newCrime.judgmentEffectiveDate, { judgmentHash: args.judgmentHash });
    return { nextEligibility: updated.nextEligibility };
  },
});

const transferPrisoner = defineFunction({
  args: Type.Object({ prisonerId: prisonerIdArg, toPrison: prisonIdArg, toUnit: unitIdArg, date: dateArg, reason: reasonArg }, strict),
  handler(ctx, args) {
    const prisoner = getPrisoner(ctx, args.prisonerId);
    assertInCustody(prisoner);
    const date = assertIsoDate(args.date, 'date');
    assertNotFuture(ctx, date, 'date');
    if (date < prisoner.admittedOn) throw prisonError('PRISON_DATE_BEFORE_ADMISSION', `${date} is before admission on ${prisoner.admittedOn}`, { date });
    if (args.toPrison === prisoner.prison) throw prisonError('PRISON_SAME_PRISON', `prisoner ${prisoner.id} is already in ${prisoner.prison}`);
    assertUnit(getPrison(ctx, args.toPrison), args.toUnit);
    recordMovement(ctx, prisoner, 'transfer-out', date, { toPrison: args.toPrison, reason: args.reason });
    const moved: PrisonerDoc = { ...prisoner, prison: args.toPrison, unit: args.toUnit, version: prisoner.version + 1 };
    putPrisoner(ctx, moved);
    ctx.put(c.movements, `${prisoner.id}/${ctx.txId}/in`, { prisonerId: prisoner.id, kind: 'transfer-in', prison: args.toPrison, unit: args.toUnit, date, fromPrison: prisoner.prison, reason: args.reason, by: actorOf(ctx), txId: ctx.txId, height: ctx.block.height });
    ctx.emit('prison.transferred', { prisonerId: prisoner.id, from: prisoner.prison, to: args.toPrison });
    return { prison: args.toPrison, unit: args.toUnit };
  },
});

const releasePrisoner = defineFunction({
  args: Type.Object(
    {
      prisonerId: prisonerIdArg,
      date: dateArg,
      kind: Type.Union([Type.Literal('term-served'), Type.Literal('parole'), Type.Literal('temporary-execution'), Type.Literal('pardon'), Type.Literal('death'), Type.Literal('other')]),
      /** Hash of the release certificate, parole ruling or decision. */
      documentHash: hashArg,
    },
    strict,
  ),
  handler(ctx, args) {
    const prisoner = getPrisoner(ctx, args.prisonerId);
    assertSamePrison(ctx, prisoner.prison);
    assertInCustody(prisoner);
    const date = assertIsoDate(args.date, 'date');
    assertNotFuture(ctx, date, 'date');
    if (date < prisoner.admittedOn) throw prisonError('PRISON_DATE_BEFORE_ADMISSION', `${date} is before admission on ${prisoner.admittedOn}`, { date });
    putPrisoner(ctx, { ...prisoner, status: 'released', releasedOn: date, version: prisoner.version + 1 });
    recordMovement(ctx, prisoner, 'release', date, { release: args.kind, documentHash: args.documentHash });
    ctx.emit('prison.released', { prisonerId: prisoner.id, kind: args.kind });
    return { releasedOn: date };
  },
});

export const registryFunctions: Record<string, ContractFunction> = {
  registerPrison,
  admitPrisoner,
  updateFacts,
  recordMerit,
  recordNewCrime,
  transferPrisoner,
  releasePrisoner,
};
