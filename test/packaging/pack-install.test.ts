// Issue 9 §6: the published tarball holds only what runs, and a global install of it works offline.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { cleanupTempDirs, makeGitRepo, makeTempDir } from "../helpers/tmp.js";
import { BUILT_CLI, PROJECT_ROOT } from "../helpers/spawn.js";

afterAll(cleanupTempDirs);

interface PackedFile {
  path: string;
}

const npm = (args: string[], cwd: string) =>
  execFileSync("npm", args, { cwd, encoding: "utf8", env: { ...process.env, npm_config_fund: "false", npm_config_audit: "false", npm_config_update_notifier: "false" }, stdio: ["ignore", "pipe", "pipe"] });

describe("npm pack", () => {
  let files: string[] = [];
  let tarball = "";

  beforeAll(() => {
    if (!existsSync(BUILT_CLI)) throw new Error("dist/adrgen.js is missing: run `npm run build` (npm test does it).");
    const out = makeTempDir();
    const report = JSON.parse(npm(["pack", "--json", "--pack-destination", out], PROJECT_ROOT)) as Array<{ filename: string; files: PackedFile[] }>;
    files = report[0]!.files.map((f) => f.path);
    tarball = path.join(out, report[0]!.filename);
  }, 60_000);

  it("ships the built CLI, templates and knowledge base, and nothing for development", () => {
    expect(files).toEqual(expect.arrayContaining(["package.json", "README.md", "dist/adrgen.js", "dist/help.json", "templates/madr4.hbs"]));
    const unwanted = files.filter((file) => /^(src|test|scripts|docs|adr-examples|\.ci|node_modules)\//.test(file) || /\.(ts|map)$/.test(file) || /(^|\/)(tsconfig|jest\.config)/.test(file));
    expect(unwanted).toEqual([]);
    // Everything outside dist/ is data read at run time.
    const topLevel = [...new Set(files.map((file) => file.split("/")[0]))].sort();
    expect(topLevel).toEqual(["README.md", "dist", "knowledge", "package.json", "templates"]);
  });

  it("installs globally from the tarball (offline, from the npm cache) and writes an ADR in a fresh repository", () => {
    const prefix = makeTempDir();
    // --offline: tests never touch the network; `npm ci` has filled the cache with every dependency.
    npm(["install", "-g", tarball, "--prefix", prefix, "--offline", "--no-audit", "--no-fund"], prefix);
    const bin = path.join(prefix, "bin", "adrgen");
    expect(existsSync(bin)).toBe(true);
    const repo = makeGitRepo();
    const stdout = execFileSync(bin, ["new", "choose message queue", "--yes"], {
      cwd: repo,
      encoding: "utf8",
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: "1", ADRGEN_DATE: "2026-01-15" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    expect(stdout.trim()).toBe("docs/adr/0001-choose-message-queue.md");
    expect(readdirSync(path.join(repo, "docs/adr"))).toEqual(["0001-choose-message-queue.md"]);
    const adr = readFileSync(path.join(repo, "docs/adr/0001-choose-message-queue.md"), "utf8");
    expect(adr).toMatch(/^# choose message queue$/m);
    expect(adr).toMatch(/Chosen option: "/);
    // The installed copy runs from the prefix, not from this checkout.
    const installed = path.join(prefix, "lib", "node_modules", "adrgen", "dist", "adrgen.js");
    expect(existsSync(installed)).toBe(true);
    expect(existsSync(path.join(prefix, "lib", "node_modules", "adrgen", "src"))).toBe(false);
  }, 120_000);
});
