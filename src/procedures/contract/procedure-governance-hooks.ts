import type { ProcedureGovernanceHooks } from '../../runtime/system/governance-contract.ts';
import { assertDefinition } from '../check-definition.ts';
import { createWorkingDayCalendar } from '../working-day-calendar.ts';

/**
 * The engine's checks as governance runs them on a proposal: a definition
 * must pass every static check against the network's roles and
 * organizations (PROC_DEF_INVALID naming each problem and where), a calendar
 * must be valid calendar data (PROC_CALENDAR_INVALID). The node passes these
 * to `systemContracts`.
 */
export const procedureGovernanceHooks: ProcedureGovernanceHooks = {
  checkDefinition(definition, network) {
    assertDefinition(definition, { knownRoles: (role) => network.isKnownRole(role), knownOrgs: (org) => network.isKnownOrg(org) });
  },
  checkCalendar(calendar) {
    createWorkingDayCalendar(calendar);
  },
};
