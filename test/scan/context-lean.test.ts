import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { spawn, spawnSync } from "node:child_process";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";
import { BUILD_CACHES_APPLY, BUILT_CLI, spawnAdrgen, type SpawnResult } from "../helpers/spawn.js";
import { copyFixture, FIXTURES } from "./fixture-repo.js";

afterAll(cleanupTempDirs);

const FULL_CLI = { ADRGEN_NO_LEAN_CONTEXT: "1" };

/** Runs the built CLI twice, on the lean path and through yargs, and returns both results. */
function bothPaths(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): { lean: SpawnResult; full: SpawnResult } {
  return { lean: spawnAdrgen(args, { cwd, env }), full: spawnAdrgen(args, { cwd, env: { ...env, ...FULL_CLI } }) };
}

// bin.ts answers a plain `context` without loading yargs: these runs prove that answer is the one the full CLI gives.
describe("adrgen context: lean path and full CLI agree", () => {
  const fixtures = readdirSync(FIXTURES).sort();

  it.each(fixtures)("%s: same stdout, stderr and exit code, human and --json", (name) => {
    const root = copyFixture(name, { git: true });
    for (const args of [["context"], ["context", "--json"], ["context", "-q"]]) {
      const { lean, full } = bothPaths(args, root);
      expect(lean).toEqual(full);
      expect(lean.code).toBe(0);
    }
  });

  it("--cwd, --cwd=, --dir and a subdirectory give the same answers", () => {
    const root = copyFixture("node-workspaces", { git: true });
    const elsewhere = makeTempDir();
    const runs: Array<[string[], string]> = [
      [["context", "--json", "--cwd", root], elsewhere],
      [["context", `--cwd=${root}`], elsewhere],
      [["context", "--json"], path.join(root, "packages")],
      [["context", "--json", "--dir", "no/such/dir"], root],
      [["context", "--dir=docs/adr", "--quiet"], root],
    ];
    for (const [args, cwd] of runs) {
      const { lean, full } = bothPaths(args, cwd);
      expect(lean).toEqual(full);
      expect(lean.code).toBe(0);
    }
  });

  it("a config file, ADRs with YAML front matter and a Maven build (code kept outside the bundle) read the same", () => {
    const root = copyFixture("java-spring-maven", { git: true });
    writeFileSync(path.join(root, ".adrgenrc.json"), JSON.stringify({ dirs: ["decisions"] }));
    const adr = ["---", "status: accepted", "date: 2026-01-02", "---", "", "# Use Spring Boot", "", "## Context and Problem Statement", "", "x", ""].join("\n");
    const dir = path.join(root, "decisions");
    mkdirSync(dir);
    writeFileSync(path.join(dir, "0001-use-spring-boot.md"), adr);
    const { lean, full } = bothPaths(["context", "--json"], root);
    expect(lean).toEqual(full);
    expect(lean.code).toBe(0);
    const context = JSON.parse(lean.stdout);
    expect(context.existingDecisions).toEqual([{ number: 1, title: "Use Spring Boot", status: "accepted", file: "decisions/0001-use-spring-boot.md" }]);
    expect(context.frameworks.map((item: { name: string }) => item.name)).toContain("spring-boot");
  });

  it("errors read the same and exit with the same code", () => {
    const broken = makeTempDir({ ".adrgenrc.json": "{ not json" });
    const invalid = makeTempDir({ ".adrgenrc.json": JSON.stringify({ dirs: [42] }) });
    const runs: Array<[string[], string, number]> = [
      [["context", "--cwd", "/no/such/directory"], makeTempDir(), 2],
      [["context", "--json"], broken, 2],
      [["context"], invalid, 2],
    ];
    for (const [args, cwd, code] of runs) {
      const { lean, full } = bothPaths(args, cwd);
      expect(lean).toEqual(full);
      expect(lean.code).toBe(code);
      expect(lean.stderr).toMatch(/^error /);
    }
  });

  it("colour follows the same environment rules (FORCE_COLOR)", () => {
    const root = copyFixture("node-postgres-redis", { git: true });
    const { lean, full } = bothPaths(["context"], root, { NO_COLOR: "", FORCE_COLOR: "1" });
    expect(lean).toEqual(full);
    expect(lean.stdout).toContain("\u001b[");
  });
});

describe("adrgen context: the lean path is taken", () => {
  let hooks: string;
  beforeAll(() => {
    // A module resolve hook logs every module the run loads, so the test sees which code a run needed.
    const dir = makeTempDir();
    writeFileSync(
      path.join(dir, "hooks.mjs"),
      'import { appendFileSync } from "node:fs";\nexport async function resolve(specifier, context, next) {\n  const result = await next(specifier, context);\n  appendFileSync(process.env.ADRGEN_TEST_MODULE_LOG, `${result.url}\\n`);\n  return result;\n}\n',
    );
    hooks = path.join(dir, "register.mjs");
    writeFileSync(hooks, `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(path.join(dir, "hooks.mjs")).href)});\n`);
  });

  const loadedModules = (args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string[] => {
    const log = path.join(makeTempDir(), "modules.log");
    writeFileSync(log, "");
    const result = spawnSync(process.execPath, ["--import", pathToFileURL(hooks).href, BUILT_CLI, ...args], {
      cwd,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: "1", ADRGEN_TEST_MODULE_LOG: log, ...env },
      encoding: "utf8",
    });
    expect(result.status).toBe(0);
    // Paths inside dist/, e.g. chunks/code-cache-ABC123.js or chunks/cli-ABC123.js.
    const urls = readFileSync(log, "utf8").split("\n").filter((url) => url.includes("/dist/"));
    return [...new Set(urls.map((url) => url.slice(url.lastIndexOf("/dist/") + 6)))];
  };

  it("loads neither yargs nor the other commands for a plain context run", () => {
    const root = copyFixture("node-postgres-redis", { git: true });
    const lean = loadedModules(["context", "--json"], root);
    // The lean bundle is CommonJS loaded through vm.Script (no module resolution): only bin.ts and the loader are ES modules.
    expect(lean.some((name) => name.startsWith("chunks/code-cache-"))).toBe(true);
    expect(lean.filter((name) => name.startsWith("chunks/cli-"))).toEqual([]);
    expect(lean.length).toBeLessThan(6);
    const full = loadedModules(["context", "--json"], root, FULL_CLI);
    expect(full.some((name) => name.startsWith("chunks/cli-"))).toBe(true);
    expect(full.some((name) => name.startsWith("chunks/code-cache-"))).toBe(false);
    expect(full.length).toBeGreaterThan(lean.length);
  });

  (BUILD_CACHES_APPLY ? it : it.skip)("runs the bundle with the code cache the build made (the same Node accepts it)", () => {
    const root = copyFixture("node-postgres-redis", { git: true });
    const run = spawnAdrgen(["context", "--json"], { cwd: root, env: { ADRGEN_DEBUG: "1" } });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("debug context.cjs: code cache accepted\n");
    expect(JSON.parse(run.stdout).datastores.map((item: { name: string }) => item.name)).toContain("postgresql");
    // With a config file the config schema's own bundle loads too, also from its cache.
    writeFileSync(path.join(root, ".adrgenrc.json"), JSON.stringify({ dirs: ["docs/adr"] }));
    const configured = spawnAdrgen(["context", "--json"], { cwd: root, env: { ADRGEN_DEBUG: "1" } });
    expect(configured.code).toBe(0);
    expect(configured.stderr).toBe("debug context.cjs: code cache accepted\ndebug config-schema.cjs: code cache accepted\n");
    expect(configured.stdout).toBe(run.stdout);
  });

  (BUILD_CACHES_APPLY ? it : it.skip)("takes the full CLI where Node cannot require ES modules (the bundle requires globby outside git)", () => {
    const root = copyFixture("node-postgres-redis");
    const run = (nodeFlags: string[], env: NodeJS.ProcessEnv = {}) =>
      spawnSync(process.execPath, [...nodeFlags, BUILT_CLI, "context", "--json"], { cwd: root, env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: "1", ADRGEN_DEBUG: "1", ...env }, encoding: "utf8" });
    const without = run(["--no-experimental-require-module"]);
    expect(without.status).toBe(0);
    expect(without.stderr).not.toContain("code cache");
    const lean = run([]);
    expect(lean.stderr).toContain("debug context.cjs: code cache accepted");
    expect(without.stdout).toBe(lean.stdout);
    expect(JSON.parse(lean.stdout).datastores.map((item: { name: string }) => item.name)).toContain("postgresql");
  });

  it("falls back to the full CLI for anything unusual", () => {
    const root = copyFixture("empty", { git: true });
    const modules = loadedModules(["context", "--json", "--json"], root);
    expect(modules.some((name) => name.startsWith("chunks/cli-"))).toBe(true);
    expect(modules.some((name) => name.startsWith("chunks/code-cache-"))).toBe(false);
  });
});

describe("adrgen context: a failed start harms nothing else", () => {
  // A git listing that cannot start (the directory is missing) was once stopped before Node had reported the
  // failure: killing a child without a pid signals pid 0, the whole process group (the user's shell).
  it("a --cwd that is a file exits 2 with the usage message on both paths (spawn throws ENOTDIR at once)", () => {
    const dir = makeTempDir({ "file.txt": "x" });
    const { lean, full } = bothPaths(["context", "--cwd", "file.txt"], dir);
    expect(lean).toEqual(full);
    expect(lean.code).toBe(2);
    expect(lean.stderr).toContain("--cwd file.txt is not a directory");
  });

  it("a missing --cwd exits 2 without signalling its process group", async () => {
    // A shell stands for the user's: adrgen itself handles SIGTERM, the shell dies of it.
    const child = spawn("sh", ["-c", '"$0" "$1" context --cwd /no/such/directory; echo "exit $?"', process.execPath, BUILT_CLI], {
      cwd: makeTempDir(),
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: "1" },
      // Its own process group, so a regression kills the shell and not this test runner.
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on("close", (c, s) => resolve([c, s])));
    expect({ code, signal, stdout }).toEqual({ code: 0, signal: null, stdout: "exit 2\n" });
    expect(stderr).toContain("--cwd /no/such/directory is not a directory");
  });
});
