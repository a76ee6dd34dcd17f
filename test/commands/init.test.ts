import { afterAll, describe, expect, it } from "@jest/globals";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { runAdrgen } from "../helpers/run.js";
import { cleanupTempDirs, makeGitRepo, makeTempDir } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

const ENV = { ADRGEN_DECISION_MAKERS: "Alex Example" };
const FIRST = "0001-record-architecture-decisions.md";

describe("adrgen init", () => {
  it("creates docs/adr with ADR 0001 (accepted, MADR 4) and records the directory in .adr-dir", async () => {
    const repo = makeGitRepo();
    const result = await runAdrgen(["init"], { cwd: repo, env: ENV });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`docs/adr/${FIRST}\n`);
    const text = readFileSync(path.join(repo, "docs/adr", FIRST), "utf8");
    expect(text).toMatch(/^---\nstatus: accepted\ndate: 2026-01-15\ndecision-makers:\n {2}- Alex Example\n---\n\n# Record architecture decisions\n/);
    expect(text).toContain('Chosen option: "MADR 4 records in the repository", because');
    expect(text).not.toMatch(/\{[a-z][^}]*\}/i);
    expect(readFileSync(path.join(repo, ".adr-dir"), "utf8")).toBe("docs/adr\n");
    // The default directory needs no config file.
    expect(existsSync(path.join(repo, ".adrgenrc.json"))).toBe(false);
  });

  it("is safe to run twice: says the directory exists and writes nothing", async () => {
    const repo = makeGitRepo();
    await runAdrgen(["init"], { cwd: repo, env: ENV });
    const file = path.join(repo, "docs/adr", FIRST);
    const before = { text: readFileSync(file, "utf8"), mtime: statSync(file).mtimeMs, files: readdirSync(path.join(repo, "docs/adr")) };
    const again = await runAdrgen(["init"], { cwd: repo, env: { ADRGEN_DATE: "2030-12-31", ADRGEN_DECISION_MAKERS: "Someone Else" } });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe("");
    expect(again.stderr).toMatch(/docs\/adr already exists/);
    expect(readFileSync(file, "utf8")).toBe(before.text);
    expect(statSync(file).mtimeMs).toBe(before.mtime);
    expect(readdirSync(path.join(repo, "docs/adr"))).toEqual(before.files);
  });

  it("takes a directory argument and records it in .adr-dir and .adrgenrc.json; later commands use it", async () => {
    const repo = makeGitRepo();
    const result = await runAdrgen(["init", "doc/architecture/decisions"], { cwd: repo, env: ENV });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`doc/architecture/decisions/${FIRST}\n`);
    expect(readFileSync(path.join(repo, ".adr-dir"), "utf8")).toBe("doc/architecture/decisions\n");
    expect(JSON.parse(readFileSync(path.join(repo, ".adrgenrc.json"), "utf8"))).toEqual({ dir: "doc/architecture/decisions" });
    const next = await runAdrgen(["new", "Second decision", "--blank"], { cwd: repo, env: ENV });
    expect(next.stdout).toBe("doc/architecture/decisions/0002-second-decision.md\n");
  });

  it("accepts --dir like the argument", async () => {
    const repo = makeGitRepo();
    const result = await runAdrgen(["init", "--dir", "adr"], { cwd: repo, env: ENV });
    expect(result.stdout).toBe(`adr/${FIRST}\n`);
    expect(JSON.parse(readFileSync(path.join(repo, ".adrgenrc.json"), "utf8"))).toEqual({ dir: "adr" });
  });

  it("uses the configured directory and never rewrites an existing config", async () => {
    const config = `{ "dir": "decisions" }\n`;
    const repo = makeGitRepo({ ".adrgenrc.json": config });
    const result = await runAdrgen(["init"], { cwd: repo, env: ENV });
    expect(result.stdout).toBe(`decisions/${FIRST}\n`);
    expect(readFileSync(path.join(repo, ".adrgenrc.json"), "utf8")).toBe(config);
    expect(readFileSync(path.join(repo, ".adr-dir"), "utf8")).toBe("decisions\n");
  });

  it("works from a subdirectory: the ADR directory is at the repository root, the path is shown relative to cwd", async () => {
    const repo = makeGitRepo({ "src/app/main.ts": "" });
    const result = await runAdrgen(["init"], { cwd: path.join(repo, "src/app"), env: ENV });
    expect(result.stdout).toBe(`../../docs/adr/${FIRST}\n`);
    expect(existsSync(path.join(repo, "docs/adr", FIRST))).toBe(true);
  });

  it("fills an existing but empty ADR directory", async () => {
    const repo = makeGitRepo({ "docs/decisions/.gitkeep": "" });
    const result = await runAdrgen(["init"], { cwd: repo, env: ENV });
    expect(result.stdout).toBe(`docs/decisions/${FIRST}\n`);
  });

  it("writes ADR 0001 with another template on request", async () => {
    const repo = makeTempDir();
    const result = await runAdrgen(["init", "--template", "nygard"], { cwd: repo, env: ENV });
    expect(result.code).toBe(0);
    const text = readFileSync(path.join(repo, "docs/adr", FIRST), "utf8");
    expect(text).toMatch(/^# 1\. Record architecture decisions\n\nDate: 2026-01-15\n\n## Status\n\nAccepted\n/);
    expect(text).toContain("We will use MADR 4 records in the repository, because");
  });

  it("rejects an invalid ADRGEN_DATE with exit 2 and writes nothing", async () => {
    const repo = makeTempDir();
    const result = await runAdrgen(["init"], { cwd: repo, env: { ...ENV, ADRGEN_DATE: "2024-14-02" } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/ADRGEN_DATE=2024-14-02 is not a valid date/);
    expect(readdirSync(repo)).toEqual([]);
  });
});
