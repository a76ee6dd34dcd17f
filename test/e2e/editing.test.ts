// The built CLI end to end for the editing commands: status, supersede, link, index.
import { afterAll, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import { spawnAdrgen } from "../helpers/spawn.js";
import { cleanupTempDirs, makeGitRepo } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

const env = { ADRGEN_DECISION_MAKERS: "Alex Example" };

describe("adrgen status, supersede, link and index (built CLI)", () => {
  it("edits ADRs written by init/new and keeps the index fresh", () => {
    const repo = makeGitRepo();
    const adr = (n: string) => readFileSync(path.join(repo, "docs/adr", n), "utf8");
    expect(spawnAdrgen(["init"], { cwd: repo, env }).code).toBe(0);
    expect(spawnAdrgen(["new", "Use MongoDB", "--blank"], { cwd: repo, env }).code).toBe(0);
    expect(spawnAdrgen(["new", "Use PostgreSQL", "--blank"], { cwd: repo, env }).code).toBe(0);

    const index = spawnAdrgen(["index"], { cwd: repo, env });
    expect(index).toMatchObject({ code: 0, stdout: "docs/adr/README.md\n" });

    const status = spawnAdrgen(["status", "3", "accepted", "--json"], { cwd: repo, env });
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toEqual({ path: "docs/adr/0003-use-postgresql.md", number: 3, from: "proposed", to: "accepted" });

    const supersede = spawnAdrgen(["supersede", "2", "3"], { cwd: repo, env });
    expect(supersede).toMatchObject({ code: 0, stdout: "docs/adr/0002-use-mongodb.md\ndocs/adr/0003-use-postgresql.md\n" });
    expect(adr("0002-use-mongodb.md")).toMatch(/^status: "superseded by \[ADR-0003\]\(0003-use-postgresql.md\)"$/m);
    expect(adr("0003-use-postgresql.md")).toMatch(/^\* Supersedes \[ADR-0002\]\(0002-use-mongodb.md\)$/m);

    expect(spawnAdrgen(["link", "3", "1", "--type", "depends on"], { cwd: repo, env }).code).toBe(0);
    expect(adr("0001-record-architecture-decisions.md")).toMatch(/^\* Is depended on by \[ADR-0003\]\(0003-use-postgresql.md\)$/m);

    const readme = adr("README.md");
    expect(readme).toContain("| 0002 | [Use MongoDB](0002-use-mongodb.md) | superseded |");
    expect(readme).toContain("| 0003 | [Use PostgreSQL](0003-use-postgresql.md) | accepted |");
    expect(readme).toContain("adr_0003_use_postgresql -->|supersedes| adr_0002_use_mongodb");
    expect(spawnAdrgen(["index", "--check"], { cwd: repo, env })).toMatchObject({ code: 0, stdout: "" });

    // The edits keep the ADRs lint-clean (warnings for template placeholders only).
    const lint = spawnAdrgen(["lint"], { cwd: repo, env });
    expect(lint.stdout).not.toMatch(/ error /);
    expect(lint.code).toBe(0);

    const unknown = spawnAdrgen(["status", "99", "accepted"], { cwd: repo, env });
    expect(unknown).toMatchObject({ code: 2, stdout: "" });
    expect(unknown.stderr).toMatch(/No ADR numbered 99/);
  });
});
