import { Type } from '@sinclair/typebox';
import { custosError } from '../../errors/custos-error.ts';
import { parseMemberCertificate, verifyMemberCertificate } from '../../identity/index.ts';
import type { Genesis } from '../../ledger/genesis.ts';
import { defineFunction, type Contract, type ContractContext } from '../contract.ts';
import { createDirectory, membersCollection, organizationsCollection, revocationsCollection, type MemberRecord } from './directory.ts';

function directoryOf(genesis: Genesis, ctx: ContractContext) {
  return createDirectory(genesis, ctx.get);
}

/**
 * System contract `identity`: members enroll themselves by presenting a
 * certificate their organization's CA issued for the very key that signs
 * the enrollment (the CA's signature is the authorization); an
 * organization's admins revoke, effective from the next block.
 */
export function createIdentityContract(genesis: Genesis): Contract {
  return {
    name: 'identity',
    version: '1.0.0',
    collections: [
      { name: membersCollection, indexes: [{ name: 'byMember', fields: ['org', 'memberId'] }, { name: 'bySerial', fields: ['org', 'serial'] }, { name: 'byExpiry', fields: ['notAfter'] }] },
      { name: revocationsCollection, indexes: [{ name: 'byOrg', fields: ['org', 'height'] }] },
      // Written by governance (addOrganization / removeOrganization), read here.
      { name: organizationsCollection, indexes: [] },
    ],
    functions: {
      enroll: defineFunction({
        args: Type.Object({ certificate: Type.String({ maxLength: 8192 }) }, { additionalProperties: false }),
        handler(ctx, args) {
          const directory = directoryOf(genesis, ctx);
          // The certificate names its organization (subject O); nothing in it is trusted until
          // that organization's CA, as in force at this block, has verified it.
          const claimed = parseMemberCertificate(args.certificate);
          const org = claimed.org;
          const ca = directory.organizationAt(org, ctx.block.height);
          if (ca === undefined) throw custosError('IDENTITY_UNKNOWN_CA', `organization ${org} is not part of this network`, { org });
          const member = verifyMemberCertificate(args.certificate, ca.caCertificate, { at: new Date(ctx.block.time) });
          if (member.publicKey !== ctx.signer) throw custosError('IDENTITY_KEY_MISMATCH', 'the enrollment must be signed with the key the certificate certifies');
          if (directory.isRevoked(org, member.serial, ctx.block.height)) throw custosError('IDENTITY_CERT_REVOKED', `certificate ${member.serial} is revoked`);
          const known = directory.knownRoles();
          const unknownRole = known === undefined ? undefined : member.roles.find((role) => !known.has(role));
          if (unknownRole !== undefined) throw custosError('IDENTITY_NAME_INVALID', `role ${unknownRole} is not a role of this network`);
          const record: MemberRecord = {
            publicKey: member.publicKey,
            memberId: member.memberId,
            org,
            roles: [...member.roles],
            attributes: { ...member.attributes },
            serial: member.serial,
            notBefore: member.notBefore.getTime(),
            notAfter: member.notAfter.getTime(),
            fingerprint: member.fingerprint,
            certificate: args.certificate,
            enrolledAt: ctx.block.height,
            revokedFrom: null,
          };
          ctx.put(membersCollection, member.publicKey, record);
          ctx.emit('identity.enrolled', { org, memberId: member.memberId, roles: [...member.roles] });
          return { org, memberId: member.memberId, roles: [...member.roles] };
        },
      }),
      revoke: defineFunction({
        args: Type.Object(
          { org: Type.String({ maxLength: 64 }), serial: Type.String({ pattern: '^[0-9a-f]{1,40}$' }), reason: Type.String({ minLength: 1, maxLength: 500 }) },
          { additionalProperties: false },
        ),
        handler(ctx, args) {
          const caller = ctx.member;
          if (caller === undefined || caller.org !== args.org) throw custosError('ACCESS_DENIED', 'only an admin of the organization may revoke its certificates', { action: 'identity.revoke' });
          const id = `${args.org}:${args.serial}`;
          if (ctx.get(revocationsCollection, id) !== undefined) throw custosError('RUNTIME_CONFLICT', 'certificate is already revoked');
          const from = ctx.block.height + 1;
          ctx.put(revocationsCollection, id, { org: args.org, serial: args.serial, reason: args.reason, by: caller.memberId, height: ctx.block.height, from });
          for (const doc of ctx.query(membersCollection, { index: 'bySerial', equals: [args.org, args.serial] })) {
            ctx.put(membersCollection, doc.id, { ...doc.doc, revokedFrom: from });
          }
          ctx.emit('identity.revoked', { org: args.org, serial: args.serial, from });
          return { from };
        },
      }),
    },
  };
}
