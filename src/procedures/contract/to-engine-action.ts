import { custosError } from '../../errors/custos-error.ts';
import { findStep, type ProcedureDefinition } from '../definition.ts';

/**
 * The action as a transaction gives it, to the engine's action. The engine's
 * `step` both takes a step and approves a multi-approval one; `approve` says
 * the second explicitly and is refused (PROC_ACTION_INVALID) on a step that
 * collects no approvals. Everything else goes to the engine unchanged, which
 * checks it.
 */
export function toEngineAction(definition: ProcedureDefinition, action: Readonly<Record<string, unknown>>): unknown {
  if (action['kind'] !== 'approve') return action;
  const stepId = action['step'];
  const step = typeof stepId === 'string' ? findStep(definition, stepId) : undefined;
  if (step !== undefined && step.approvals === undefined) {
    throw custosError('PROC_ACTION_INVALID', `step '${step.id}' of ${definition.id} collects no approvals: take it with kind 'step'`, { step: step.id });
  }
  return { ...action, kind: 'step' };
}
