import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import vm from "node:vm";

/** Whether V8 used the code cache beside a bundle: `absent` when there is none, `rejected` when it was made by another V8 or for other source. */
export type CodeCacheState = "accepted" | "rejected" | "absent";

export interface CachedBundle<T> {
  /** The bundle's `module.exports`. */
  exports: T;
  cache: CodeCacheState;
  /** Writes V8's code cache of everything compiled so far (the build runs a warm-up scan first, so the cache holds the functions a scan calls). */
  saveCache(file: string): void;
}

/** The CommonJS wrapper: the same parameters Node's own module loader passes. */
const WRAPPER_START = "(function (exports, require, module, __filename, __dirname) { ";
const WRAPPER_END = "\n})";

/**
 * Loads a CommonJS bundle with V8's code cache (`<file>.cache`, made at build time), so a
 * run deserialises compiled code instead of parsing and compiling it: the start-up of
 * `adrgen context` is mostly compiling. Node 20 offers no compile cache for modules
 * (module.enableCompileCache came in Node 22), hence vm.Script. A missing, foreign (another
 * Node version) or damaged cache is simply not used: V8 checks it and compiles as usual.
 */
export function loadCachedBundle<T>(file: string, cacheFile = `${file}.cache`): CachedBundle<T> {
  const source = readFileSync(file, "utf8");
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(`${WRAPPER_START}${source}${WRAPPER_END}`, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const cache: CodeCacheState = cachedData === undefined ? "absent" : script.cachedDataRejected === true ? "rejected" : "accepted";
  const module = { exports: {} as T };
  const run = script.runInThisContext() as (exports: T, require: NodeJS.Require, module: { exports: T }, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  return {
    exports: module.exports,
    cache,
    saveCache(out) {
      const temp = `${out}.${process.pid}.tmp`;
      writeFileSync(temp, script.createCachedData());
      renameSync(temp, out);
    },
  };
}
