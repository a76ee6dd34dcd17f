import { afterAll, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import { runAdrgen } from "../helpers/run.js";
import { cleanupTempDirs, git, makeGitRepo, makeTempDir, writeFiles } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

const nygard = (n: number, title: string, status = "Proposed") => `# ${n}. ${title}

Date: 2026-01-10

## Status

${status}

## Context

Text ${n}.
`;

function repo(): string {
  const dir = makeGitRepo({
    "docs/adr/0001-record-decisions.md": nygard(1, "Record decisions", "Accepted"),
    "docs/adr/0002-use-kafka.md": nygard(2, "Use Kafka"),
    "docs/adr/0003-use-redis.md": nygard(3, "Use Redis"),
    "src/app.ts": "export const a = 1;\n",
  });
  return dir;
}

const commitCount = (dir: string) => Number(git(dir, "rev-list", "--count", "HEAD").trim());
const filesOf = (dir: string, rev: string) => git(dir, "show", "--name-only", "--format=", rev).trim().split("\n").sort();

describe("--branch and --commit", () => {
  it("status --branch --commit: one commit on adr/0002-use-kafka holding exactly the ADR; the user's staged change stays staged", async () => {
    const dir = repo();
    writeFiles(dir, { "src/app.ts": "export const a = 2;\n", "notes.txt": "mine\n" });
    git(dir, "add", "src/app.ts");
    const before = commitCount(dir);
    const result = await runAdrgen(["status", "2", "accepted", "--branch", "--commit"], { cwd: dir });
    expect(result.stderr).toContain("switched to new branch adr/0002-use-kafka");
    expect(result.code).toBe(0);
    expect(git(dir, "symbolic-ref", "--short", "HEAD").trim()).toBe("adr/0002-use-kafka");
    expect(commitCount(dir)).toBe(before + 1);
    expect(git(dir, "log", "-1", "--format=%s").trim()).toBe("docs(adr): 0002 Use Kafka (status: accepted)");
    expect(filesOf(dir, "HEAD")).toEqual(["docs/adr/0002-use-kafka.md"]);
    // The user's staged edit is still staged and not committed; the untracked file is untouched.
    expect(git(dir, "diff", "--cached", "--name-only").trim()).toBe("src/app.ts");
    expect(git(dir, "status", "--short", "notes.txt").trim()).toBe("?? notes.txt");
    expect(git(dir, "show", "HEAD:src/app.ts")).toBe("export const a = 1;\n");
  });

  it("supersede --commit commits both ADRs and the refreshed index on the current branch", async () => {
    const dir = repo();
    await runAdrgen(["index"], { cwd: dir });
    git(dir, "add", "docs/adr/README.md");
    git(dir, "commit", "-q", "-m", "index");
    const before = commitCount(dir);
    const result = await runAdrgen(["supersede", "2", "3", "--commit"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(git(dir, "symbolic-ref", "--short", "HEAD").trim()).toBe("main");
    expect(commitCount(dir)).toBe(before + 1);
    expect(git(dir, "log", "-1", "--format=%s").trim()).toBe("docs(adr): 0003 Use Redis supersedes 0002");
    expect(filesOf(dir, "HEAD")).toEqual(["docs/adr/0002-use-kafka.md", "docs/adr/0003-use-redis.md", "docs/adr/README.md"]);
    expect(git(dir, "status", "--porcelain").trim()).toBe("");
  });

  it("--branch with a name uses that name", async () => {
    const dir = repo();
    const result = await runAdrgen(["status", "3", "accepted", "--branch", "adr/accept-redis", "--commit"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(git(dir, "symbolic-ref", "--short", "HEAD").trim()).toBe("adr/accept-redis");
  });

  it("refuses an existing branch before writing anything", async () => {
    const dir = repo();
    git(dir, "branch", "adr/0002-use-kafka");
    const result = await runAdrgen(["status", "2", "accepted", "--branch", "--commit"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Branch adr/0002-use-kafka already exists.");
    expect(readFileSync(path.join(dir, "docs/adr/0002-use-kafka.md"), "utf8")).toBe(nygard(2, "Use Kafka"));
  });

  it("refuses on a detached HEAD and outside a git repository, writing nothing", async () => {
    const dir = repo();
    git(dir, "switch", "-q", "--detach");
    const detached = await runAdrgen(["status", "2", "accepted", "--commit"], { cwd: dir });
    expect(detached.code).toBe(2);
    expect(detached.stderr).toContain("HEAD is detached");
    expect(readFileSync(path.join(dir, "docs/adr/0002-use-kafka.md"), "utf8")).toBe(nygard(2, "Use Kafka"));

    const plain = makeTempDir({ "docs/adr/0002-use-kafka.md": nygard(2, "Use Kafka") });
    const noGit = await runAdrgen(["status", "2", "accepted", "--commit"], { cwd: plain });
    expect(noGit.code).toBe(2);
    expect(noGit.stderr).toContain("is not inside a git repository");
    expect(readFileSync(path.join(plain, "docs/adr/0002-use-kafka.md"), "utf8")).toBe(nygard(2, "Use Kafka"));
  });

  it("makes no commit when nothing changed", async () => {
    const dir = repo();
    const before = commitCount(dir);
    const result = await runAdrgen(["status", "1", "accepted", "--commit"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("nothing changed; no commit made");
    expect(commitCount(dir)).toBe(before);
  });
});
