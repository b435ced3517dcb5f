import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { signTransaction } from '../../ledger/transaction.ts';
import type { Accounts } from '../../node/accounts/accounts.ts';
import { enrollMember } from '../../node/enroll-member.ts';
import type { CustosNode } from '../../node/node.ts';
import { authorizeAction } from '../../runtime/system/access.ts';
import { createDirectory, membersCollection, type MemberRecord } from '../../runtime/system/directory.ts';
import { randomNonce } from '../../sdk/transactions.ts';
import { requestToken } from '../auth-token.ts';
import { ProblemSchema } from '../schemas.ts';
import { currentMember } from './auth.ts';

/** The admin endpoints, each gated by the ledger policy `admin.<endpoint>` and limited to the admin's own organization. */
export const adminActions = ['admin.accounts.create', 'admin.certificates.issue', 'admin.certificates.revoke'] as const;

export const adminRoutes = (node: CustosNode, accounts: Accounts, dataDir: string): FastifyPluginAsyncTypebox => async (app) => {
  function admin(token: string, action: (typeof adminActions)[number]) {
    const caller = currentMember(node, accounts, token);
    authorizeAction(createDirectory(node.genesis, node.ledger.state.get), action, caller.record, node.ledger.head().height + 1);
    return caller;
  }

  app.post(
    '/v1/admin/members',
    {
      schema: {
        summary: 'Enroll a new member of the admin’s organization: key, certificate from this node’s CA, account, ledger enrollment',
        tags: ['administration'],
        body: Type.Object({
          memberId: Type.String({ maxLength: 128 }),
          roles: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 16 }),
          attributes: Type.Optional(Type.Record(Type.String(), Type.String())),
          password: Type.String({ minLength: 8, maxLength: 1024 }),
          totp: Type.Optional(Type.Boolean()),
          validForDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
        }),
        response: {
          200: Type.Object({ org: Type.String(), memberId: Type.String(), publicKey: Type.String(), certificate: Type.String(), totpSecret: Type.Optional(Type.String()) }),
          401: ProblemSchema,
          403: ProblemSchema,
        },
      },
    },
    async (request) => {
      const { record } = admin(requestToken(request), 'admin.accounts.create');
      admin(requestToken(request), 'admin.certificates.issue');
      const body = request.body;
      const enrolled = await enrollMember(
        node,
        accounts,
        dataDir,
        {
          org: record.org,
          memberId: body.memberId,
          roles: body.roles,
          password: body.password,
          ...(body.attributes === undefined ? {} : { attributes: body.attributes }),
          ...(body.totp === undefined ? {} : { totp: body.totp }),
          ...(body.validForDays === undefined ? {} : { validForMs: body.validForDays * 24 * 3600_000 }),
        },
        node.now(),
      );
      return { org: record.org, memberId: body.memberId, publicKey: enrolled.publicKey, certificate: enrolled.certificate, ...(enrolled.totpSecret === undefined ? {} : { totpSecret: enrolled.totpSecret }) };
    },
  );

  app.get(
    '/v1/admin/members',
    {
      schema: {
        summary: 'Members of the admin’s organization with certificate expiry',
        tags: ['administration'],
        querystring: Type.Object({ expiringWithinDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 })) }),
        response: { 200: Type.Object({ members: Type.Array(Type.Record(Type.String(), Type.Unknown())) }), 401: ProblemSchema, 403: ProblemSchema },
      },
    },
    async (request) => {
      const { record } = admin(requestToken(request), 'admin.accounts.create');
      const horizon = request.query.expiringWithinDays === undefined ? Number.POSITIVE_INFINITY : node.now() + request.query.expiringWithinDays * 24 * 3600_000;
      const members = node.ledger.state
        .query(membersCollection, { index: 'byMember', equals: [record.org], limit: 1000 })
        .map((doc) => doc.doc as MemberRecord)
        .filter((member) => member.notAfter <= horizon)
        .map(({ certificate: _certificate, ...rest }) => rest);
      return { members };
    },
  );

  app.post(
    '/v1/admin/certificates/revoke',
    {
      schema: {
        summary: 'Revoke a certificate of the admin’s organization (in force from the next block)',
        tags: ['administration'],
        body: Type.Object({ serial: Type.String({ pattern: '^[0-9a-f]{1,40}$' }), reason: Type.String({ minLength: 1, maxLength: 500 }) }),
        response: { 200: Type.Object({ txId: Type.String(), status: Type.String() }, { additionalProperties: true }), 401: ProblemSchema, 403: ProblemSchema },
      },
    },
    async (request) => {
      const { record, key } = admin(requestToken(request), 'admin.certificates.revoke');
      const tx = signTransaction(
        { v: 1, network: node.genesis.network, contract: 'identity', fn: 'revoke', args: { org: record.org, serial: request.body.serial, reason: request.body.reason }, signer: key.publicKey, nonce: randomNonce(), ts: node.now() },
        key,
      );
      return (await node.submit(tx, { wait: true })) as never;
    },
  );
};
