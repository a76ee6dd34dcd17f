import { afterAll, describe, expect, it } from "@jest/globals";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { copyFixture } from "../scan/fixture-repo.js";
import { BUILD_CACHES_APPLY, BUILT_CLI, PROJECT_ROOT, spawnAdrgen, type SpawnResult } from "../helpers/spawn.js";
import { cleanupTempDirs } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

const ESM_CLI = { ADRGEN_NO_LEAN_CLI: "1" };
const LEAN_DIR = path.join(PROJECT_ROOT, "dist/lean");

/** The files under docs/adr with their text, to compare what two runs wrote. */
function adrFiles(root: string): Record<string, string> {
  const dir = path.join(root, "docs/adr");
  return Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(path.join(dir, name), "utf8")]));
}

/** Runs a command on the cached bundle in one copy of a fixture and on the ES-module CLI in another. */
function bothPaths(fixture: string, args: string[]): { lean: SpawnResult; esm: SpawnResult; leanRoot: string; esmRoot: string } {
  const leanRoot = copyFixture(fixture, { git: true });
  const esmRoot = copyFixture(fixture, { git: true });
  return { lean: spawnAdrgen(args, { cwd: leanRoot }), esm: spawnAdrgen(args, { cwd: esmRoot, env: ESM_CLI }), leanRoot, esmRoot };
}

// bin.ts runs list, show and new from dist/lean/cli.cjs with the code cache the build made for each: same code, other bundle.
describe("the cached whole-CLI bundle", () => {
  it("is made for list, show, new and suggest; every lean bundle is ASCII only (bin.ts reads them as latin1)", () => {
    const caches = readdirSync(LEAN_DIR).filter((name) => /^cli\..+\.cache$/.test(name)).sort();
    expect(caches).toEqual(["cli.list.cache", "cli.new.cache", "cli.show.cache", "cli.suggest.cache"]);
    const bundles = readdirSync(LEAN_DIR).filter((name) => name.endsWith(".cjs")).sort();
    expect(bundles).toEqual(["cli.cjs", "config-schema.cjs", "context.cjs"]);
    for (const name of bundles) expect(/[^\x00-\x7f]/.test(readFileSync(path.join(LEAN_DIR, name), "latin1"))).toBe(false);
  });

  it.each([
    ["new", "--yes", "--dry-run", "choose message queue"],
    ["new", "--yes", "choose message queue", "--json"],
    ["list"],
    ["list", "--json"],
    ["show", "1"],
    ["show", "99"],
    ["new"],
  ])("adrgen %s …: the same output, exit code and files as the ES-module CLI", (...args) => {
    const { lean, esm, leanRoot, esmRoot } = bothPaths("node-postgres-redis", args);
    expect(lean).toEqual(esm);
    expect(adrFiles(leanRoot)).toEqual(adrFiles(esmRoot));
  });

  (BUILD_CACHES_APPLY ? it : it.skip)("runs with the code cache this Node accepts, and names nothing else", () => {
    const root = copyFixture("node-postgres-redis", { git: true });
    for (const command of ["list", "show"]) {
      const run = spawnAdrgen(command === "show" ? ["show", "1"] : [command], { cwd: root, env: { ADRGEN_DEBUG: "1" } });
      expect(run.code).toBe(0);
      expect(run.stderr).toContain(`debug cli.${command}: code cache accepted\n`);
    }
    const generated = spawnAdrgen(["new", "--yes", "--dry-run", "choose message queue"], { cwd: root, env: { ADRGEN_DEBUG: "1" } });
    expect(generated.code).toBe(0);
    expect(generated.stderr).toContain("debug cli.new: code cache accepted\n");
    // The pre-commit hook: a staged dependency change.
    const hooked = copyFixture("node-postgres-redis", { git: true });
    const manifest = path.join(hooked, "package.json");
    writeFileSync(manifest, JSON.stringify({ ...JSON.parse(readFileSync(manifest, "utf8")), dependencies: { kafkajs: "^2.2.4" } }, null, 2));
    spawnSync("git", ["add", "package.json"], { cwd: hooked });
    const suggested = spawnAdrgen(["suggest", "--staged"], { cwd: hooked, env: { ADRGEN_DEBUG: "1" } });
    expect(suggested.stderr).toContain("debug cli.suggest: code cache accepted\n");
    const esm = spawnAdrgen(["suggest", "--staged"], { cwd: hooked, env: ESM_CLI });
    expect({ ...suggested, stderr: suggested.stderr.replace(/^debug .*\n/gm, "") }).toEqual(esm);
    // Commands without a cache of their own run the ES-module CLI.
    const linted = spawnAdrgen(["lint"], { cwd: root, env: { ADRGEN_DEBUG: "1" } });
    expect(linted.stderr).not.toContain("code cache");
  });

  it("through Node's module loader (Node 22.8+ with its compile cache; forced here) gives the same answers", () => {
    const root = copyFixture("node-postgres-redis", { git: true });
    const env = { ADRGEN_REQUIRE_BUNDLES: "1", ADRGEN_DEBUG: "1" };
    for (const args of [["list", "--json"], ["show", "1"], ["new", "--yes", "--dry-run", "choose message queue"], ["context", "--json"]]) {
      const required = spawnAdrgen(args, { cwd: root, env });
      const cached = spawnAdrgen(args, { cwd: root });
      expect(required.code).toBe(0);
      expect(required.stdout).toBe(cached.stdout);
      expect(required.stderr).toMatch(/^debug (cli\.\w+|context\.cjs): code cache node-compile-cache$/m);
    }
  });

  (BUILD_CACHES_APPLY ? it : it.skip)("is not used where V8 would reject the cache (other V8 flags): the ES-module CLI answers the same", () => {
    const root = copyFixture("node-postgres-redis", { git: true });
    const run = (nodeFlags: string[]) =>
      spawnSync(process.execPath, [...nodeFlags, BUILT_CLI, "list", "--json"], { cwd: root, env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: "1", ADRGEN_DEBUG: "1" }, encoding: "utf8" });
    // --stack-size changes V8's cache tag: compiling the whole bundle without its cache would cost more than the chunks.
    const otherFlags = run(["--stack-size=2000"]);
    expect(otherFlags.status).toBe(0);
    expect(otherFlags.stderr).not.toContain("code cache");
    const cached = run([]);
    expect(cached.stderr).toContain("debug cli.list: code cache accepted");
    expect(otherFlags.stdout).toBe(cached.stdout);
    // Node without require(esm): the bundle could not load the packages it leaves out.
    const noRequire = run(["--no-experimental-require-module"]);
    expect(noRequire.stderr).not.toContain("code cache");
    expect(noRequire.stdout).toBe(cached.stdout);
  });
});
