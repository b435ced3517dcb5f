import type { JsonObject } from './case-document.ts';

const maxDepth = 32;

/** True for a plain JSON object (no arrays, class instances, BigInt, NaN or undefined anywhere inside). */
export function isJsonObject(value: unknown): value is JsonObject {
  return isPlainObject(value) && isJson(value, 0);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isJson(value: unknown, depth: number): boolean {
  if (depth > maxDepth) return false;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object':
      if (value === null) return true;
      if (Array.isArray(value)) return value.every((item) => isJson(item, depth + 1));
      return isPlainObject(value) && Object.values(value).every((item) => isJson(item, depth + 1));
    default:
      return false;
  }
}
