import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { spawnSync } from "node:child_process";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";
import { BUILT_CLI, spawnAdrgen, type SpawnResult } from "../helpers/spawn.js";
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
    // Paths inside dist/, e.g. lean/context.js or chunks/cli-ABC123.js.
    const urls = readFileSync(log, "utf8").split("\n").filter((url) => url.includes("/dist/"));
    return [...new Set(urls.map((url) => url.slice(url.lastIndexOf("/dist/") + 6)))];
  };

  it("loads neither yargs nor the other commands for a plain context run", () => {
    const root = copyFixture("node-postgres-redis", { git: true });
    const lean = loadedModules(["context", "--json"], root);
    expect(lean).toContain("lean/context.js");
    expect(lean.filter((name) => name.startsWith("chunks/cli-"))).toEqual([]);
    // One bundle instead of the shared chunks: a handful of files, not the twenty-odd the full CLI loads.
    expect(lean.length).toBeLessThan(16);
    const full = loadedModules(["context", "--json"], root, FULL_CLI);
    expect(full.some((name) => name.startsWith("chunks/cli-"))).toBe(true);
    expect(full).not.toContain("lean/context.js");
    expect(full.length).toBeGreaterThan(lean.length);
  });

  it("falls back to the full CLI for anything unusual", () => {
    const root = copyFixture("empty", { git: true });
    const modules = loadedModules(["context", "--json", "--json"], root);
    expect(modules.some((name) => name.startsWith("chunks/cli-"))).toBe(true);
    expect(modules).not.toContain("lean/context.js");
  });
});
