import { Type } from '@sinclair/typebox';
import type { JsonObject } from '../../../crypto/canonical-json.ts';
import { notaryCollection } from '../../../runtime/contracts/notary.ts';
import { defineFunction, type ContractFunction } from '../../../runtime/contract.ts';
import { prisonCollections as c } from '../collections.ts';
import { hashArg, strict } from '../contract/arg-schemas.ts';
import { actorOf, assertSamePrison, getPrisoner } from '../contract/context-helpers.ts';
import { prisonError } from '../prison-error.ts';
import { caseIdArg } from '../sentence/sentence-functions.ts';
import { prisonerCaseOf } from './case-of.ts';

/**
 * A published document: the court's ruling or the prison's public notice,
 * redacted (no name, ID number or address), anchored by the notary, and
 * findable by a short verification code printed on the published copy.
 * Anyone checks it on /verify: hash the copy, resolve the code
 * (GET /v1/prison/disclosures/:code), compare the hash and verify the
 * anchor transaction's proof.
 */
export interface DisclosureDoc extends JsonObject {
  code: string;
  kind: 'court-ruling' | 'public-notice';
  caseId: string;
  prison: string;
  documentHash: string;
  title: string;
  anchorTxId: string;
  anchorHeight: number;
  publishedBy: string;
  txId: string;
  height: number;
}

/** `7F3A-91C2-0B4D`: the first 48 bits of the publishing transaction's id, grouped for reading aloud. */
export function verificationCodeOf(txId: string): string {
  const hex = txId.slice(0, 12).toUpperCase();
  return `${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}`;
}

const publishDisclosure = defineFunction({
  args: Type.Object(
    {
      caseId: caseIdArg,
      kind: Type.Union([Type.Literal('court-ruling'), Type.Literal('public-notice')]),
      /** Hash of the redacted document, already anchored with notary.anchor. */
      documentHash: hashArg,
    },
    strict,
  ),
  handler(ctx, args) {
    const found = prisonerCaseOf(ctx, args.caseId);
    const prisoner = getPrisoner(ctx, found.prisonerId);
    const roles = ctx.member?.roles ?? [];
    // The court publishes its rulings; the prison its own notices.
    if (args.kind === 'court-ruling' && !roles.some((role) => role.startsWith('court.'))) {
      throw prisonError('PRISON_CASE_WRONG_STATE', 'only the court publishes a ruling', { kind: args.kind });
    }
    if (args.kind === 'public-notice') assertSamePrison(ctx, prisoner.prison);
    const anchor = ctx.get(notaryCollection, args.documentHash);
    if (anchor === undefined) throw prisonError('PRISON_DISCLOSURE_NOT_ANCHORED', `document ${args.documentHash} is not anchored; anchor the redacted copy first`, { documentHash: args.documentHash });
    const code = verificationCodeOf(ctx.txId);
    if (ctx.get(c.disclosures, code) !== undefined) throw prisonError('PRISON_DISCLOSURE_EXISTS', `verification code ${code} is taken`, { code });
    const disclosure: DisclosureDoc = {
      code,
      kind: args.kind,
      caseId: args.caseId,
      prison: prisoner.prison,
      documentHash: args.documentHash,
      title: String(anchor.doc['title'] ?? ''),
      anchorTxId: String(anchor.doc['txId']),
      anchorHeight: Number(anchor.doc['height']),
      publishedBy: actorOf(ctx),
      txId: ctx.txId,
      height: ctx.block.height,
    };
    ctx.put(c.disclosures, code, disclosure);
    ctx.emit('prison.disclosed', { code, kind: args.kind, caseId: args.caseId });
    return { code, anchorTxId: disclosure.anchorTxId };
  },
});

export const disclosureFunctions: Record<string, ContractFunction> = { publishDisclosure };
