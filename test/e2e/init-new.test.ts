// The built CLI end to end: exit codes, and stdout carrying only data.
import { afterAll, describe, expect, it } from "@jest/globals";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { spawnAdrgen } from "../helpers/spawn.js";
import { cleanupTempDirs, makeGitRepo } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

const env = { ADRGEN_DECISION_MAKERS: "Alex Example" };

describe("adrgen init and new (built CLI)", () => {
  it("init, new, and bad input: exit codes 0/2, stdout holds only the path", () => {
    const repo = makeGitRepo();
    const init = spawnAdrgen(["init"], { cwd: repo, env });
    expect(init).toMatchObject({ code: 0, stdout: "docs/adr/0001-record-architecture-decisions.md\n" });

    const again = spawnAdrgen(["init"], { cwd: repo, env });
    expect(again).toMatchObject({ code: 0, stdout: "" });
    expect(again.stderr).toMatch(/already exists/);

    const created = spawnAdrgen(["new", "Use PostgreSQL for persistence", "--blank"], { cwd: repo, env });
    expect(created).toMatchObject({ code: 0, stdout: "docs/adr/0002-use-postgresql-for-persistence.md\n", stderr: "" });
    expect(readFileSync(path.join(repo, created.stdout.trim()), "utf8")).toContain("\n# Use PostgreSQL for persistence\n");

    const json = spawnAdrgen(["new", "Pick a queue", "--blank", "--json"], { cwd: repo, env });
    expect(JSON.parse(json.stdout)).toEqual({ path: "docs/adr/0003-pick-a-queue.md", number: 3, title: "Pick a queue" });

    const missing = spawnAdrgen(["new", "Replace", "--blank", "--supersedes", "99"], { cwd: repo, env });
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toMatch(/error ADR 99 does not exist/);
    expect(missing.stderr).not.toMatch(/\n\s+at /);

    const noBlank = spawnAdrgen(["new", "Replace"], { cwd: repo, env });
    expect(noBlank.code).toBe(2);
    expect(readdirSync(path.join(repo, "docs/adr"))).toHaveLength(3);
  });

  it("exits 3 with a hint when the ADR directory cannot be created", () => {
    const repo = makeGitRepo();
    writeFileSync(path.join(repo, "docs"), "a file where the ADR directory should go\n");
    const result = spawnAdrgen(["new", "Anything", "--blank"], { cwd: repo, env });
    expect(result.code).toBe(3);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/Could not create the ADR directory docs\/adr/);
    expect(result.stderr).toMatch(/hint/);
  });
});
