import { readdirSync, readFileSync } from 'node:fs';
import { parseDefinitionYaml, type ProcedureDefinition } from '../../../procedures/index.ts';

/** Where the prison app's procedure definitions live, from the repository root. */
export const prisonDefinitionsDir = 'procedures/prison';

/**
 * The prison app's procedure definitions (commutation, parole, temporary
 * execution, parole revocation, death-with-reprieve reduction, rewards,
 * punishments), parsed from `procedures/prison/*.yaml` in name order. They are
 * data: a network uses them only once governance registers them.
 */
export function loadPrisonDefinitions(): ProcedureDefinition[] {
  const dir = new URL(`../../../../${prisonDefinitionsDir}/`, import.meta.url);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => parseDefinitionYaml(readFileSync(new URL(name, dir), 'utf8')));
}
