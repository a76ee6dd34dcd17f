import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const BUILT_CLI = `${PROJECT_ROOT}dist/adrgen.js`;

export interface SpawnResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a child process (npm test builds it first). */
export function spawnAdrgen(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string }): SpawnResult {
  if (!existsSync(BUILT_CLI)) throw new Error("dist/adrgen.js is missing: run `npm run build` (npm test does it).");
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: "1", ADRGEN_DATE: "2026-01-15", ...options.env };
  const result = spawnSync(process.execPath, [BUILT_CLI, ...args], { cwd: options.cwd, env, input: options.input ?? "", encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * True where bin.ts uses the build's V8 code caches (Node 20): on Node 22.8+ Node's own module compile
 * cache takes their place and ADRGEN_DEBUG reports `node-compile-cache`. Tests of the build-time caches
 * run where they apply.
 */
export const BUILD_CACHES_APPLY = typeof ((await import("node:module")).default as { getCompileCacheDir?: unknown }).getCompileCacheDir !== "function";
