import { Type, type TSchema } from '@sinclair/typebox';
import type { JsonObject } from '../../../crypto/canonical-json.ts';
import { defineFunction, type ContractContext, type ContractFunction } from '../../../runtime/contract.ts';
import { prisonCollections as c } from '../collections.ts';
import { managementLevelsProblem, managementLevelsSchema, type ManagementLevels } from '../points/management-levels.ts';
import { pointsRulesProblem, pointsRulesSchema, type PointsRules } from '../points/points-rules.ts';
import { postRulesSchema, type PostRules } from '../posts/post-rules.ts';
import { prisonError } from '../prison-error.ts';
import { actorOf, currentLevels, currentPointsRules, currentPostRules, type ConfigKind } from './context-helpers.ts';
import { strict } from './arg-schemas.ts';

/**
 * Publishes a new version of a parameter set. Versions only go up by one;
 * the old version stays readable, so every entry can be re-judged under the
 * version it names.
 */
function publish(ctx: ContractContext, kind: ConfigKind, current: { version: number }, params: { id: string; version: number }, problem: string | undefined): JsonObject {
  if (problem !== undefined) throw prisonError('PRISON_RULES_INVALID', `${kind}: ${problem}`, { kind });
  if (params.version !== current.version + 1) {
    throw prisonError('PRISON_RULES_VERSION', `${kind} version must be ${current.version + 1}, got ${params.version}`, { kind, expected: current.version + 1 });
  }
  ctx.put(c.config, `${kind}@${params.version}`, { kind, version: params.version, params: params as unknown as JsonObject, by: actorOf(ctx), height: ctx.block.height, time: ctx.block.time });
  ctx.put(c.config, kind, { kind: `${kind}:current`, version: params.version });
  ctx.emit('prison.rules-published', { kind, id: params.id, version: params.version });
  return { kind, version: params.version };
}

function configFunction<S extends TSchema>(schema: S, run: (ctx: ContractContext, value: unknown) => JsonObject): ContractFunction {
  return defineFunction({ args: Type.Object({ params: schema }, strict), handler: (ctx, args) => run(ctx, (args as unknown as { params: unknown }).params) });
}

export const configFunctions: Record<string, ContractFunction> = {
  setPointsRules: configFunction(pointsRulesSchema, (ctx, value) => {
    const rules = value as PointsRules;
    return publish(ctx, 'points-rules', currentPointsRules(ctx), rules, pointsRulesProblem(rules));
  }),
  setManagementLevels: configFunction(managementLevelsSchema, (ctx, value) => {
    const levels = value as ManagementLevels;
    return publish(ctx, 'management-levels', currentLevels(ctx), levels, managementLevelsProblem(levels));
  }),
  setPostRules: configFunction(postRulesSchema, (ctx, value) => {
    const rules = value as PostRules;
    const ids = new Set(rules.posts.map((p) => p.id));
    return publish(ctx, 'post-rules', currentPostRules(ctx), rules, ids.size === rules.posts.length ? undefined : 'a post is listed twice');
  }),
};
