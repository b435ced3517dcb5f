import { identityError } from '../identity-error.ts';
import { isAttributeName, isAttributeValue, isRoleName } from '../names.ts';
import { memberUriPrefixes } from './certificate-profile.ts';

/** Roles and attributes a member certificate grants. */
export interface MemberGrants {
  /** Sorted, without duplicates. */
  readonly roles: readonly string[];
  /** Attribute name → value, e.g. `{prison: 'JS-07', unit: 'district-3'}`; one value per name. */
  readonly attributes: Readonly<Record<string, string>>;
}

// RFC 3986 unreserved characters stay as they are; everything else is
// percent-encoded UTF-8 with upper-case hex (§2.1), so a value has exactly
// one spelling and the certificate's bytes are determined by its contents.
function encodeValue(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function decodeValue(encoded: string): string | undefined {
  try {
    const value = decodeURIComponent(encoded);
    return encodeValue(value) === encoded ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks roles and attributes and turns them into the subjectAltName URIs of
 * a member certificate, roles first, each group sorted.
 *
 * @throws IDENTITY_NAME_INVALID for a bad role, attribute name or value.
 */
export function grantsToUris(roles: readonly string[], attributes: Readonly<Record<string, string>>): string[] {
  for (const role of roles) {
    if (!isRoleName(role)) throw identityError('IDENTITY_NAME_INVALID', `invalid role ${JSON.stringify(role)}`, { role });
  }
  const names = Object.keys(attributes).sort();
  for (const name of names) {
    const value = attributes[name]!;
    if (!isAttributeName(name)) throw identityError('IDENTITY_NAME_INVALID', `invalid attribute name ${JSON.stringify(name)}`, { attribute: name });
    if (typeof value !== 'string' || !isAttributeValue(value)) {
      throw identityError('IDENTITY_NAME_INVALID', `invalid value for attribute ${name}`, { attribute: name });
    }
  }
  return [
    ...[...new Set(roles)].sort().map((role) => `${memberUriPrefixes.role}${role}`),
    ...names.map((name) => `${memberUriPrefixes.attribute}${name}=${encodeValue(attributes[name]!)}`),
  ];
}

/**
 * Reads roles and attributes back from subjectAltName URIs. URIs outside
 * `urn:custos:` are ignored (a certificate may carry an e-mail or web
 * address too); inside it, anything not in profile v1 is refused rather than
 * skipped, so a grant is never silently lost.
 *
 * @throws IDENTITY_CERT_INVALID
 */
export function urisToGrants(uris: readonly string[]): MemberGrants {
  const roles = new Set<string>();
  const attributes = new Map<string, string>();
  for (const uri of uris) {
    if (!uri.startsWith(memberUriPrefixes.any)) continue;
    const fail = (why: string): never => {
      throw identityError('IDENTITY_CERT_INVALID', `subjectAltName ${JSON.stringify(uri)}: ${why}`, { uri });
    };
    if (uri.startsWith(memberUriPrefixes.role)) {
      const role = uri.slice(memberUriPrefixes.role.length);
      if (!isRoleName(role)) fail('invalid role');
      if (roles.has(role)) fail('duplicate role');
      roles.add(role);
    } else if (uri.startsWith(memberUriPrefixes.attribute)) {
      const rest = uri.slice(memberUriPrefixes.attribute.length);
      const equals = rest.indexOf('=');
      const name = equals < 0 ? rest : rest.slice(0, equals);
      const value = equals < 0 ? undefined : decodeValue(rest.slice(equals + 1));
      if (!isAttributeName(name)) fail('invalid attribute name');
      if (value === undefined || !isAttributeValue(value)) fail('invalid or non-canonical attribute value');
      if (attributes.has(name)) fail('duplicate attribute');
      attributes.set(name, value!);
    } else {
      fail('unknown Custos URI kind');
    }
  }
  return {
    roles: Object.freeze([...roles].sort()),
    attributes: Object.freeze(Object.fromEntries([...attributes].sort(([a], [b]) => (a < b ? -1 : 1)))),
  };
}
