import type { ContractContext } from '../../../runtime/contract.ts';
import type { MemberRecord } from '../../../runtime/system/directory.ts';
import { prisonCollections } from '../collections.ts';
import { moj2021PointsRules, type PointsRules } from '../points/points-rules.ts';
import { demoManagementLevels, type ManagementLevels } from '../points/management-levels.ts';
import { demoPostRules, type PostRules } from '../posts/post-rules.ts';
import { prisonError } from '../prison-error.ts';
import type { PrisonDoc, PrisonerDoc } from './prison-docs.ts';
import { readPrisoner } from './prisoner-store.ts';

/** `officer-0042@PrisonBureau`, or the raw key in an open network. */
export function actorOf(ctx: Pick<ContractContext, 'member' | 'signer'>): string {
  return ctx.member === undefined ? ctx.signer : `${ctx.member.memberId}@${ctx.member.org}`;
}

export function getPrisoner(ctx: Pick<ContractContext, 'get'>, id: string): PrisonerDoc {
  const found = readPrisoner((collection, docId) => ctx.get(collection, docId)?.doc, id);
  if (found === undefined) throw prisonError('PRISON_UNKNOWN_PRISONER', `no prisoner ${id}`, { prisonerId: id });
  return found;
}

export function getPrison(ctx: Pick<ContractContext, 'get'>, id: string): PrisonDoc {
  const found = ctx.get(prisonCollections.prisons, id);
  if (found === undefined) throw prisonError('PRISON_UNKNOWN_PRISON', `no prison ${id}`, { prison: id });
  return found.doc as PrisonDoc;
}

/** The prison the signer serves in (certificate attribute `prison`). */
export function signerPrison(member: MemberRecord | undefined): string {
  const prison = member?.attributes['prison'];
  if (prison === undefined) throw prisonError('PRISON_NO_PRISON_ATTRIBUTE', 'the signer\'s certificate names no prison');
  return prison;
}

/**
 * The fine-grained rule behind every prison-scoped action: an officer of
 * JS-07 acts only on prisoners held in JS-07. The policy has already
 * admitted the role; this checks the place.
 */
export function assertSamePrison(ctx: Pick<ContractContext, 'member'>, prison: string): void {
  const own = signerPrison(ctx.member);
  if (own !== prison) throw prisonError('PRISON_OTHER_PRISON', `an officer of ${own} may not act in ${prison}`, { signerPrison: own, prison });
}

export function assertInCustody(prisoner: PrisonerDoc): void {
  if (prisoner.status !== 'in-custody') throw prisonError('PRISON_NOT_IN_CUSTODY', `prisoner ${prisoner.id} is ${prisoner.status}`, { prisonerId: prisoner.id });
}

type ConfigKind = 'points-rules' | 'management-levels' | 'post-rules';

function currentConfig<T>(ctx: Pick<ContractContext, 'get'>, kind: ConfigKind, fallback: T): T {
  const pointer = ctx.get(prisonCollections.config, kind);
  if (pointer === undefined) return fallback;
  const version = pointer.doc['version'];
  const found = ctx.get(prisonCollections.config, `${kind}@${String(version)}`);
  return found === undefined ? fallback : (found.doc['params'] as unknown as T);
}

/** The parameters in force; the built-in defaults until governance publishes others. */
export const currentPointsRules = (ctx: Pick<ContractContext, 'get'>): PointsRules => currentConfig(ctx, 'points-rules', moj2021PointsRules);
export const currentLevels = (ctx: Pick<ContractContext, 'get'>): ManagementLevels => currentConfig(ctx, 'management-levels', demoManagementLevels);
export const currentPostRules = (ctx: Pick<ContractContext, 'get'>): PostRules => currentConfig(ctx, 'post-rules', demoPostRules);
export type { ConfigKind };
