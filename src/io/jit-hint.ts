import { createRequire } from "node:module";

/**
 * A scan of a large repository is a short run of hot loops (splitting paths, parsing thousands of
 * small manifests). V8's optimising compiler starts on such loops early and compiles them on a
 * background thread, which on a two-core machine takes the core the main thread and git need, for
 * code the run ends before it pays back: measured on a 50,000-file repository, raising the budget
 * after which V8 optimises a function (--interrupt-budget, default 132 KB of bytecode executed)
 * to 1 MB made `adrgen context` ~20 ms faster (192 → 172 ms side by side). Optimisation still happens, later.
 *
 * Only a CLI process opts in (bin.ts), never a library user or a test runner; only on Node 20,
 * where it was measured; and only for a repository whose git index holds thousands of files,
 * set as its scan starts (small scans gain nothing). It changes V8's cache tag, so it comes after
 * the cached bundles and the config schema's have loaded; the build's warm-up runs never set it,
 * so the code caches they save are made under V8's default flags.
 */
const KEY = Symbol.for("adrgen.jitHint");
const BUDGET = "--interrupt-budget=1000000";

/** Called by bin.ts: this process is a CLI run whose large scans may tune V8. */
export function allowLongScanHint(): void {
  if (process.versions.node.startsWith("20.")) (globalThis as Record<symbol, unknown>)[KEY] = "allowed";
}

/** Called by the scanner once a listing is large: applies the hint if this process allowed it (once). */
export function hintLongScan(): void {
  const store = globalThis as Record<symbol, unknown>;
  if (store[KEY] !== "allowed") return;
  store[KEY] = "applied";
  try {
    (createRequire(import.meta.url)("node:v8") as typeof import("node:v8")).setFlagsFromString(BUDGET);
  } catch {
    // A Node that refuses runtime flags runs as usual.
  }
}

/** Whether the hint was applied in this process (ADRGEN_DEBUG reports it). */
export function longScanHintApplied(): boolean {
  return (globalThis as Record<symbol, unknown>)[KEY] === "applied";
}
