import { Type } from '@sinclair/typebox';
import { custosError } from '../../errors/custos-error.ts';
import { defineFunction, type Contract } from '../contract.ts';

export const notaryCollection = 'notary.anchors';

/**
 * The notary anchors a document's hash: proof that a document with this hash
 * existed, titled and typed so, signed by this signer, at this block. Every
 * app attaches evidence this way; the document itself stays off the ledger.
 */
export const notaryContract: Contract = {
  name: 'notary',
  version: '1.0.0',
  collections: [
    {
      name: notaryCollection,
      indexes: [
        { name: 'byType', fields: ['type', 'height'] },
        { name: 'bySigner', fields: ['signer', 'height'] },
      ],
    },
  ],
  functions: {
    anchor: defineFunction({
      args: Type.Object(
        {
          hash: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 or SM3 of the document, lowercase hex' }),
          title: Type.String({ minLength: 1, maxLength: 200 }),
          type: Type.String({ pattern: '^[a-z][a-z0-9_.-]{0,63}$', description: 'document type, e.g. court.ruling' }),
        },
        { additionalProperties: false },
      ),
      handler(ctx, args) {
        const existing = ctx.get(notaryCollection, args.hash);
        if (existing !== undefined) {
          throw custosError('NOTARY_ALREADY_ANCHORED', `hash already anchored by transaction ${String(existing.doc['txId'])}`);
        }
        const record = {
          hash: args.hash,
          title: args.title,
          type: args.type,
          signer: ctx.signer,
          txId: ctx.txId,
          height: ctx.block.height,
          time: ctx.block.time,
        };
        ctx.put(notaryCollection, args.hash, record);
        ctx.emit('notary.anchored', { hash: args.hash, type: args.type });
        return { hash: args.hash, height: ctx.block.height, time: ctx.block.time };
      },
    }),
  },
};
