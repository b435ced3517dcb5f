import { dayCountParts, stateIds, type DayCount, type ProcedureDefinition, type StepDefinition } from './definition.ts';
import { definitionTransitions } from './transitions.ts';

/** Mermaid reads `#…;` as an entity and `;`, newlines and quotes as syntax: keep labels plain. */
function label(text: string): string {
  const entities: Record<string, string> = { '#': '#35;', ';': '#59;', '"': '#quot;' };
  return text.replaceAll(/[#;"]/g, (char) => entities[char] ?? char).replaceAll(/[\r\n]+/g, ' ');
}

function days(count: DayCount): string {
  const { days: n, working } = dayCountParts(count);
  return `${n} ${working ? 'working' : 'calendar'} day${n === 1 ? '' : 's'}`;
}

function stepLabel(step: StepDefinition): string {
  const parts = [step.id];
  if (step.automatic === true) parts.push('(automatic)');
  else if (step.allowed !== undefined) parts.push(`by ${step.allowed.join(' / ')}`);
  const approvals = step.approvals;
  if (approvals !== undefined) {
    const from = Object.keys(approvals.from ?? {})
      .sort()
      .map((org) => `${approvals.from?.[org] ?? 0} ${org}`);
    parts.push(`[${approvals.distinct} approvals${from.length > 0 ? `: ${from.join(', ')}` : ''}]`);
  }
  if (step.guard !== undefined) parts.push('[guard]');
  return parts.join(' ');
}

/**
 * A Mermaid `stateDiagram-v2` of a definition, for the console: states with
 * their titles (zh / en), steps as labelled arrows (who, approvals, guard),
 * rejections and withdrawal, final states into `[*]`, and each deadline as a
 * note on its state. The output depends only on the definition.
 */
export function toMermaid(definition: ProcedureDefinition): string {
  const lines = ['stateDiagram-v2', `  %% ${label(definition.id)} v${definition.version}: ${label(definition.title.en)}`];
  for (const id of stateIds(definition)) {
    const state = definition.states[id];
    if (state !== undefined) lines.push(`  state "${label(`${state.title.zh} ${state.title.en}`)}" as ${id}`);
  }
  lines.push(`  [*] --> ${definition.initial}`);
  const steps = new Map(definition.steps.map((step) => [step.id, step]));
  for (const transition of definitionTransitions(definition)) {
    const step = transition.step === undefined ? undefined : steps.get(transition.step);
    const text = transition.kind === 'withdraw' ? 'withdraw' : transition.kind === 'reject' ? `reject ${transition.step ?? ''}` : step === undefined ? '' : stepLabel(step);
    lines.push(`  ${transition.from} --> ${transition.to}: ${label(text)}`);
  }
  for (const id of stateIds(definition)) {
    if (definition.states[id]?.final === true) lines.push(`  ${id} --> [*]`);
  }
  for (const deadline of definition.deadlines ?? []) {
    const onExpiry = [
      deadline.onExpiry.step === undefined ? undefined : `then ${deadline.onExpiry.step}`,
      deadline.onExpiry.escalate === undefined ? undefined : `escalate to ${deadline.onExpiry.escalate}`,
    ].filter((part) => part !== undefined);
    const extension = deadline.extension === undefined ? '' : ` (+${days(deadline.extension.by)} x${deadline.extension.max})`;
    lines.push(`  note right of ${deadline.state}: ${label(`${deadline.id}: ${days(deadline.duration)}${extension}, ${onExpiry.join(', or ')}`)}`);
  }
  return lines.join('\n') + '\n';
}
