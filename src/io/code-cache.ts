import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import vm from "node:vm";

/**
 * Whether V8 used the code cache beside a bundle: `absent` when there is none, `rejected` when it was
 * made by another V8 or for other source; `node-compile-cache` when Node's own module compile cache
 * is on (Node 22.8+) and the bundle was simply required, leaving caching to Node.
 */
export type CodeCacheState = "accepted" | "rejected" | "absent" | "node-compile-cache";

export interface CachedBundle<T> {
  /** The bundle's `module.exports`. */
  exports: T;
  cache: CodeCacheState;
  /** Writes V8's code cache of everything compiled so far (the build runs a warm-up scan first, so the cache holds the functions a scan calls). */
  saveCache(file: string): void;
}

/**
 * The first line of a bundle made for caching: a digest of its text, which its cache file starts
 * with too. V8 checks a cache against the source's length only, so without it a cache made for
 * another build of the same length would run that build's code.
 */
const STAMP = /^\/\/ adrgen-bundle ([0-9a-f]{16,64})\n/;

export interface LoadOptions {
  /** Default: `<file>.cache`. */
  cacheFile?: string;
  /**
   * Load nothing (return undefined) unless the cache was made for this bundle and by a V8 that will
   * take it (see fitsThisV8): for a bundle so large that compiling it without the cache costs more
   * than the path it replaces. Checking costs ~1 ms. A cache that passes these checks but that V8
   * still rejects (a damaged payload) is compiled and run as usual.
   */
  requireCache?: boolean;
  /** The bundle is ASCII only (the build checks): read it as latin1, several times faster than decoding UTF-8. */
  ascii?: boolean;
  /**
   * The name stack traces give the bundle (default: its path). V8 keeps the name the cache was
   * made under, so a bundle cached at build time needs a name that does not depend on where it was
   * built or installed: the same one when the cache is made and when it is used.
   */
  scriptName?: string;
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
export function loadCachedBundle<T>(file: string, options?: LoadOptions & { requireCache?: false }): CachedBundle<T>;
export function loadCachedBundle<T>(file: string, options: LoadOptions): CachedBundle<T> | undefined;
export function loadCachedBundle<T>(file: string, options: LoadOptions = {}): CachedBundle<T> | undefined {
  const cacheFile = options.cacheFile ?? `${file}.cache`;
  if (nodeCachesModules()) return register(requiredBundle<T>(file), cacheFile);
  let stored: Buffer | undefined;
  try {
    stored = readFileSync(cacheFile);
  } catch {
    if (options.requireCache) return undefined;
    stored = undefined;
  }
  const parts = stored && cacheFileParts(stored);
  if (options.requireCache && !(parts && fitsThisV8(parts.made))) return undefined;
  const source = readFileSync(file, options.ascii ? "latin1" : "utf8");
  const header = stampOf(source);
  // A cache is offered to V8 only when it was made from this very text (see STAMP); V8 then checks its own version and flags.
  const cachedData = parts && header && parts.stamp === header ? parts.data : undefined;
  if (options.requireCache && !cachedData) return undefined;
  const script = new vm.Script(`${WRAPPER_START}${source}${WRAPPER_END}`, { filename: options.scriptName ?? file, ...(cachedData ? { cachedData } : {}) });
  const cache: CodeCacheState = stored === undefined ? "absent" : cachedData === undefined || script.cachedDataRejected === true ? "rejected" : "accepted";
  const module = { exports: {} as T };
  const run = script.runInThisContext() as (exports: T, require: NodeJS.Require, module: { exports: T }, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  const loaded: CachedBundle<T> = {
    exports: module.exports,
    cache,
    saveCache(out) {
      if (!header) throw new Error(`${file} has no "// adrgen-bundle <digest>" first line: its cache could not be told from another build's`);
      const temp = `${out}.${process.pid}.tmp`;
      const made = `${TAG_PREFIX}${v8Tag()} ${process.versions.v8} ${process.arch}\n`;
      writeFileSync(temp, Buffer.concat([Buffer.from(`${header}${made}`, "latin1"), script.createCachedData()]));
      renameSync(temp, out);
    },
  };
  return register(loaded, cacheFile);
}

function register<T>(bundle: CachedBundle<T>, cacheFile: string): CachedBundle<T> {
  loadedBundles().push({ bundle: bundle as CachedBundle<unknown>, cacheFile });
  return bundle;
}

/**
 * Node 22.8+ caches what its module loader compiles once bin.ts has called module.enableCompileCache()
 * (in os.tmpdir(), or NODE_COMPILE_CACHE), for whatever V8 runs it: a build-time cache only fits the
 * V8 that made it. There a bundle is required like any CommonJS file. ADRGEN_REQUIRE_BUNDLES=1 takes
 * that path on any Node (tests use it on Node 20, which has no compile cache).
 */
function nodeCachesModules(): boolean {
  if (process.env.ADRGEN_REQUIRE_BUNDLES === "1") return true;
  const moduleApi = createRequire(import.meta.url)("node:module") as { getCompileCacheDir?: () => string | undefined };
  return moduleApi.getCompileCacheDir?.() !== undefined;
}

function requiredBundle<T>(file: string): CachedBundle<T> {
  const exports = createRequire(import.meta.url)(file) as T;
  return {
    exports,
    cache: "node-compile-cache",
    saveCache() {
      throw new Error(`${file} was loaded through Node's module loader: its code cache is Node's, not adrgen's`);
    },
  };
}

/**
 * Every bundle loaded in this process with the cache file it reads. A global, not a module variable:
 * the lean bundle holds its own copy of this module (it loads the config schema's bundle), bin.ts another.
 */
function loadedBundles(): Array<{ bundle: CachedBundle<unknown>; cacheFile: string }> {
  const key = Symbol.for("adrgen.cachedBundles");
  const store = globalThis as Record<symbol, Array<{ bundle: CachedBundle<unknown>; cacheFile: string }> | undefined>;
  return (store[key] ??= []);
}

/** Each bundle loaded so far, by file name, with whether V8 used its cache (for ADRGEN_DEBUG). */
export function loadedCacheStates(): Array<{ name: string; cache: CodeCacheState }> {
  return loadedBundles().map(({ bundle, cacheFile }) => ({ name: path.basename(cacheFile, ".cache"), cache: bundle.cache }));
}

/** Saves the code cache of every bundle loaded so far beside it (the build's warm-up run): the files written. */
export function saveLoadedCaches(): string[] {
  return loadedBundles()
    .filter(({ bundle }) => bundle.cache !== "node-compile-cache")
    .map(({ bundle, cacheFile }) => {
      bundle.saveCache(cacheFile);
      return cacheFile;
    });
}

/** After the stamp line, a cache file names the V8 it was made by: `// v8 <cachedDataVersionTag> <V8 version> <arch>`. */
const TAG_PREFIX = "// v8 ";

/**
 * Whether V8 will take a cache made by the V8 its tag line names. The tag (v8.cachedDataVersionTag)
 * covers V8's version, its flags and the CPU's features; V8's own check covers the version and the
 * flags but not the CPU. So a cache also fits when only the CPU differs: same V8 version and
 * architecture, and this run sets no V8 flags (no Node options at all, to be sure).
 */
function fitsThisV8(made: string): boolean {
  const [tag, version, arch] = made.split(" ");
  if (tag === String(v8Tag())) return true;
  return version === process.versions.v8 && arch === process.arch && process.execArgv.length === 0 && !process.env.NODE_OPTIONS?.trim();
}

/** A cache file's stamp line, what its tag line says and the V8 code cache after them; undefined when a line is missing. */
function cacheFileParts(stored: Buffer): { stamp: string; made: string; data: Buffer } | undefined {
  const stampEnd = stored.indexOf(10);
  const tagEnd = stampEnd < 0 ? -1 : stored.indexOf(10, stampEnd + 1);
  if (tagEnd < 0 || stored.toString("latin1", stampEnd + 1, stampEnd + 1 + TAG_PREFIX.length) !== TAG_PREFIX) return undefined;
  return {
    stamp: stored.toString("latin1", 0, stampEnd + 1),
    made: stored.toString("latin1", stampEnd + 1 + TAG_PREFIX.length, tagEnd),
    data: stored.subarray(tagEnd + 1),
  };
}

/** This V8's cache compatibility tag (version, flags, CPU features); node:v8 loads only when asked. */
function v8Tag(): number {
  return (createRequire(import.meta.url)("node:v8") as typeof import("node:v8")).cachedDataVersionTag();
}

/** The bundle's stamp line (the cache file's header), or undefined for a bundle made without one. */
function stampOf(source: string): string | undefined {
  return STAMP.exec(source)?.[0];
}
