import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { getSuite } from '../../crypto/suites.ts';
import { custosError } from '../../errors/custos-error.ts';
import type { Accounts } from '../../node/accounts/accounts.ts';
import { certifyBrowserKey, challengeHolder } from '../../node/accounts/certify-browser-key.ts';
import { createPossessionChallenges, defaultPossessionChallengesOptions } from '../../node/accounts/possession-challenges.ts';
import { heldCaOrgs, loadOrgCa } from '../../node/ca-store.ts';
import type { CustosNode } from '../../node/node.ts';
import { resolveSigner } from '../../runtime/system/access.ts';
import { createDirectory } from '../../runtime/system/directory.ts';
import { requestToken } from '../auth-token.ts';
import { MemberSchema, ProblemSchema } from '../schemas.ts';

/**
 * A browser-held key for the signed-in member (the console's second signing
 * kind): the node issues a challenge, the browser's new key signs it, and the
 * member's organization CA certifies that key with the member's id, roles and
 * attributes. The browser then enrolls the certificate itself through
 * POST /v1/transactions; the node never holds the private key.
 */
export const browserKeyRoutes = (node: CustosNode, accounts: Accounts): FastifyPluginAsyncTypebox => async (app) => {
  const challenges = createPossessionChallenges(defaultPossessionChallengesOptions, node.now);

  /** The signed-in person (a session, not an API token) in good standing on the ledger now. */
  function signedInMember(token: string) {
    const { account, kind } = accounts.authenticate(token);
    if (kind !== 'session') throw custosError('AUTH_REQUIRED', 'a browser key is certified from a signed-in session, not with an API token');
    // The account's own (node-held) key names the member; its certificate must be in good standing now.
    return resolveSigner(createDirectory(node.genesis, node.ledger.state.get), account.publicKey, node.ledger.head().height + 1, node.now());
  }

  app.post(
    '/v1/me/browser-key/challenge',
    {
      schema: {
        summary: 'A single-use challenge for the signed-in member’s new browser key to sign (proof of possession)',
        tags: ['people'],
        response: {
          200: Type.Object({
            challenge: Type.String(),
            expiresAt: Type.Integer({ description: 'ms since the epoch' }),
            statement: Type.Object(
              { v: Type.Literal(1), network: Type.String(), org: Type.String(), memberId: Type.String() },
              { description: 'sign keyPossessionBytes({...statement, publicKey, challenge}): "custos/v1/key-possession" || 0x00 || JCS' },
            ),
          }),
          401: ProblemSchema,
        },
      },
    },
    async (request) => {
      const member = signedInMember(requestToken(request));
      const issued = challenges.issue(challengeHolder(member));
      return { ...issued, statement: { v: 1 as const, network: node.genesis.network, org: member.org, memberId: member.memberId } };
    },
  );

  app.post(
    '/v1/me/browser-key/certify',
    {
      schema: {
        summary: 'Certify a browser-held Ed25519 key for the signed-in member (same member id, roles, attributes) by this node’s organization CA',
        tags: ['people'],
        body: Type.Object(
          {
            publicKey: Type.String({ maxLength: 128, description: 'ed25519:<base64url of the raw 32-byte key>' }),
            challenge: Type.String({ maxLength: 128 }),
            signature: Type.String({ maxLength: 256, description: 'base64url Ed25519 signature of the key-possession bytes' }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Composite([Type.Object({ certificate: Type.String({ description: 'PEM; enroll it with identity.enroll signed by this key' }) }), MemberSchema]),
          400: ProblemSchema,
          401: ProblemSchema,
          409: ProblemSchema,
        },
      },
    },
    async (request) => {
      const member = signedInMember(requestToken(request));
      const dataDir = accounts.dataDir;
      const ca = dataDir !== undefined && heldCaOrgs(dataDir).includes(member.org) ? loadOrgCa(dataDir, member.org) : undefined;
      const directory = createDirectory(node.genesis, node.ledger.state.get);
      const { certificate, notAfter } = await certifyBrowserKey({
        request: request.body,
        member,
        network: node.genesis.network,
        suite: getSuite(node.genesis.suite),
        challenges,
        ca,
        isEnrolled: (publicKey) => directory.member(publicKey) !== undefined,
        now: node.now(),
      });
      request.log.info({ org: member.org, memberId: member.memberId, publicKey: request.body.publicKey }, 'browser key certified');
      return { certificate, publicKey: request.body.publicKey, org: member.org, memberId: member.memberId, roles: member.roles, attributes: member.attributes, notAfter };
    },
  );
};
