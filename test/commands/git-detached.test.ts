// CI checkouts are usually a detached HEAD. With --branch, adrgen creates the branch at HEAD and
// commits there; --commit alone is still refused (the commit would belong to no branch).
import { afterAll, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import { runAdrgen } from "../helpers/run.js";
import { cleanupTempDirs, git, makeGitRepo, writeFiles } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

const nygard = (n: number, title: string, status = "Proposed") => `# ${n}. ${title}\n\nDate: 2026-01-10\n\n## Status\n\n${status}\n\n## Context\n\nText ${n}.\n`;

/** A repository with three ADRs, checked out as a detached HEAD at its one commit. */
function detachedRepo(files: Record<string, string> = {}): { dir: string; head: string } {
  const dir = makeGitRepo({
    "docs/adr/0001-record-decisions.md": nygard(1, "Record decisions", "Accepted"),
    "docs/adr/0002-use-kafka.md": nygard(2, "Use Kafka"),
    "docs/adr/0003-use-redis.md": nygard(3, "Use Redis"),
    ...files,
  });
  git(dir, "switch", "-q", "--detach");
  return { dir, head: git(dir, "rev-parse", "HEAD").trim() };
}

const branchOf = (dir: string) => git(dir, "symbolic-ref", "--short", "HEAD").trim();
const filesOf = (dir: string) => git(dir, "show", "--no-renames", "--name-only", "--format=", "HEAD").trim().split("\n").sort();

describe("a detached HEAD", () => {
  it.each([
    ["status", ["status", "2", "accepted"], "adr/0002-use-kafka", ["docs/adr/0002-use-kafka.md"]],
    ["supersede", ["supersede", "2", "3"], "adr/0003-use-redis", ["docs/adr/0002-use-kafka.md", "docs/adr/0003-use-redis.md"]],
    ["new", ["new", "use grpc", "--blank"], "adr/0004-use-grpc", ["docs/adr/0004-use-grpc.md"]],
    ["renumber", ["renumber", "3", "--to", "7"], "ci/renumber", ["docs/adr/0003-use-redis.md", "docs/adr/0007-use-redis.md"]],
  ])("%s --branch --commit creates the branch at HEAD and commits there", async (_name, args, branch, committed) => {
    const { dir, head } = detachedRepo();
    const named = args[0] === "renumber" ? ["--branch", branch] : ["--branch"];
    const result = await runAdrgen([...args, ...named, "--commit"], { cwd: dir });
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: expect.stringContaining(`switched to new branch ${branch}`) });
    expect(branchOf(dir)).toBe(branch);
    expect(git(dir, "rev-parse", "HEAD~1").trim()).toBe(head);
    expect(filesOf(dir)).toEqual(committed);
    expect(git(dir, "status", "--porcelain").trim()).toBe("");
  });

  it("revise --branch --commit on a detached HEAD commits the revised ADR on its branch", async () => {
    const { dir } = detachedRepo({ "docker-compose.yml": "services:\n  cache:\n    image: redis:7\n" });
    git(dir, "switch", "-q", "main");
    expect((await runAdrgen(["new", "choose message queue", "--yes", "--commit"], { cwd: dir })).code).toBe(0);
    git(dir, "switch", "-q", "--detach");
    const head = git(dir, "rev-parse", "HEAD").trim();
    writeFiles(dir, { "docker-compose.yml": "services:\n  cache:\n    image: redis:7\n  broker:\n    image: apache/kafka:3.7.0\n" });
    const result = await runAdrgen(["revise", "4", "--yes", "--branch", "ci/revise", "--commit"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(branchOf(dir)).toBe("ci/revise");
    expect(git(dir, "rev-parse", "HEAD~1").trim()).toBe(head);
    expect(filesOf(dir)).toEqual(["docs/adr/0004-choose-message-queue.md"]);
    expect(git(dir, "log", "-1", "--format=%s").trim()).toBe("docs(adr): 0004 choose message queue (revised)");
  });

  it("--branch without --commit just creates the branch at HEAD", async () => {
    const { dir, head } = detachedRepo();
    const result = await runAdrgen(["status", "2", "accepted", "--branch"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(branchOf(dir)).toBe("adr/0002-use-kafka");
    expect(git(dir, "rev-parse", "HEAD").trim()).toBe(head);
    expect(git(dir, "status", "--porcelain").trim()).toBe("M docs/adr/0002-use-kafka.md");
  });

  it("--commit alone is refused before anything is written, with a hint to add --branch", async () => {
    const { dir, head } = detachedRepo();
    const result = await runAdrgen(["status", "2", "accepted", "--commit"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("HEAD is detached: adrgen will not commit outside a branch.");
    expect(result.stderr).toContain("--branch");
    expect(readFileSync(path.join(dir, "docs/adr/0002-use-kafka.md"), "utf8")).toBe(nygard(2, "Use Kafka"));
    expect(git(dir, "rev-parse", "HEAD").trim()).toBe(head);
  });
});
