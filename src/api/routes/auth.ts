import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { custosError } from '../../errors/custos-error.ts';
import type { JsonObject } from '../../crypto/canonical-json.ts';
import { signTransaction } from '../../ledger/transaction.ts';
import type { Accounts } from '../../node/accounts/accounts.ts';
import type { CustosNode } from '../../node/node.ts';
import { createDirectory } from '../../runtime/system/directory.ts';
import { randomNonce } from '../../sdk/transactions.ts';
import { requestToken, sessionCookie } from '../auth-token.ts';
import { MemberSchema, ProblemSchema, ResultSchema } from '../schemas.ts';
import { browserKeyRoutes } from './browser-key.ts';


/** The member behind a signed-in request, as the ledger knows them now. */
export function currentMember(node: CustosNode, accounts: Accounts, token: string) {
  const { account, key, kind } = accounts.authenticate(token);
  const record = createDirectory(node.genesis, node.ledger.state.get).member(account.publicKey);
  if (record === undefined) throw custosError('IDENTITY_UNKNOWN_MEMBER', `${account.memberId}@${account.org} has an account here but is not enrolled on the ledger`);
  return { account, key, kind, record };
}

function memberView(record: ReturnType<typeof currentMember>['record']) {
  return { org: record.org, memberId: record.memberId, publicKey: record.publicKey, roles: record.roles, attributes: record.attributes, notAfter: record.notAfter };
}

/**
 * People sign in to their organization's node; while signed in, the node
 * signs transactions for them with their own key. Machine clients use API
 * tokens bound to a member.
 */
export const authRoutes = (node: CustosNode, accounts: Accounts): FastifyPluginAsyncTypebox => async (app) => {
  app.post(
    '/v1/auth/sign-in',
    {
      schema: {
        summary: 'Sign in with organization, member id, password (and a one-time code when enabled)',
        tags: ['people'],
        body: Type.Object({ org: Type.String({ maxLength: 64 }), memberId: Type.String({ maxLength: 128 }), password: Type.String({ maxLength: 1024 }), totp: Type.Optional(Type.String({ maxLength: 6 })) }),
        response: { 200: Type.Object({ token: Type.String(), expiresAt: Type.Integer(), member: MemberSchema }), 401: ProblemSchema, 429: ProblemSchema },
      },
    },
    async (request, reply) => {
      const { org, memberId, password, totp } = request.body;
      const session = accounts.signIn({ org, memberId, password, ...(totp === undefined ? {} : { totp }) });
      const { record } = currentMember(node, accounts, session.token);
      void reply.header('set-cookie', `${sessionCookie}=${encodeURIComponent(session.token)}; Path=/; HttpOnly; SameSite=Strict`);
      return { token: session.token, expiresAt: session.expiresAt, member: memberView(record) };
    },
  );

  app.post('/v1/auth/sign-out', { schema: { summary: 'Sign out: the node forgets the session and the key it held', tags: ['people'], response: { 204: Type.Null() } } }, async (request, reply) => {
    try {
      accounts.signOut(requestToken(request));
    } catch {
      // Signing out without a session is not an error worth reporting.
    }
    return reply.header('set-cookie', `${sessionCookie}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`).code(204).send(null);
  });

  app.get('/v1/auth/me', { schema: { summary: 'The signed-in member', tags: ['people'], response: { 200: MemberSchema, 401: ProblemSchema } } }, async (request) => memberView(currentMember(node, accounts, requestToken(request)).record));

  app.post(
    '/v1/auth/tokens',
    {
      schema: {
        summary: 'Create an API token bound to the signed-in member (shown once)',
        tags: ['people'],
        body: Type.Object({ label: Type.String({ minLength: 1, maxLength: 100 }) }),
        response: { 200: Type.Object({ token: Type.String() }), 401: ProblemSchema },
      },
    },
    async (request) => ({ token: accounts.createApiToken(requestToken(request), request.body.label) }),
  );

  app.post(
    '/v1/me/transactions',
    {
      schema: {
        summary: 'Submit a transaction signed by the node with the signed-in member’s key',
        tags: ['people'],
        querystring: Type.Object({ wait: Type.Optional(Type.Boolean()) }),
        body: Type.Object({ contract: Type.String({ maxLength: 64 }), fn: Type.String({ maxLength: 64 }), args: Type.Record(Type.String(), Type.Unknown()) }),
        response: {
          200: Type.Object({ txId: Type.String(), status: Type.String(), height: Type.Optional(Type.Integer()), seq: Type.Optional(Type.Integer()), result: Type.Optional(ResultSchema) }, { additionalProperties: true }),
          202: Type.Object({ txId: Type.String(), status: Type.String() }),
          401: ProblemSchema,
          403: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const { key } = currentMember(node, accounts, requestToken(request));
      const tx = signTransaction(
        { v: 1, network: node.genesis.network, contract: request.body.contract, fn: request.body.fn, args: request.body.args as JsonObject, signer: key.publicKey, nonce: randomNonce(), ts: node.now() },
        key,
      );
      const wait = request.query.wait !== false;
      const outcome = await node.submit(tx, { wait });
      return reply.code(outcome.status === 'committed' ? 200 : 202).send(outcome as never);
    },
  );

  // The second signing kind: a key the member's browser holds, certified by the org CA.
  await app.register(browserKeyRoutes(node, accounts));
};
