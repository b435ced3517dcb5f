import { Type } from '@sinclair/typebox';

/** Argument pieces shared by the prison contract's functions. */
export const prisonerIdArg = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9-]{0,39}$', description: 'prisoner number, e.g. JS07-2026-00042' });
export const prisonIdArg = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9-]{0,15}$', description: 'prison id = the bureau unit id, e.g. JS-07' });
export const unitIdArg = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9-]{0,31}$', description: '监区 / 分监区 id within the prison' });
export const dateArg = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'calendar date YYYY-MM-DD (China)' });
export const monthArg = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });
export const hashArg = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256/SM3 of a document, lowercase hex' });
export const reasonArg = Type.String({ minLength: 1, maxLength: 500 });
export const fenArg = Type.Integer({ minimum: 1, maximum: 1_000_000_000_000, description: 'amount in fen (0.01 yuan)' });
export const strict = { additionalProperties: false } as const;
