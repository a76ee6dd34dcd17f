// Which version changes are breaking, the semver way: a new major from 1.0 on, a new minor
// below 1.0 (0.3 → 0.4), a new patch below 0.1 (0.0.3 → 0.0.4). These are what suggest reports.

/** The numeric parts of a version: `16-alpine` → [16], `^4.19.2` → [4, 19, 2], `v0.3` → [0, 3]; undefined without a number. */
export function versionNumbers(version: string | undefined): number[] | undefined {
  const match = version ? /(\d+(?:\.\d+){0,2})/.exec(version) : null;
  return match ? match[1]!.split(".").map(Number) : undefined;
}

/**
 * The parts that must stay equal for a change to be compatible: up to and including the first
 * non-zero part (`4.19.2` → [4], `0.3.1` → [0, 3], `0.0.3` → [0, 0, 3]); undefined without a number.
 */
export function compatibilityLine(version: string | undefined): number[] | undefined {
  const parts = versionNumbers(version);
  if (!parts) return undefined;
  const firstNonZero = parts.findIndex((part) => part !== 0);
  return parts.slice(0, firstNonZero === -1 ? parts.length : firstNonZero + 1);
}

/** The compatibility line as text, for matching ADRs that name it: `5`, `0.4`, `0.0.3`. */
export function compatibilityLabel(version: string | undefined): string | undefined {
  return compatibilityLine(version)?.join(".");
}

/**
 * Whether going from one version to another crosses a compatibility line. Only the precision
 * both sides state is compared (`0` → `0.4` is not known to break); undefined when either has no number.
 */
export function isBreakingChange(from: string | undefined, to: string | undefined): boolean | undefined {
  const [a, b] = [compatibilityLine(from), compatibilityLine(to)];
  if (!a || !b) return undefined;
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) if (a[i] !== b[i]) return true;
  return false;
}

/** Orders two versions by their numeric parts: negative when `a` is older, positive when newer, 0 when equal as far as stated. */
export function compareVersions(a: string | undefined, b: string | undefined): number {
  const [x, y] = [versionNumbers(a) ?? [], versionNumbers(b) ?? []];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const diff = (x[i] ?? 0) - (y[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
