import { Type } from '@sinclair/typebox';

/** TypeBox schemas shared by the routes; they are also the OpenAPI document. */
export const Hex32 = Type.String({ pattern: '^[0-9a-f]{64}$', description: '32 bytes, lowercase hex' });

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({ description: 'stable error code, see src/errors/codes.ts' }),
    detail: Type.String(),
  },
  { additionalProperties: true, $id: 'Problem' },
);

export const SignedTransactionSchema = Type.Object(
  {
    v: Type.Literal(1),
    network: Type.String(),
    contract: Type.String(),
    fn: Type.String(),
    args: Type.Record(Type.String(), Type.Unknown()),
    signer: Type.String({ description: 'public key, e.g. ed25519:<base64url>' }),
    nonce: Type.String(),
    ts: Type.Integer({ description: 'ms since the epoch' }),
    sig: Type.String({ description: 'base64url signature over tag || JCS(body)' }),
  },
  { description: 'A signed transaction; see docs/FORMATS.md' },
);

export const BlockHeaderSchema = Type.Object({
  v: Type.Literal(1),
  network: Type.String(),
  height: Type.Integer(),
  prevHash: Hex32,
  time: Type.Integer(),
  txRoot: Hex32,
  logSize: Type.Integer(),
  logRoot: Hex32,
  orderer: Type.String(),
  sig: Type.String(),
});

export const ResultSchema = Type.Object(
  { status: Type.Union([Type.Literal('ok'), Type.Literal('failed')]), code: Type.Optional(Type.String()), message: Type.Optional(Type.String()) },
  { additionalProperties: true },
);

export const CheckpointSchema = Type.Object({
  v: Type.Literal(1),
  network: Type.String(),
  height: Type.Integer(),
  blockHash: Hex32,
  resultsRoot: Hex32,
  stateRoot: Hex32,
  signer: Type.String(),
  sig: Type.String(),
});

export const errorResponses = {
  400: ProblemSchema,
  404: ProblemSchema,
};

/** A member as the API shows them (sign-in, /v1/auth/me, a certified browser key). */
export const MemberSchema = Type.Object({
  org: Type.String(),
  memberId: Type.String(),
  publicKey: Type.String(),
  roles: Type.Array(Type.String()),
  attributes: Type.Record(Type.String(), Type.String()),
  notAfter: Type.Integer({ description: 'certificate expiry, ms since the epoch' }),
});
