/**
 * The Custos certificate profile: which OIDs and name forms mark a
 * certificate as an organization CA or a member certificate. Certificates
 * issued under these values are stored on ledgers; changing one is a new
 * profile version, never an edit.
 */

/**
 * The private OID arc of Custos: `2.25.<UUID as an integer>` (ITU-T X.667 /
 * RFC 4122 §1: an OID made from a UUID needs no registration and cannot
 * collide). UUID e489f704-6f7e-4eb5-9d0f-9f135a8212a0. Placeholder until the
 * project holds an IANA Private Enterprise Number; sub-arcs: `.1` certificate
 * profiles.
 */
export const custosOidArc = '2.25.303780337815170374865033279458561364640';

/** certificatePolicies OIDs that name the profile a certificate was issued under. */
export const certificateProfileOids = {
  /** Organization root CA, profile version 1. */
  orgCaV1: `${custosOidArc}.1.1`,
  /** Member certificate, profile version 1: roles and attributes in SAN URIs as below. */
  memberV1: `${custosOidArc}.1.2`,
} as const;

/**
 * Roles and attributes travel as subjectAltName URIs, e.g.
 * `urn:custos:role:prison.officer` and `urn:custos:attr:prison=JS-07`
 * (attribute values percent-encoded as UTF-8, RFC 3986 §2.1). `urn:custos`
 * is an unregistered URN namespace, adequate inside a closed consortium.
 */
export const memberUriPrefixes = {
  role: 'urn:custos:role:',
  attribute: 'urn:custos:attr:',
  any: 'urn:custos:',
} as const;

/** X.509 extension OIDs this profile reads (RFC 5280 §4.2.1). */
export const extensionOids = {
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  certificatePolicies: '2.5.29.32',
  authorityKeyIdentifier: '2.5.29.35',
  extendedKeyUsage: '2.5.29.37',
} as const;
