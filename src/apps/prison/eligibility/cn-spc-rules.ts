import type { EligibilityRules } from './eligibility-rules.ts';

/**
 * Criminal Law arts. 78–83 with SPC 法释〔2016〕23号, its 2019 supplement
 * (corruption and bribery) and SPC 法释〔2024〕5号 (property judgments), as read
 * from shared/domain/prison-laws. Months throughout; the comment on each
 * number quotes its article. Change a number only by adding a new version.
 */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

export const cnSpcRules: EligibilityRules = deepFreeze({
  id: 'cn-spc-2016+2019+2024',
  version: 1,
  inForce: {
    spc2016: '2017-01-01', // SPC 2016 art. 42 本规定自2017年1月1日起施行
    spc2019: '2019-06-01', // SPC 2019 art. 7
    spc2024: '2024-05-01', // SPC 2024 art. 15
    criminalLawAmendmentNine: '2015-11-01', // 刑法修正案（九）施行
  },
  criminalLaw: {
    fixedTermServedFraction: { numerator: 1, denominator: 2 }, // art. 78 ¶2(1), art. 81 ¶1 二分之一
    lifeServedMonths: 13 * 12, // art. 78 ¶2(2), art. 81 ¶1 十三年
    restrictedToLifeServedMonths: 25 * 12, // art. 78 ¶2(3) 不能少于二十五年
    restrictedToTermServedMonths: 20 * 12, // art. 78 ¶2(3) 不能少于二十年
    reprieveMonths: 2 * 12, // art. 48 ¶1 缓期二年执行
    reprieveMajorMeritTermMonths: 25 * 12, // art. 50 ¶1 减为二十五年有期徒刑
    violentThresholdMonths: 10 * 12, // art. 81 ¶2 十年以上
    lifeParoleProbationMonths: 10 * 12, // art. 83 ¶1 无期徒刑的假释考验期限为十年
  },
  spc2016: {
    fixedTerm: {
      startBelowFiveYearsMonths: 12, // art. 6 ¶1 不满五年…执行一年以上
      startFiveToTenYearsMonths: 18, // art. 6 ¶1 五年以上不满十年…一年六个月以上
      startTenYearsPlusMonths: 24, // art. 6 ¶1 十年以上…二年以上
      amounts: {
        repentanceOrMerit: 9, // art. 6 ¶2 不超过九个月
        repentanceAndMerit: 12, // art. 6 ¶2 不超过一年
        majorMerit: 18, // art. 6 ¶2 不超过一年六个月
        repentanceAndMajorMerit: 24, // art. 6 ¶2 不超过二年
      },
      intervalBelowTenYearsMonths: 12, // art. 6 ¶3 不满十年…不得少于一年
      intervalTenYearsPlusMonths: 18, // art. 6 ¶3 十年以上…不得少于一年六个月
    },
    fiveYearsMonths: 5 * 12,
    tenYearsMonths: 10 * 12,
    strictFixedTerm: {
      startMonths: 24, // art. 7 ¶1, ¶2 执行二年以上
      maxAmountMonths: 12, // art. 7 ¶1, ¶2 一次减刑不超过一年
      intervalBelowTenYearsMonths: 12, // art. 7 ¶1 间隔一年以上
      intervalTenYearsPlusMonths: 18, // art. 7 ¶2 间隔一年六个月以上
    },
    life: {
      startMonths: 24, // art. 8 ¶1 执行二年以上
      reduceTo: {
        repentanceOrMerit: { minMonths: 22 * 12, maxMonths: 22 * 12 }, // 可以减为二十二年
        repentanceAndMerit: { minMonths: 21 * 12, maxMonths: 22 * 12 }, // 二十一年以上二十二年以下
        majorMerit: { minMonths: 20 * 12, maxMonths: 21 * 12 }, // 二十年以上二十一年以下
        repentanceAndMajorMerit: { minMonths: 19 * 12, maxMonths: 20 * 12 }, // 十九年以上二十年以下
      },
      intervalMonths: 24, // art. 8 ¶1 两次减刑间隔时间不得少于二年
    },
    strictLife: {
      startMonths: 36, // art. 9 ¶1 执行三年以上
      minTermMonths: 20 * 12, // art. 9 ¶1 最低不得少于二十年
      laterMaxAmountMonths: 12, // art. 9 ¶1 一次不超过一年
      intervalMonths: 24, // art. 9 ¶1 间隔二年以上
    },
    reprieve: {
      startMonths: 36, // art. 10 ¶1 执行三年以上
      reduceTo: {
        repentanceOrMerit: { minMonths: 25 * 12, maxMonths: 25 * 12 }, // 可以减为二十五年
        repentanceAndMerit: { minMonths: 24 * 12, maxMonths: 25 * 12 }, // 二十四年以上二十五年以下
        majorMerit: { minMonths: 23 * 12, maxMonths: 24 * 12 }, // 二十三年以上二十四年以下
        repentanceAndMajorMerit: { minMonths: 22 * 12, maxMonths: 23 * 12 }, // 二十二年以上二十三年以下
      },
    },
    strictReprieve: {
      startMonths: 36, // art. 11 执行三年以上
      usualTermMonths: 25 * 12, // art. 11 一般减为二十五年
      minTermMonths: 23 * 12, // art. 11 二十三年以上二十五年以下
      laterMaxAmountMonths: 12, // art. 11 一次不超过一年
      intervalMonths: 24, // art. 11 间隔二年以上
    },
    reprieveServedMonths: 15 * 12, // art. 12 ¶1 不得少于十五年
    restrictedReprieve: {
      startMonths: 60, // art. 13 执行五年以上
      laterMaxAmountMonths: 6, // art. 14 一次减刑不超过六个月
      laterMajorMeritMaxAmountMonths: 12, // art. 14 重大立功…一次减刑不超过一年
      intervalMonths: 24, // art. 14 不得少于二年
    },
    shortRemainderMonths: 24, // art. 16 剩余刑期不满二年
    politicalRights: {
      fixedTermMinMonths: 12, // art. 17 ¶1 不得少于一年
      convertedMinMonths: 7 * 12, // art. 17 ¶2 七年以上
      convertedMaxMonths: 10 * 12, // art. 17 ¶2 十年以下
      finalMinMonths: 3 * 12, // art. 17 ¶2 最终…不得少于三年
    },
    suspended: {
      maxFixedTermMonths: 3 * 12, // art. 18 ¶1 三年以下有期徒刑
      detentionProbationMinMonths: 2, // art. 18 ¶2 拘役…不得少于二个月
      fixedTermProbationMinMonths: 12, // art. 18 ¶2 有期徒刑…不得少于一年
    },
    relaxation: { numerator: 1, denominator: 3 }, // arts. 19 ¶2, 20 ¶2 不得超过…三分之一
    minorAgeYears: 18, // art. 19 ¶1, art. 26(3) 不满十八周岁
    newCrime: {
      fixedTermBlockMonths: 36, // art. 21 ¶1 三年内不予减刑
      lifeBlockMonths: 48, // art. 21 ¶1 四年内不予减刑
      reprieveBlockMonths: 60, // art. 21 ¶2 五年内不予减刑
    },
    reprieveParoleServedMonths: 15 * 12, // art. 23 ¶3 实际执行十五年以上
    paroleAfterCommutation: {
      intervalMonths: 12, // art. 28 ¶1 不得少于一年
      largeReductionMonths: 12, // art. 28 ¶1 一次减去一年以上
      intervalAfterLargeReductionMonths: 18, // art. 28 ¶1 不得少于一年六个月
      shortRemainderMonths: 24, // art. 28 ¶2 余刑不足二年
    },
    preferredParoleAgeYears: 80, // art. 31 年满八十周岁
    omittedCrime: {
      maxOmittedTermMonths: 36, // art. 37 ¶2 三年有期徒刑以下
      startMonths: 12, // art. 37 ¶2 执行一年以上
    },
    elderlyAgeYears: 65, // art. 39 ¶1 年满六十五周岁
  },
  spc2019: {
    fixedTerm: {
      startBelowFiveYearsMonths: 24, // art. 2 ¶1 不满十年…执行二年以上
      startFiveToTenYearsMonths: 24, // art. 2 ¶1 (the supplement has no five-year band)
      startTenYearsPlusMonths: 36, // art. 2 ¶1 十年以上…执行三年以上
      amounts: {
        repentanceOrMerit: 6, // art. 2 ¶2 不超过六个月
        repentanceAndMerit: 9, // art. 2 ¶2 不超过九个月
        majorMerit: 12, // art. 2 ¶2 不超过一年
        repentanceAndMajorMerit: 12, // art. 2 ¶2 has no such row: the major-merit cap applies
      },
      intervalBelowTenYearsMonths: 18, // art. 2 ¶3 不满十年…间隔一年六个月以上
      intervalTenYearsPlusMonths: 24, // art. 2 ¶3 十年以上…间隔二年以上
    },
    life: {
      startMonths: 48, // art. 3 ¶1 执行四年以上
      reduceTo: {
        repentanceOrMerit: { minMonths: 23 * 12, maxMonths: 23 * 12 }, // art. 3 ¶2 二十三年
        repentanceAndMerit: { minMonths: 22 * 12, maxMonths: 23 * 12 }, // 二十二年以上二十三年以下
        majorMerit: { minMonths: 21 * 12, maxMonths: 22 * 12 }, // 二十一年以上二十二年以下
        repentanceAndMajorMerit: { minMonths: 21 * 12, maxMonths: 22 * 12 }, // no such row: the major-merit band
      },
      intervalMonths: 24, // art. 3 ¶3 间隔二年以上
    },
    reprieve: {
      startMonths: 48, // art. 4 ¶1 执行四年以上
      reduceTo: {
        repentanceOrMerit: { minMonths: 25 * 12, maxMonths: 25 * 12 }, // art. 4 ¶2 二十五年
        repentanceAndMerit: { minMonths: 24 * 12 + 6, maxMonths: 25 * 12 }, // 二十四年六个月以上二十五年以下
        majorMerit: { minMonths: 24 * 12, maxMonths: 24 * 12 + 6 }, // 二十四年以上二十四年六个月以下
        repentanceAndMajorMerit: { minMonths: 24 * 12, maxMonths: 24 * 12 + 6 }, // no such row: the major-merit band
      },
      intervalMonths: 24, // art. 4 ¶3 间隔二年以上
    },
  },
  spc2024: {
    waitAfterRefusalMonths: 6, // art. 6 ¶3 执行完毕六个月后方可依法减刑、假释
  },
  conventions: {
    halfTermMethod: 'term-days',
    daysPerMonth: 30,
    commendationsForRepentance: 1,
    minorAgeAt: 'service-start',
    restrictedServedFrom: 'reprieve-end',
    conversionIsLargeReduction: true,
    reprieveStartFrom: 'reprieve-end',
  },
} satisfies EligibilityRules);

/** `id@version`, the string every assessment records. */
export function ruleVersionOf(rules: EligibilityRules): string {
  return `${rules.id}@${rules.version}`;
}
