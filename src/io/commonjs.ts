/**
 * A CommonJS package imported from the ESM bundle arrives as `{ default: module.exports }`
 * without named exports (under Jest it has them); flatten it so callers can always use names.
 */
export function withNamedExports<T>(module: T): T {
  const fallback = (module as { default?: unknown }).default;
  if (fallback === null || typeof fallback !== "object") return module;
  return { ...(fallback as object), ...(module as object) } as T;
}
