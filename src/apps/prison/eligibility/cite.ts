import type { Reason } from './assessment.ts';

/**
 * Article references as results print them. Golden cases and the coverage
 * table use the same strings, so keep the format stable:
 * `SPC 2016 art. 6 ¶1`, `Criminal Law art. 81 ¶2`, `SPC 2019 art. 2`, `SPC 2024 art. 6 ¶3`.
 */
export const cite = {
  criminalLaw: (ref: string): string => `Criminal Law art. ${ref}`,
  spc2016: (ref: string): string => `SPC 2016 art. ${ref}`,
  spc2019: (ref: string): string => `SPC 2019 art. ${ref}`,
  spc2024: (ref: string): string => `SPC 2024 art. ${ref}`,
  /** A reading the texts leave open; named after the `conventions` key in the rules. */
  convention: (key: string): string => `convention ${key}`,
} as const;

export function reason(article: string, text: string): Reason {
  return { article, text };
}
