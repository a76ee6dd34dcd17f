import { afterAll, describe, expect, it } from "@jest/globals";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { loadCachedBundle } from "../../src/io/code-cache.js";
import { PROJECT_ROOT } from "../helpers/spawn.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

// A CommonJS bundle that uses everything the wrapper hands it: exports, module, require, __filename, __dirname.
const BUNDLE = [
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

  it("saves the cache atomically, leaving no temporary file", () => {
    const dir = bundleDir();
    const file = path.join(dir, "bundle.cjs");
    loadCachedBundle<Bundle>(file).saveCache(path.join(dir, "out.cache"));
    expect(readFileSync(path.join(dir, "out.cache")).length).toBeGreaterThan(0);
    expect(readdirSync(dir).sort()).toEqual(["bundle.cjs", "out.cache"]);
  });
});
