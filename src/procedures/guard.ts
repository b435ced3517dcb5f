import { Environment, type ParseResult } from '@marcbachmann/cel-js';
import { jsonToCel } from './cel-value.ts';

/**
 * Guards are CEL expressions (https://cel.dev): non-Turing-complete, no IO,
 * no clock, no randomness. The variables a guard sees:
 *
 * - `case`: `{id, state, org, subject: {type, id}, data: {<step>: <form>}, evidence: [{type, hash, step}], openedAt}`
 * - `form`: the form data of the action being taken
 * - `subject`: the subject's documents as the contract read them from the state
 * - `actor`: `{memberId, org, roles}`
 * - `approvals`: the approvals this step has collected so far: `[{memberId, org}]`
 * - `now`: block time, int milliseconds since the epoch (UTC)
 * - `today`: the block's date in China Standard Time, `"YYYY-MM-DD"`
 */
const guardEnvironment = new Environment({
  limits: { maxAstNodes: 2000, maxDepth: 32, maxListElements: 256, maxMapEntries: 256, maxCallArguments: 16 },
})
  .registerVariable('case', 'map')
  .registerVariable('form', 'map')
  .registerVariable('subject', 'map')
  .registerVariable('actor', 'map')
  .registerVariable('approvals', 'list')
  .registerVariable('now', 'int')
  .registerVariable('today', 'string');

/** The JSON values a guard is evaluated against (converted to CEL values here). */
export interface GuardVariables {
  readonly case: unknown;
  readonly form: unknown;
  readonly subject: unknown;
  readonly actor: unknown;
  readonly approvals: unknown;
  readonly now: number;
  readonly today: string;
}

/** A guard's result: its boolean value, or why it could not be evaluated. */
export type GuardOutcome = { readonly ok: true; readonly value: boolean } | { readonly ok: false; readonly reason: string };

const parsedGuards = new Map<string, ParseResult>();
const maxCachedGuards = 4096;

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

/**
 * Why an expression is not a usable guard (parse error, unknown variable, type
 * error, or a result that is not bool), or `undefined` when it is one.
 */
export function guardProblem(expression: string): string | undefined {
  try {
    const result = guardEnvironment.check(expression);
    if (!result.valid) return firstLine(result.error);
    if (result.type !== 'bool' && result.type !== 'dyn') return `guard must evaluate to bool, not ${String(result.type)}`;
    return undefined;
  } catch (error: unknown) {
    return firstLine(error);
  }
}

function parsed(expression: string): ParseResult {
  let guard = parsedGuards.get(expression);
  if (guard === undefined) {
    guard = guardEnvironment.parse(expression);
    // PERF: parsing is the costly part; the cache is bounded so a stream of
    // distinct definitions cannot grow it without limit.
    if (parsedGuards.size >= maxCachedGuards) parsedGuards.clear();
    parsedGuards.set(expression, guard);
  }
  return guard;
}

/**
 * Evaluates a guard. Never throws: a parse error, a missing field, a type
 * mismatch, an overflow or a non-bool result all come back as `ok: false`.
 */
export function evaluateGuard(expression: string, variables: GuardVariables): GuardOutcome {
  try {
    const value: unknown = parsed(expression)({
      case: jsonToCel(variables.case),
      form: jsonToCel(variables.form),
      subject: jsonToCel(variables.subject),
      actor: jsonToCel(variables.actor),
      approvals: jsonToCel(variables.approvals),
      now: BigInt(variables.now),
      today: variables.today,
    });
    if (typeof value !== 'boolean') return { ok: false, reason: `guard returned ${typeof value === 'bigint' ? 'int' : typeof value}, not bool` };
    return { ok: true, value };
  } catch (error: unknown) {
    return { ok: false, reason: firstLine(error) };
  }
}
