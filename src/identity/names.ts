/**
 * The spelling of the names the identity layer deals in. Organization ids and
 * roles are written into policies (`prison.officer@PrisonBureau`), so they
 * must tokenize as one word of the policy language and never be a keyword;
 * member ids and attribute names are written into certificates.
 */

/** Policy keywords (compared case-insensitively); no role or organization may be spelled like one. */
export const reservedWords: readonly string[] = ['ANY', 'ALL', 'OF'];

// Dotted segments, each starting with a letter: `prison.officer`, `PrisonBureau`, `court.zj`.
const dottedName = /^[A-Za-z][A-Za-z0-9_-]*(?:\.[A-Za-z][A-Za-z0-9_-]*)*$/;
// X.520 ub-common-name is 64 characters; the member id is the subject CN.
const memberIdPattern = /^[A-Za-z0-9][A-Za-z0-9._@+-]{0,63}$/;
const attributeNamePattern = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
// C0 controls and DEL: an attribute value is shown to people and must not carry invisible bytes.
const controlCharacter = /[\u0000-\u001f\u007f]/;

/** Longest organization id or role. */
export const maxNameLength = 64;
/** Longest attribute value (characters). */
export const maxAttributeValueLength = 256;

function isReserved(name: string): boolean {
  return reservedWords.includes(name.toUpperCase());
}

/** `PrisonBureau`, `court.zj`: dotted segments starting with letters, not a policy keyword. */
export function isOrgId(value: string): boolean {
  return value.length <= maxNameLength && dottedName.test(value) && !isReserved(value);
}

/** `prison.officer`, `admin`: same spelling as an organization id. Roles are case-sensitive. */
export function isRoleName(value: string): boolean {
  return value.length <= maxNameLength && dottedName.test(value) && !isReserved(value);
}

/**
 * A role as a policy may name it: a role, a role prefix ending in `.*`
 * (`prison.*`), or `*` alone (any member of the organization).
 */
export function isRolePattern(value: string): boolean {
  if (value === '*') return true;
  if (value.endsWith('.*')) return isRoleName(value.slice(0, -2));
  return isRoleName(value);
}

/** `officer-0042`, `li.wei@js07`: the subject CN of a member certificate. */
export function isMemberId(value: string): boolean {
  return memberIdPattern.test(value);
}

/** `prison`, `unit`, `rank.grade`. */
export function isAttributeName(value: string): boolean {
  return attributeNamePattern.test(value);
}

/** Any well-formed text of 1–256 characters without control characters (`JS-07`, `第三监区`). */
export function isAttributeValue(value: string): boolean {
  return value.length >= 1 && value.length <= maxAttributeValueLength && value.isWellFormed() && !controlCharacter.test(value);
}
