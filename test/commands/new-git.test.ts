import { afterAll, describe, expect, it } from "@jest/globals";
import { runAdrgen } from "../helpers/run.js";
import { cleanupTempDirs, git, makeGitRepo, writeFiles } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

const filesOf = (dir: string) => git(dir, "show", "--name-only", "--format=", "HEAD").trim().split("\n").sort();
const commitCount = (dir: string) => Number(git(dir, "rev-list", "--count", "HEAD").trim());

describe("new --branch --commit", () => {
  it("new --blank --supersedes: one commit on adr/NNNN-slug with the new ADR, the superseded one and the index; nothing else", async () => {
    const dir = makeGitRepo({ "README.md": "# app\n" });
    await runAdrgen(["init"], { cwd: dir });
    await runAdrgen(["index"], { cwd: dir });
    git(dir, "add", "-A");
    git(dir, "commit", "-q", "-m", "adrs");
    writeFiles(dir, { "README.md": "# app, edited\n", "scratch.txt": "x\n" });
    git(dir, "add", "README.md");
    const before = commitCount(dir);
    const result = await runAdrgen(["new", "Use PostgreSQL", "--blank", "--supersedes", "1", "--branch", "--commit"], { cwd: dir });
    expect(result.stderr).toContain("switched to new branch adr/0002-use-postgresql");
    expect(result.code).toBe(0);
    expect(git(dir, "symbolic-ref", "--short", "HEAD").trim()).toBe("adr/0002-use-postgresql");
    expect(commitCount(dir)).toBe(before + 1);
    expect(git(dir, "log", "-1", "--format=%s").trim()).toBe("docs(adr): 0002 Use PostgreSQL");
    expect(filesOf(dir)).toEqual(["docs/adr/0001-record-architecture-decisions.md", "docs/adr/0002-use-postgresql.md", "docs/adr/README.md"]);
    expect(git(dir, "diff", "--cached", "--name-only").trim()).toBe("README.md");
    expect(git(dir, "status", "--porcelain", "scratch.txt").trim()).toBe("?? scratch.txt");
  });

  it("a generated ADR with --commit: one commit on the current branch holding only the ADR", async () => {
    const dir = makeGitRepo({ "docker-compose.yml": "services:\n  cache:\n    image: redis:7\n" });
    const before = commitCount(dir);
    const result = await runAdrgen(["new", "choose message queue", "--yes", "--commit"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(commitCount(dir)).toBe(before + 1);
    expect(git(dir, "symbolic-ref", "--short", "HEAD").trim()).toBe("main");
    expect(git(dir, "log", "-1", "--format=%s").trim()).toBe("docs(adr): 0001 choose message queue");
    expect(filesOf(dir)).toEqual([result.stdout.trim()]);
  });

  it("new --commit outside a git repository writes nothing (exit 2)", async () => {
    const { makeTempDir } = await import("../helpers/tmp.js");
    const { existsSync } = await import("node:fs");
    const dir = makeTempDir({ "docs/adr/.keep": "" });
    const result = await runAdrgen(["new", "Use PostgreSQL", "--blank", "--commit"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(existsSync(`${dir}/docs/adr/0001-use-postgresql.md`)).toBe(false);
  });
});
