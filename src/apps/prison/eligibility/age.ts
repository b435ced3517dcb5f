import { addMonths, type IsoDate } from './iso-date.ts';

/**
 * Whether someone born on `birthDate` has reached `years` full years (周岁) on
 * `on`. Chinese criminal practice counts 周岁 by the Gregorian calendar "from
 * the day after the birthday" (SPC 法释〔2006〕1号 art. 2, outside the texts in
 * shared/domain): on the 18th birthday itself a person is still under 18. A
 * 29 February birthday falls on 28 February in common years, so the age is
 * reached on 1 March.
 */
export function hasReachedAge(birthDate: IsoDate, years: number, on: IsoDate): boolean {
  return on > addMonths(birthDate, years * 12);
}
