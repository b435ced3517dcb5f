/**
 * JSON value → CEL value. CEL keeps `int` and `double` apart and the CEL
 * library reads a JS number as a double, so whole numbers become BigInt
 * (`int`) and only fractional numbers stay doubles. A guard that mixes them
 * converts explicitly: `double(form.points) * 1.5`.
 */
export function jsonToCel(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : value;
  if (Array.isArray(value)) return value.map(jsonToCel);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    // Sorted keys: the same map on every node, whatever order the JSON had.
    for (const key of Object.keys(value).sort()) out[key] = jsonToCel((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}
