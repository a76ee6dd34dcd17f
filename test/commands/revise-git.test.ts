import { afterAll, describe, expect, it } from "@jest/globals";
import { runAdrgen } from "../helpers/run.js";
import { cleanupTempDirs, git, makeGitRepo, writeFiles } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

const filesOf = (dir: string) => git(dir, "show", "--name-only", "--format=", "HEAD").trim().split("\n").sort();
const commitCount = (dir: string) => Number(git(dir, "rev-list", "--count", "HEAD").trim());

describe("revise --branch --commit", () => {
  it("commits only the revised ADR on adr/NNNN-slug; the user's staged change stays out", async () => {
    const dir = makeGitRepo({ "docker-compose.yml": "services:\n  cache:\n    image: redis:7\n" });
    const created = await runAdrgen(["new", "choose message queue", "--yes"], { cwd: dir });
    expect(created.code).toBe(0);
    git(dir, "add", "-A");
    git(dir, "commit", "-q", "-m", "adr");
    writeFiles(dir, { "docker-compose.yml": "services:\n  cache:\n    image: redis:7\n  broker:\n    image: apache/kafka:3.7.0\n", "notes.txt": "mine\n" });
    git(dir, "add", "docker-compose.yml", "notes.txt");
    const before = commitCount(dir);
    const result = await runAdrgen(["revise", "1", "--yes", "--branch", "--commit"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/kafka added in docker-compose\.yml/);
    expect(git(dir, "symbolic-ref", "--short", "HEAD").trim()).toBe("adr/0001-choose-message-queue");
    expect(commitCount(dir)).toBe(before + 1);
    expect(git(dir, "log", "-1", "--format=%s").trim()).toBe("docs(adr): 0001 choose message queue (revised)");
    expect(filesOf(dir)).toEqual(["docs/adr/0001-choose-message-queue.md"]);
    expect(git(dir, "diff", "--cached", "--name-only").trim().split("\n").sort()).toEqual(["docker-compose.yml", "notes.txt"]);
  });

  it("--dry-run never touches git", async () => {
    const dir = makeGitRepo({ "docker-compose.yml": "services:\n  cache:\n    image: redis:7\n" });
    await runAdrgen(["new", "choose message queue", "--yes", "--commit"], { cwd: dir });
    const before = commitCount(dir);
    const result = await runAdrgen(["revise", "1", "--dry-run", "--branch", "--commit"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(commitCount(dir)).toBe(before);
    expect(git(dir, "symbolic-ref", "--short", "HEAD").trim()).toBe("main");
  });
});
