import { stateIds, type ProcedureDefinition } from './definition.ts';

/** One way a case can move between states, and what moves it. */
export interface Transition {
  readonly from: string;
  readonly to: string;
  readonly kind: 'step' | 'reject' | 'withdraw';
  /** The step id, for `step` and `reject`. */
  readonly step?: string;
}

/**
 * Every transition the definition allows, in definition order: steps, then the
 * rejections they declare, then withdrawals (from every listed state, or every
 * non-final state). Transitions to or from undeclared states are included;
 * callers that need a clean graph filter them.
 */
export function definitionTransitions(definition: ProcedureDefinition): Transition[] {
  const transitions: Transition[] = [];
  for (const step of definition.steps) {
    for (const from of step.from) transitions.push({ from, to: step.to, kind: 'step', step: step.id });
  }
  for (const step of definition.steps) {
    if (step.rejectTo === undefined) continue;
    for (const from of step.from) transitions.push({ from, to: step.rejectTo, kind: 'reject', step: step.id });
  }
  const withdraw = definition.withdraw;
  if (withdraw !== undefined) {
    const froms = withdraw.from ?? stateIds(definition).filter((id) => definition.states[id]?.final !== true);
    for (const from of froms) if (from !== withdraw.to) transitions.push({ from, to: withdraw.to, kind: 'withdraw' });
  }
  return transitions;
}
