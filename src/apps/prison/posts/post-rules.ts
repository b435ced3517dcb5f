import { Type, type Static } from '@sinclair/typebox';

/**
 * Officer post rotation (岗位管理): which posts exist, how long an officer may
 * hold one, and how long before they may return to it. Placeholders for a
 * province's rule, versioned data like the other parameters.
 */
export const postRulesSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9.+-]{0,63}$' }),
    version: Type.Integer({ minimum: 1 }),
    posts: Type.Array(
      Type.Object(
        {
          id: Type.String({ pattern: '^[a-z][a-z0-9-]{0,31}$' }),
          name: Type.String({ maxLength: 64 }),
          /** Longest continuous tenure before rotation is due, in months (alert PA-07 after it). */
          maxTenureMonths: Type.Integer({ minimum: 1 }),
          /** Months an officer must be away before holding the post again. */
          coolingOffMonths: Type.Integer({ minimum: 0 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 64 },
    ),
  },
  { additionalProperties: false },
);
export type PostRules = Static<typeof postRulesSchema>;

export const demoPostRules: PostRules = Object.freeze({
  id: 'js-demo-posts',
  version: 1,
  posts: [
    { id: 'unit-officer', name: '分监区管教民警', maxTenureMonths: 60, coolingOffMonths: 0 },
    { id: 'penalty-execution', name: '刑罚执行岗', maxTenureMonths: 36, coolingOffMonths: 24 },
    { id: 'money', name: '罪犯钱款管理岗', maxTenureMonths: 36, coolingOffMonths: 24 },
    { id: 'scoring-review', name: '计分考核审核岗', maxTenureMonths: 36, coolingOffMonths: 12 },
  ],
});
