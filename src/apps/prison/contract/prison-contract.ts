import type { Contract } from '../../../runtime/contract.ts';
import { alertFunctions } from '../alerts/alert-functions.ts';
import { prisonCollectionSpecs } from '../collections.ts';
import { moneyFunctions } from '../money/money-functions.ts';
import { pointsFunctions } from '../points/points-functions.ts';
import { postFunctions } from '../posts/post-functions.ts';
import { propertyFunctions } from '../registry/property-functions.ts';
import { registryFunctions } from '../registry/registry-functions.ts';
import { sentenceFunctions } from '../sentence/sentence-functions.ts';
import { caseFunctions } from '../procedures/case-functions.ts';
import { disclosureFunctions } from '../procedures/disclosure-functions.ts';
import { configFunctions } from './config-functions.ts';

/**
 * The prison contract: registry, points assessment, sentence recalculation,
 * alerts, money and posts. One contract so that one transaction can write
 * a score and the alert it raises; the functions live in one file per area.
 */
export const prisonContract: Contract = {
  name: 'prison',
  version: '1.0.0',
  collections: prisonCollectionSpecs,
  functions: {
    ...configFunctions,
    ...registryFunctions,
    ...propertyFunctions,
    ...pointsFunctions,
    ...sentenceFunctions,
    ...alertFunctions,
    ...moneyFunctions,
    ...postFunctions,
    ...caseFunctions,
    ...disclosureFunctions,
  },
};
