import type { JsonObject } from '../../../crypto/canonical-json.ts';
import type { ContractContext } from '../../../runtime/contract.ts';
import { prisonCollections } from '../collections.ts';
import { actorOf } from '../contract/context-helpers.ts';
import { blockDay } from '../prison-dates.ts';
import { alertRules, type AlertRule } from './alert-rules.ts';

export interface AlertDoc extends JsonObject {
  id: string;
  rule: AlertRule;
  title: string;
  prison: string;
  prisonerId: string | null;
  /** The transaction whose action fired the rule. */
  txId: string;
  /** Who acted (not who is suspected: an alert asks a question, it does not answer it). */
  actor: string;
  /** The parameter or rule versions the alert was judged under. */
  ruleVersion: string;
  details: JsonObject;
  message: string;
  raisedAt: number;
  raisedOn: string;
  height: number;
  status: 'open' | 'closed';
  closed: { by: string; reason: string; height: number } | null;
}

export interface AlertInput {
  rule: AlertRule;
  prison: string;
  prisonerId: string | null;
  ruleVersion: string;
  message: string;
  details: JsonObject;
  /** Distinguishes several alerts of one rule in one transaction. */
  key?: string;
}

/** Records an alert as a ledger document in the acting transaction; returns its id. */
export function raiseAlert(ctx: ContractContext, input: AlertInput): string {
  const id = `${ctx.txId}:${input.rule}${input.key === undefined ? '' : `:${input.key}`}`;
  const alert: AlertDoc = {
    id,
    rule: input.rule,
    title: alertRules[input.rule].title,
    prison: input.prison,
    prisonerId: input.prisonerId,
    txId: ctx.txId,
    actor: actorOf(ctx),
    ruleVersion: input.ruleVersion,
    details: input.details,
    message: input.message,
    raisedAt: ctx.block.time,
    raisedOn: blockDay(ctx),
    height: ctx.block.height,
    status: 'open',
    closed: null,
  };
  ctx.put(prisonCollections.alerts, id, alert);
  ctx.emit('prison.alert', { id, rule: input.rule, prison: input.prison });
  return id;
}
