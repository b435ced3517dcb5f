import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assessEligibility } from './assess-eligibility.ts';
import type { EligibilityInput } from './eligibility-input.ts';
import { fastCheckParameters } from './fast-check-seed.ts';
import { addDays, addMonths, fromDayNumber, toDayNumber } from './iso-date.ts';

/** Random ordinary fixed-term prisoners with a history of reductions, assessed after SPC 2016 took effect. */
const fixedTermInputs: fc.Arbitrary<EligibilityInput> = fc
  .record({
    delivered: fc.integer({ min: toDayNumber('2015-01-01'), max: toDayNumber('2030-12-31') }),
    termMonths: fc.integer({ min: 6, max: 180 }),
    creditDays: fc.integer({ min: 0, max: 120 }),
    judgmentBefore: fc.integer({ min: 0, max: 60 }),
    recidivist: fc.boolean(),
    reductions: fc.array(fc.record({ after: fc.integer({ min: 200, max: 700 }), months: fc.integer({ min: 1, max: 12 }) }), { maxLength: 3 }),
    commendations: fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 4 }),
    asOfAfter: fc.integer({ min: 0, max: 6000 }),
  })
  .map((r) => {
    const delivered = fromDayNumber(r.delivered);
    let day = r.delivered;
    let reduced = 0;
    const commutations = [];
    for (const reduction of r.reductions) {
      if (reduced + reduction.months >= r.termMonths) break;
      day += reduction.after;
      reduced += reduction.months;
      commutations.push({ kind: 'reduction' as const, months: reduction.months, rulingDate: fromDayNumber(day), servedDate: fromDayNumber(day + 7) });
    }
    const asOfDay = Math.max(day + 7 + r.asOfAfter, r.delivered, toDayNumber('2017-01-01'));
    return {
      asOf: fromDayNumber(asOfDay),
      prisoner: { birthDate: '1980-01-01', recidivist: r.recidivist },
      sentence: {
        kind: 'fixed-term' as const,
        termMonths: r.termMonths,
        custodyCreditDays: r.creditDays,
        judgmentEffectiveDate: addDays(delivered, -r.judgmentBefore),
        executionStartDate: delivered,
        convictions: [{ crime: '盗窃罪', categories: [], punishment: { kind: 'fixed-term' as const, months: r.termMonths }, offenceDate: '2014-06-01' }],
      },
      commutations,
      behaviour: { commendations: r.commendations.map((offset) => fromDayNumber(Math.min(r.delivered + offset, asOfDay))), merits: [] },
    };
  });

test('assessments are deterministic and record their rule version', () => {
  fc.assert(
    fc.property(fixedTermInputs, (input) => {
      const first = assessEligibility(input);
      assert.deepStrictEqual(assessEligibility(structuredClone(input)), first);
      assert.equal(first.ruleVersion, 'cn-spc-2016+2019+2024@1');
      assert.equal(first.commutation.ruleVersion, first.ruleVersion);
      assert.equal(first.parole.ruleVersion, first.ruleVersion);
    }),
    fastCheckParameters(),
  );
});

test('Criminal Law arts. 78 and 81 use the same half of the original term', () => {
  fc.assert(
    fc.property(fixedTermInputs, (input) => {
      const { commutation, parole } = assessEligibility(input);
      assert.equal(commutation.minimumServed.releaseNotBefore, parole.timeEligible.date);
    }),
    fastCheckParameters(),
  );
});

test('no reduction cuts below the minimum actually served, and the limit is tight', () => {
  fc.assert(
    fc.property(fixedTermInputs, (input) => {
      const { commutation } = assessEligibility(input);
      const term = commutation.currentTerm;
      const floor = commutation.minimumServed.releaseNotBefore;
      const left = commutation.minimumServed.maxFurtherReductionMonths;
      assert.ok(term !== null && floor !== null && left !== null);
      const label = `${term.months} months from ${term.start}, release not before ${floor}, ${left} left`;
      if (left > 0) assert.ok(addMonths(term.start, term.months - left) >= floor, label);
      if (left < term.months) assert.ok(addMonths(term.start, term.months - left - 1) < floor, label);
      const reduction = commutation.maxReduction.reduction;
      if (reduction?.kind === 'by') assert.ok(reduction.months <= left, `${label}: cap ${reduction.months}`);
      if (commutation.relaxation?.maxReductionMonths != null) assert.ok(commutation.relaxation.maxReductionMonths <= left, label);
    }),
    fastCheckParameters(),
  );
});

test('without merit or rulings the next proposal is never before the first', () => {
  // With rulings it can be: a ruling made before today's start rule (e.g. under the pre-2017 rules) sets an interval of its own.
  fc.assert(
    fc.property(fixedTermInputs, (input) => {
      const { commutation } = assessEligibility(input);
      const first = commutation.firstProposal.date;
      const next = commutation.earliestProposal.date;
      assert.ok(first !== null);
      if (next !== null && (input.commutations ?? []).length === 0) assert.ok(next >= first, `${next} before ${first}`);
      if (commutation.eligibleNow) assert.ok(next !== null && next <= input.asOf && commutation.grounds.key !== null);
    }),
    fastCheckParameters(),
  );
});
