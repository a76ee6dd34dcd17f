import { afterAll, describe, expect, it } from "@jest/globals";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { runAdrgen } from "../helpers/run.js";
import { cleanupTempDirs, git, makeGitRepo, makeTempDir, writeFiles } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

const adr = (number: number, title: string) => `---
status: accepted
date: 2026-01-10
---

# ${title}

## Context and Problem Statement

ADR ${number}.

## Considered Options

* Do it
* Leave it

## Decision Outcome

Chosen option: "Do it", because it helps.

### Consequences

* Good, because it helps.
`;

/** main has 0001; branch `first` and branch `second` each add an ADR 0002; `first` is merged into main. */
function twoBranchesAddingTheSameNumber(): string {
  const dir = makeGitRepo({ "docs/adr/0001-record-decisions.md": adr(1, "Record decisions") });
  git(dir, "branch", "second");
  git(dir, "switch", "-q", "-c", "first");
  git(dir, "commit", "-q", "--allow-empty", "-m", "noop");
  const run = (files: Record<string, string>, message: string) => {
    writeFiles(dir, files);
    git(dir, "add", "-A");
    git(dir, "commit", "-q", "-m", message);
  };
  run({ "docs/adr/0002-use-kafka.md": adr(2, "Use Kafka") }, "add 0002 kafka");
  git(dir, "switch", "-q", "main");
  git(dir, "merge", "-q", "--no-ff", "-m", "merge first", "first");
  git(dir, "switch", "-q", "second");
  run(
    {
      "docs/adr/0002-use-redis.md": adr(2, "Use Redis"),
      // An ADR on the second branch that links to its own 0002.
      "docs/adr/0001-record-decisions.md": `${adr(1, "Record decisions")}\n## More Information\n\n* Relates to [ADR-0002](0002-use-redis.md)\n`,
    },
    "add 0002 redis",
  );
  return dir;
}

describe("adrgen check --base", () => {
  it("fails on the branch whose new ADR reuses a number main already has, naming the renumber command", async () => {
    const dir = twoBranchesAddingTheSameNumber();
    const result = await runAdrgen(["check", "--base", "main", "--no-drift"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      "docs/adr/0002-use-redis.md error base-number ADR number 2 is already used on main by docs/adr/0002-use-kafka.md; renumber this one: adrgen renumber docs/adr/0002-use-redis.md --to 3",
    );
    expect(result.stderr).toContain("1 error, 0 warnings in 2 files");
  });

  it("passes on main itself and on the first branch", async () => {
    const dir = twoBranchesAddingTheSameNumber();
    git(dir, "switch", "-q", "first");
    const onFirst = await runAdrgen(["check", "--base", "main", "--no-drift"], { cwd: dir });
    expect(onFirst.stdout).toBe("");
    expect(onFirst.code).toBe(0);
  });

  it("renumber fixes it: the ADR becomes 0003 (git mv), its links follow, and check passes", async () => {
    const dir = twoBranchesAddingTheSameNumber();
    const fixed = await runAdrgen(["renumber", "docs/adr/0002-use-redis.md", "--next"], { cwd: dir });
    expect(fixed.stderr).toContain("renumbered 2 → 3 (git mv)");
    expect(fixed.code).toBe(0);
    expect(fixed.stdout.trim()).toBe("docs/adr/0003-use-redis.md");
    expect(existsSync(path.join(dir, "docs/adr/0002-use-redis.md"))).toBe(false);
    expect(git(dir, "status", "--short")).toContain("R  docs/adr/0002-use-redis.md -> docs/adr/0003-use-redis.md");
    const linking = readFileSync(path.join(dir, "docs/adr/0001-record-decisions.md"), "utf8");
    expect(linking).toContain("* Relates to [ADR-0003](0003-use-redis.md)");
    expect(linking).not.toContain("0002");
    const check = await runAdrgen(["check", "--base", "main", "--no-drift"], { cwd: dir });
    expect(check.stdout).toBe("");
    expect(check.code).toBe(0);
  });

  it("renumber --next --commit commits the rename and the relinked ADR, and only those", async () => {
    const dir = twoBranchesAddingTheSameNumber();
    writeFiles(dir, { "notes.txt": "mine\n" });
    git(dir, "add", "notes.txt");
    const fixed = await runAdrgen(["renumber", "docs/adr/0002-use-redis.md", "--next", "--commit"], { cwd: dir });
    expect(fixed.stderr).toContain("committed ");
    expect(fixed.code).toBe(0);
    expect(git(dir, "log", "-1", "--format=%s").trim()).toBe("docs(adr): 0003 Use Redis (renumbered from 0002)");
    expect(git(dir, "show", "--name-status", "--format=", "-M", "HEAD").trim().split("\n")).toEqual([
      "M\tdocs/adr/0001-record-decisions.md",
      "R100\tdocs/adr/0002-use-redis.md\tdocs/adr/0003-use-redis.md",
    ]);
    expect(git(dir, "diff", "--cached", "--name-only").trim()).toBe("notes.txt");
  });

  it("does not count a base ADR this branch renamed as a clash", async () => {
    const dir = makeGitRepo({ "docs/adr/0001-record-decisions.md": adr(1, "Record decisions") });
    git(dir, "switch", "-q", "-c", "rename");
    git(dir, "mv", "docs/adr/0001-record-decisions.md", "docs/adr/0001-record-architecture-decisions.md");
    git(dir, "commit", "-q", "-m", "rename");
    const result = await runAdrgen(["check", "--base", "main", "--no-drift"], { cwd: dir });
    expect(result.stdout).toBe("");
    expect(result.code).toBe(0);
  });

  it("exits 2 with a fetch hint when the base ref is unknown", async () => {
    const dir = twoBranchesAddingTheSameNumber();
    const result = await runAdrgen(["check", "--base", "origin/main"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Unknown git ref origin/main.");
    expect(result.stderr).toContain("fetch-depth: 0");
  });

  it("exits 2 when --base is used outside a git repository", async () => {
    const dir = makeTempDir({ "docs/adr/0001-record-decisions.md": adr(1, "Record decisions") });
    const result = await runAdrgen(["check", "--base", "main"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("is not inside a git repository");
  });
});
