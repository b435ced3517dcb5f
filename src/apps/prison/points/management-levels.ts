import { Type, type Static } from '@sinclair/typebox';

/**
 * Management levels (分级处遇): nothing at national level; practice describes
 * 严管 / 考察 / 普管 / 宽管 with different calls, visits and spending, and
 * provinces differ. So the levels are per-province data, versioned like the
 * points rules. Money limits in integer fen.
 */
export const managementLevelsSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9.+-]{0,63}$' }),
    version: Type.Integer({ minimum: 1 }),
    /** The level a newly admitted prisoner starts at. */
    initial: Type.String({ pattern: '^[a-z][a-z0-9-]{0,31}$' }),
    levels: Type.Array(
      Type.Object(
        {
          id: Type.String({ pattern: '^[a-z][a-z0-9-]{0,31}$' }),
          name: Type.String({ maxLength: 32 }),
          /** Canteen and other spending per calendar month, fen. */
          monthlySpendingLimitFen: Type.Integer({ minimum: 0 }),
          callsPerMonth: Type.Integer({ minimum: 0 }),
          visitsPerMonth: Type.Integer({ minimum: 0 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 16 },
    ),
  },
  { additionalProperties: false },
);
export type ManagementLevels = Static<typeof managementLevelsSchema>;
export type ManagementLevel = ManagementLevels['levels'][number];

/** An illustrative province (figures are placeholders, not any province's rule). */
export const demoManagementLevels: ManagementLevels = Object.freeze({
  id: 'js-demo',
  version: 1,
  initial: 'probation',
  levels: [
    { id: 'strict', name: '严管', monthlySpendingLimitFen: 10_000, callsPerMonth: 0, visitsPerMonth: 1 },
    { id: 'probation', name: '考察', monthlySpendingLimitFen: 30_000, callsPerMonth: 1, visitsPerMonth: 1 },
    { id: 'ordinary', name: '普管', monthlySpendingLimitFen: 50_000, callsPerMonth: 2, visitsPerMonth: 2 },
    { id: 'lenient', name: '宽管', monthlySpendingLimitFen: 80_000, callsPerMonth: 4, visitsPerMonth: 3 },
  ],
});

export function managementLevelsProblem(config: ManagementLevels): string | undefined {
  const ids = new Set<string>();
  for (const level of config.levels) {
    if (ids.has(level.id)) return `level ${level.id} is listed twice`;
    ids.add(level.id);
  }
  if (!ids.has(config.initial)) return `initial level ${config.initial} is not listed`;
  return undefined;
}
