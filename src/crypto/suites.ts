import { custosError } from '../errors/custos-error.ts';
import { ed25519Suite } from './ed25519-suite.ts';
import { sm2Suite } from './sm2-suite.ts';
import type { CryptoSuite, SuiteId } from './suite.ts';

const suites: Record<SuiteId, CryptoSuite> = {
  'ed25519-sha256': ed25519Suite,
  'sm2-sm3': sm2Suite,
};

export const suiteIds = Object.keys(suites) as SuiteId[];

export function getSuite(id: string): CryptoSuite {
  if (!Object.hasOwn(suites, id)) throw custosError('CRYPTO_UNKNOWN_SUITE', `unknown crypto suite ${JSON.stringify(id)}`, { suite: id });
  return suites[id as SuiteId];
}
