import { afterAll, describe, expect, it } from "@jest/globals";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import v8 from "node:v8";
import { pathToFileURL } from "node:url";
import { loadCachedBundle, loadedCacheStates, saveLoadedCaches } from "../../src/io/code-cache.js";
import { PROJECT_ROOT } from "../helpers/spawn.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

// A CommonJS bundle that uses everything the wrapper hands it: exports, module, require, __filename, __dirname.
const BUNDLE = [
  "// adrgen-bundle 0123456789abcdef0123456789abcdef",
  'const path = require("node:path");',
  "exports.where = () => path.basename(__dirname) + '/' + path.basename(__filename);",
  "module.exports.square = (n) => n * n;",
  "exports.calls = 0;",
  "exports.count = function () { return ++exports.calls; };",
].join("\n");

function bundleDir(source = BUNDLE): string {
  const dir = makeTempDir({ "lib/bundle.cjs": source });
  return path.join(dir, "lib");
}

type Bundle = { where(): string; square(n: number): number; count(): number };

/** The built loader (npm test builds dist first), for runs in a fresh process. */
function builtLoader(): string {
  const chunk = readdirSync(path.join(PROJECT_ROOT, "dist/chunks")).find((name) => name.startsWith("code-cache-"));
  if (!chunk) throw new Error("dist/chunks/code-cache-*.js is missing: run `npm run build` (npm test does it).");
  return pathToFileURL(path.join(PROJECT_ROOT, "dist/chunks", chunk)).href;
}

/** Loads the bundle in a new Node process (optionally saving its cache) and reports the cache state and square(3). */
/** What V8 on its own does with a cache made for `madeFor` when it compiles `source` (each in a fresh process): the result of running it. */
function v8Runs(source: string, madeFor: string): { rejected: boolean; result: unknown } {
  const cacheFile = path.join(makeTempDir(), "raw.cache");
  const script = (mode: string) =>
    [
      'const vm = require("node:vm"); const fs = require("node:fs");',
      `const [mode, source, cacheFile] = [${JSON.stringify(mode)}, process.argv[1], ${JSON.stringify(cacheFile)}];`,
      'if (mode === "make") { const s = new vm.Script(source); s.runInThisContext(); fs.writeFileSync(cacheFile, s.createCachedData()); }',
      "else { const s = new vm.Script(source, { cachedData: fs.readFileSync(cacheFile) }); process.stdout.write(JSON.stringify({ rejected: s.cachedDataRejected, result: s.runInThisContext() })); }",
    ].join("\n");
  spawnSync(process.execPath, ["-e", script("make"), madeFor], { encoding: "utf8" });
  return JSON.parse(spawnSync(process.execPath, ["-e", script("use"), source], { encoding: "utf8" }).stdout) as { rejected: boolean; result: unknown };
}

function inFreshNode(file: string, save?: "save"): { cache: string; square: number } {
  const script = [
    `const { loadCachedBundle } = await import(${JSON.stringify(builtLoader())});`,
    `const loaded = loadCachedBundle(${JSON.stringify(file)});`,
    `const square = loaded.exports.square(3);`,
    save ? `loaded.saveCache(${JSON.stringify(`${file}.cache`)});` : "",
    "process.stdout.write(JSON.stringify({ cache: loaded.cache, square }));",
  ].join("\n");
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  expect(result.stderr).toBe("");
  return JSON.parse(result.stdout) as { cache: string; square: number };
}

describe("loadCachedBundle", () => {
  it("runs a bundle without a cache, with Node's module wrapper arguments", () => {
    const dir = bundleDir();
    const loaded = loadCachedBundle<Bundle>(path.join(dir, "bundle.cjs"));
    expect(loaded.cache).toBe("absent");
    expect(loaded.exports.where()).toBe("lib/bundle.cjs");
    expect(loaded.exports.square(7)).toBe(49);
    expect([loaded.exports.count(), loaded.exports.count()]).toEqual([1, 2]);
  });

  // V8 remembers scripts it compiled in this process and would ignore any cache: each load below runs in a fresh Node.
  it("uses the cache it saved: V8 accepts it in the next process", () => {
    const file = path.join(bundleDir(), "bundle.cjs");
    expect(inFreshNode(file, "save")).toEqual({ cache: "absent", square: 9 });
    expect(readFileSync(`${file}.cache`).length).toBeGreaterThan(0);
    expect(inFreshNode(file)).toEqual({ cache: "accepted", square: 9 });
  });

  it("compiles as usual when the cache is damaged or was made for other source", () => {
    const file = path.join(bundleDir(), "bundle.cjs");
    inFreshNode(file, "save");
    const cache = readFileSync(`${file}.cache`);

    writeFileSync(`${file}.cache`, cache.subarray(0, Math.floor(cache.length / 2)));
    expect(inFreshNode(file)).toEqual({ cache: "rejected", square: 9 });
    writeFileSync(`${file}.cache`, "not a V8 code cache at all");
    expect(inFreshNode(file)).toEqual({ cache: "rejected", square: 9 });

    // The bundle changed after its cache was made (a rebuild without the warm-up step).
    const other = path.join(bundleDir(`${BUNDLE}\nexports.extra = "a longer bundle than the one cached";`), "bundle.cjs");
    writeFileSync(`${other}.cache`, cache);
    expect(inFreshNode(other)).toEqual({ cache: "rejected", square: 9 });
  });

  it("never uses a cache made for another build of the same length (V8 alone would: it compares lengths)", () => {
    const file = path.join(bundleDir(), "bundle.cjs");
    inFreshNode(file, "save");
    // Same length, other code, other stamp: square(3) must come from this text, not from the cached build's bytecode.
    const changed = BUNDLE.replace("0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210").replace("n * n", "n + n");
    expect(changed.length).toBe(BUNDLE.length);
    const other = path.join(bundleDir(changed), "bundle.cjs");
    writeFileSync(`${other}.cache`, readFileSync(`${file}.cache`));
    expect(inFreshNode(other)).toEqual({ cache: "rejected", square: 6 });
    // What the stamp is for: V8 alone takes a cache made for other code of the same length, and runs that code.
    expect(v8Runs("(function () { return 3 + 3; })()", "(function () { return 3 * 3; })()")).toEqual({ rejected: false, result: 9 });
  });

  it("names the bundle in stack traces as asked, also from a cache made elsewhere (V8 keeps the name it was cached under)", () => {
    const source = `${BUNDLE}\nexports.fail = () => { throw new Error("boom"); };`;
    const builtAt = path.join(bundleDir(source), "bundle.cjs");
    const script = (file: string, save: boolean) =>
      [
        `const { loadCachedBundle } = await import(${JSON.stringify(builtLoader())});`,
        `const loaded = loadCachedBundle(${JSON.stringify(file)}, { scriptName: "adrgen/dist/bundle.cjs" });`,
        save ? `loaded.saveCache(${JSON.stringify(`${file}.cache`)});` : "",
        'let stack = ""; try { loaded.exports.fail(); } catch (error) { stack = error.stack; }',
        "process.stdout.write(JSON.stringify({ cache: loaded.cache, stack }));",
      ].join("\n");
    const run = (file: string, save: boolean) =>
      JSON.parse(spawnSync(process.execPath, ["--input-type=module", "-e", script(file, save)], { encoding: "utf8" }).stdout) as { cache: string; stack: string };
    expect(run(builtAt, true).cache).toBe("absent");
    // Installed somewhere else: the cache still applies, and traces name neither directory.
    const installedAt = path.join(bundleDir(source), "bundle.cjs");
    writeFileSync(`${installedAt}.cache`, readFileSync(`${builtAt}.cache`));
    const installed = run(installedAt, false);
    expect(installed.cache).toBe("accepted");
    expect(installed.stack).toContain("adrgen/dist/bundle.cjs");
    expect(installed.stack).not.toContain(path.dirname(builtAt));
    expect(installed.stack).not.toContain(path.dirname(installedAt));
  });

  it("remembers every bundle this process loaded, for the build's warm-up to save all their caches", () => {
    const first = path.join(bundleDir(), "bundle.cjs");
    const second = path.join(bundleDir(), "other.cjs");
    writeFileSync(second, BUNDLE);
    loadCachedBundle<Bundle>(first);
    loadCachedBundle<Bundle>(second, { cacheFile: `${second}.warm` });
    expect(loadedCacheStates().slice(-2)).toEqual([
      { name: "bundle.cjs", cache: "absent" },
      { name: "other.cjs.warm", cache: "absent" },
    ]);
    const written = saveLoadedCaches();
    expect(written).toEqual(expect.arrayContaining([`${first}.cache`, `${second}.warm`]));
    expect(readFileSync(`${first}.cache`).subarray(0, 16).toString()).toBe("// adrgen-bundle");
    expect(readFileSync(`${second}.warm`).length).toBeGreaterThan(50);
  });

  it("refuses to save a cache for a bundle without a stamp", () => {
    const file = path.join(bundleDir(BUNDLE.replace(/^.*\n/, "")), "bundle.cjs");
    const loaded = loadCachedBundle<Bundle>(file);
    expect(() => loaded.saveCache(`${file}.cache`)).toThrow(/adrgen-bundle/);
  });

  it("writes the V8 it was made for into the cache file, after the bundle's stamp", () => {
    const file = path.join(bundleDir(), "bundle.cjs");
    loadCachedBundle<Bundle>(file).saveCache(`${file}.cache`);
    const [stamp, tag] = readFileSync(`${file}.cache`).toString("latin1").split("\n");
    expect(stamp).toBe(BUNDLE.split("\n")[0]);
    expect(tag).toBe(`// v8 ${v8.cachedDataVersionTag()} ${process.versions.v8} ${process.arch}`);
  });

  it("with requireCache, loads and runs nothing unless the cache fits this bundle and this V8", () => {
    // Each run of the bundle appends a line to a file (the bundle runs in Node's own context, not the test's).
    const marker = path.join(makeTempDir(), "runs.log");
    const source = `${BUNDLE}\nrequire("node:fs").appendFileSync(${JSON.stringify(marker)}, "ran\\n");`;
    const file = path.join(bundleDir(source), "bundle.cjs");
    const runs = () => (existsSync(marker) ? readFileSync(marker, "utf8").split("\n").length - 1 : 0);
    const before = runs();
    expect(loadCachedBundle<Bundle>(file, { requireCache: true })).toBeUndefined();
    loadCachedBundle<Bundle>(file).saveCache(`${file}.cache`);
    expect(runs()).toBe(before + 1);
    // A cache another Node (or other V8 flags) made: its tag differs, so nothing is compiled or run.
    const cache = readFileSync(`${file}.cache`).toString("latin1");
    writeFileSync(`${file}.cache`, Buffer.from(cache.replace(/^(.*\n\/\/ v8 )\d+/, "$11"), "latin1"));
    expect(loadCachedBundle<Bundle>(file, { requireCache: true })).toBeUndefined();
    // Without the tag line (a cache from before tags), or made for another build: the same.
    writeFileSync(`${file}.cache`, Buffer.from(cache.replace(/\n\/\/ v8 \d+/, ""), "latin1"));
    expect(loadCachedBundle<Bundle>(file, { requireCache: true })).toBeUndefined();
    writeFileSync(`${file}.cache`, Buffer.from(cache.replace(/^\/\/ adrgen-bundle 0/, "// adrgen-bundle 1"), "latin1"));
    expect(loadCachedBundle<Bundle>(file, { requireCache: true })).toBeUndefined();
    expect(runs()).toBe(before + 1);
  });

  it("with requireCache, runs a bundle whose cache fits (in a fresh process, where V8 has not compiled it yet)", () => {
    const file = path.join(bundleDir(), "bundle.cjs");
    inFreshNode(file, "save");
    const script = [
      `const { loadCachedBundle } = await import(${JSON.stringify(builtLoader())});`,
      `const loaded = loadCachedBundle(${JSON.stringify(file)}, { requireCache: true, ascii: true });`,
      "process.stdout.write(JSON.stringify({ cache: loaded?.cache, square: loaded?.exports.square(4) }));",
    ].join("\n");
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(JSON.parse(result.stdout)).toEqual({ cache: "accepted", square: 16 });
  });

  it("leaves caching to Node where its module compile cache is on (ADRGEN_REQUIRE_BUNDLES stands in for Node 22.8+ here)", () => {
    const file = path.join(bundleDir(), "bundle.cjs");
    const saved = process.env.ADRGEN_REQUIRE_BUNDLES;
    process.env.ADRGEN_REQUIRE_BUNDLES = "1";
    try {
      const loaded = loadCachedBundle<Bundle>(file, { requireCache: true });
      expect(loaded?.cache).toBe("node-compile-cache");
      expect(loaded?.exports.square(5)).toBe(25);
      expect(loaded?.exports.where()).toBe("lib/bundle.cjs");
      expect(loadedCacheStates().at(-1)).toEqual({ name: "bundle.cjs", cache: "node-compile-cache" });
      // Nothing of adrgen's own to save for it (the build's warm-ups never take this path).
      expect(() => loaded?.saveCache(`${file}.cache`)).toThrow(/Node's module loader/);
      expect(readdirSync(path.dirname(file))).toEqual(["bundle.cjs"]);
    } finally {
      if (saved === undefined) delete process.env.ADRGEN_REQUIRE_BUNDLES;
      else process.env.ADRGEN_REQUIRE_BUNDLES = saved;
    }
  });

  it("with requireCache, takes a cache whose tag differs only by CPU (same V8 and architecture, no V8 flags): V8's own check ignores the CPU", () => {
    const file = path.join(bundleDir(), "bundle.cjs");
    inFreshNode(file, "save");
    const cache = readFileSync(`${file}.cache`).toString("latin1");
    const run = (tagLine: string, nodeFlags: string[] = []) => {
      writeFileSync(`${file}.cache`, Buffer.from(cache.replace(/\n\/\/ v8 [^\n]*\n/, `\n// v8 ${tagLine}\n`), "latin1"));
      const script = [
        `const { loadCachedBundle } = await import(${JSON.stringify(builtLoader())});`,
        `const loaded = loadCachedBundle(${JSON.stringify(file)}, { requireCache: true });`,
        "process.stdout.write(JSON.stringify({ cache: loaded?.cache ?? null }));",
      ].join("\n");
      // A script file, not -e: --input-type would itself be a Node option of the run.
      const scriptFile = path.join(makeTempDir(), "load.mjs");
      writeFileSync(scriptFile, script);
      const result = spawnSync(process.execPath, [...nodeFlags, scriptFile], { encoding: "utf8", env: { PATH: process.env.PATH } });
      return JSON.parse(result.stdout) as { cache: string | null };
    };
    // The tag of a machine with other CPU features (a number this machine does not have), same V8 and architecture.
    expect(run(`1 ${process.versions.v8} ${process.arch}`)).toEqual({ cache: "accepted" });
    // Another V8 version or architecture: not offered.
    expect(run(`1 0.0.0.0 ${process.arch}`)).toEqual({ cache: null });
    expect(run(`1 ${process.versions.v8} other-arch`)).toEqual({ cache: null });
    // Node options in this run might be V8 flags: only the exact tag is trusted then.
    expect(run(`1 ${process.versions.v8} ${process.arch}`, ["--stack-size=984"])).toEqual({ cache: null });
  });

  it("saves the cache atomically, leaving no temporary file", () => {
    const dir = bundleDir();
    const file = path.join(dir, "bundle.cjs");
    loadCachedBundle<Bundle>(file).saveCache(path.join(dir, "out.cache"));
    expect(readFileSync(path.join(dir, "out.cache")).length).toBeGreaterThan(0);
    expect(readdirSync(dir).sort()).toEqual(["bundle.cjs", "out.cache"]);
  });
});
