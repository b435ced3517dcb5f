import type { JsonObject } from '../../crypto/canonical-json.ts';
import type { ProcedureDefinition } from '../../procedures/index.ts';
import type { DemoSubmitter } from './demo-submitter.ts';

/**
 * Registers procedure definitions the way a network does: the bureau's admin
 * proposes each (`governance.registerProcedure`, checked and hashed at
 * proposal), the procuratorate's admin approves (two of the justice admins).
 */
export async function registerDemoProcedures(submit: DemoSubmitter, definitions: readonly ProcedureDefinition[]): Promise<void> {
  const proposals = await Promise.all(
    definitions.map((definition) =>
      submit.must({
        by: 'bureau-admin',
        contract: 'governance',
        fn: 'propose',
        args: { action: 'registerProcedure', title: `${definition.title.en} v${definition.version}`, payload: { id: definition.id, version: definition.version, definition: definition as unknown as JsonObject } },
      }),
    ),
  );
  await Promise.all(proposals.map((value) => submit.must({ by: 'procuratorate-admin', contract: 'governance', fn: 'approve', args: { proposal: (value as { proposal: string }).proposal } })));
}
