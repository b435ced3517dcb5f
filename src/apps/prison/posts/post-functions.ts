import { Type } from '@sinclair/typebox';
import type { JsonObject } from '../../../crypto/canonical-json.ts';
import { defineFunction, type ContractFunction } from '../../../runtime/contract.ts';
import { raiseAlert } from '../alerts/raise-alert.ts';
import { addMonths } from '../eligibility/iso-date.ts';
import { prisonCollections as c } from '../collections.ts';
import { dateArg, prisonIdArg, strict } from '../contract/arg-schemas.ts';
import { actorOf, assertSamePrison, currentPostRules, getPrison } from '../contract/context-helpers.ts';
import { prisonError } from '../prison-error.ts';
import { assertIsoDate, assertNotFuture, blockDay, type IsoDate } from '../prison-dates.ts';

/** An officer's current post (one row per officer); the history is in `prison.posts`. */
export interface OfficerPostDoc extends JsonObject {
  officer: string;
  prison: string;
  post: string;
  from: IsoDate;
  historyId: string;
  /** The tenure alert already raised for this assignment. */
  alerted: boolean;
}

const officerArg = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$', description: 'member id of the officer in PrisonBureau' });

/**
 * 岗位管理: the post manager of a prison moves an officer to a post. The
 * previous assignment ends the same day; returning to a post needs its
 * cooling-off period.
 */
const assignPost = defineFunction({
  args: Type.Object({ officer: officerArg, prison: prisonIdArg, post: Type.String({ maxLength: 32 }), from: dateArg }, strict),
  handler(ctx, args) {
    assertSamePrison(ctx, args.prison);
    getPrison(ctx, args.prison);
    const from = assertIsoDate(args.from, 'from');
    assertNotFuture(ctx, from, 'from');
    const rules = currentPostRules(ctx);
    const post = rules.posts.find((p) => p.id === args.post);
    if (post === undefined) throw prisonError('PRISON_UNKNOWN_POST', `no post ${args.post} in ${rules.id}@${rules.version}`, { post: args.post });
    const history = ctx.query(c.posts, { index: 'byOfficer', equals: [args.officer], limit: 1000 });
    for (const held of history) {
      const doc = held.doc;
      if (doc['post'] !== args.post) continue;
      const to = typeof doc['to'] === 'string' ? doc['to'] : from;
      if (addMonths(to, post.coolingOffMonths) > from && to !== from) {
        throw prisonError('PRISON_POST_COOLING_OFF', `${args.officer} left ${post.name} on ${to}; may return from ${addMonths(to, post.coolingOffMonths)}`, { officer: args.officer, post: args.post });
      }
    }
    const current = ctx.get(c.officerPosts, args.officer)?.doc as OfficerPostDoc | undefined;
    if (current !== undefined) {
      const previous = ctx.get(c.posts, current.historyId);
      if (previous !== undefined) ctx.put(c.posts, current.historyId, { ...previous.doc, to: from, endedBy: actorOf(ctx) });
    }
    const historyId = `${args.officer}/${ctx.txId}`;
    ctx.put(c.posts, historyId, { officer: args.officer, prison: args.prison, post: args.post, from, to: null, by: actorOf(ctx), rules: `${rules.id}@${rules.version}`, height: ctx.block.height });
    const doc: OfficerPostDoc = { officer: args.officer, prison: args.prison, post: args.post, from, historyId, alerted: false };
    ctx.put(c.officerPosts, args.officer, doc);
    return { officer: args.officer, post: args.post, from };
  },
});

/** Raises PA-07 once for an assignment held beyond its post's maximum tenure. Anyone in the bureau may ask. */
const checkPostTenure = defineFunction({
  args: Type.Object({ officer: officerArg }, strict),
  handler(ctx, args) {
    const current = ctx.get(c.officerPosts, args.officer)?.doc as OfficerPostDoc | undefined;
    if (current === undefined) throw prisonError('PRISON_UNKNOWN_POST', `${args.officer} holds no post`, { officer: args.officer });
    const rules = currentPostRules(ctx);
    const post = rules.posts.find((p) => p.id === current.post);
    const due = post === undefined ? null : addMonths(current.from, post.maxTenureMonths);
    const today = blockDay(ctx);
    if (post === undefined || due === null || due > today || current.alerted) return { due, alert: null };
    const alert = raiseAlert(ctx, {
      rule: 'PA-07',
      prison: current.prison,
      prisonerId: null,
      ruleVersion: `${rules.id}@${rules.version}`,
      message: `${args.officer} has held ${post.name} since ${current.from}; rotation was due on ${due}`,
      details: { officer: args.officer, post: current.post, from: current.from, due },
    });
    ctx.put(c.officerPosts, args.officer, { ...current, alerted: true });
    return { due, alert };
  },
});

export const postFunctions: Record<string, ContractFunction> = { assignPost, checkPostTenure };
