import type { YamlSpot } from "./yaml-outline.js";

/** A YAML value reached by a key path, with its line; used to read only the keys a detector needs. */
export interface LocatedValue {
  value: unknown;
  line: number | undefined;
}

/** A parsed YAML mapping as a plain object, or undefined for anything else. */
export function mapOf(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** True for a value js-yaml produces from a scalar node. */
export function isScalarValue(value: unknown): value is string | number | boolean | null {
  return value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

/** The value at `path` (maps by key, sequences by index), or undefined. */
export function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let value = root;
  for (const key of path) {
    if (Array.isArray(value) && typeof key === "number") value = value[key];
    else {
      const map = mapOf(value);
      if (!map || !Object.prototype.hasOwnProperty.call(map, key)) return undefined;
      value = map[key];
    }
  }
  return value;
}

/** A non-null scalar at `path` with its line; undefined when absent or not a scalar. */
export function scalarAt(root: unknown, spot: YamlSpot, path: readonly (string | number)[]): LocatedValue | undefined {
  const value = valueAt(root, path);
  if (value === undefined || value === null || !isScalarValue(value)) return undefined;
  return { value, line: spot.path(path).valueStart };
}

/** The items of a sequence at `path`, or none. */
export function seqItems(root: unknown, path: readonly (string | number)[]): unknown[] {
  const value = valueAt(root, path);
  return Array.isArray(value) ? value : [];
}
