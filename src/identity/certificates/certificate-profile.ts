/**
 * The Custos certificate profile: which OIDs and name forms mark a
 * certificate as an organization CA or a member certificate. Certificates
 * issued under these values are stored on ledgers; changing one is a new
 * profile version, never an edit.
 */

/**
 * The OID arc of Custos — a PLACEHOLDER: `1.3.6.1.4.1.32473` is the private
 * enterprise number IANA set aside for documentation (RFC 5612), so it
 * belongs to no real organization; replace it with the project's own IANA
 * PEN (free, a web form) before certificates are issued in production.
 * Sub-arcs: `.1` certificate profiles.
 *
 * Why not a UUID arc (`2.25.<uuid>`, no registration needed): its 128-bit
 * arc is mis-decoded by @peculiar/asn1 (tried: it reads back as a hex blob)
 * and refused by Go's x509 before 1.22, and other tools must read these.
 */
export const custosOidArc = '1.3.6.1.4.1.32473.1';

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
