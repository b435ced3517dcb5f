import { requestJson } from './http.ts';

/** A member of the admin's organization as GET /v1/admin/members lists them (no certificate PEM). */
export interface MemberListing {
  publicKey: string;
  memberId: string;
  org: string;
  roles: string[];
  attributes: Record<string, string>;
  serial: string;
  notBefore: number;
  notAfter: number;
  fingerprint: string;
  enrolledAt: number;
  revokedFrom: number | null;
}

export interface EnrollRequest {
  memberId: string;
  roles: string[];
  attributes?: Record<string, string>;
  password: string;
  totp?: boolean;
  validForDays?: number;
}

export interface Enrolled {
  org: string;
  memberId: string;
  publicKey: string;
  certificate: string;
  totpSecret?: string;
}

/** Administration of the signed-in admin's own organization (policies admin.*). */
export const adminApi = {
  members: () => requestJson<{ members: MemberListing[] }>('/v1/admin/members', { member: true }).then((r) => r.members),
  enroll: (request: EnrollRequest) => requestJson<Enrolled>('/v1/admin/members', { method: 'POST', body: request, member: true }),
  revoke: (serial: string, reason: string) =>
    requestJson<{ txId: string; status: string; result?: { status: string; code?: string; message?: string } }>('/v1/admin/certificates/revoke', { method: 'POST', body: { serial, reason }, member: true }),
};
