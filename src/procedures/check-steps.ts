import { parseActorPattern } from './actor-pattern.ts';
import { problem, type DefinitionProblem } from './definition-problem.ts';
import type { ProcedureDefinition } from './definition.ts';

/**
 * Steps are consistent: an automatic step has no actors, approvals, form or
 * evidence and a manual step has actors (PROC_DEF_BAD_STEP); an approval
 * requirement can be met by the step's actors (PROC_DEF_BAD_APPROVALS); a
 * withdrawal leads to a final state from non-final ones (PROC_DEF_BAD_WITHDRAW).
 */
export function checkSteps(definition: ProcedureDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  definition.steps.forEach((step, i) => {
    const path = `steps[${i}]`;
    if (step.automatic === true) {
      for (const field of ['allowed', 'approvals', 'form', 'evidence', 'rejectTo'] as const) {
        if (step[field] !== undefined) {
          problems.push(problem('PROC_DEF_BAD_STEP', `${path}.${field}`, `${path}.${field}: automatic step '${step.id}' is taken by a deadline, so it cannot have ${field}`));
        }
      }
      return;
    }
    if (step.allowed === undefined) {
      problems.push(problem('PROC_DEF_BAD_STEP', `${path}.allowed`, `${path}.allowed: step '${step.id}' is not automatic, so it must say who may take it`));
      return;
    }
    const approvals = step.approvals;
    if (approvals?.from === undefined) return;
    const allowedOrgs = new Set(step.allowed.map((pattern) => parseActorPattern(pattern).org));
    let needed = 0;
    for (const org of Object.keys(approvals.from).sort()) {
      needed += approvals.from[org] ?? 0;
      if (!allowedOrgs.has(org)) {
        problems.push(problem('PROC_DEF_BAD_APPROVALS', `${path}.approvals.from.${org}`, `${path}.approvals.from.${org}: step '${step.id}' needs approvals from '${org}' but no allowed actor belongs to it`));
      }
    }
    if (needed > approvals.distinct) {
      problems.push(problem('PROC_DEF_BAD_APPROVALS', `${path}.approvals.distinct`, `${path}.approvals.distinct: step '${step.id}' needs ${needed} approvals by organization but only ${approvals.distinct} distinct approvers; raise distinct to at least ${needed}`));
    }
  });

  const withdraw = definition.withdraw;
  if (withdraw !== undefined) {
    if (Object.hasOwn(definition.states, withdraw.to) && definition.states[withdraw.to]?.final !== true) {
      problems.push(problem('PROC_DEF_BAD_WITHDRAW', 'withdraw.to', `withdraw.to: state '${withdraw.to}' is not final; a withdrawn case must close`));
    }
    (withdraw.from ?? []).forEach((from, j) => {
      if (definition.states[from]?.final === true) {
        problems.push(problem('PROC_DEF_BAD_WITHDRAW', `withdraw.from[${j}]`, `withdraw.from[${j}]: a case in final state '${from}' is closed and cannot be withdrawn`));
      }
    });
  }
  return problems;
}
