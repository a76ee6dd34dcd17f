// `adrgen check` and `adrgen renumber` through the built CLI, as a CI job runs them.
import { afterAll, describe, expect, it } from "@jest/globals";
import { spawnAdrgen } from "../helpers/spawn.js";
import { cleanupTempDirs, git, makeGitRepo, writeFiles } from "../helpers/tmp.js";
import { CLEAN_NYGARD } from "../commands/lint-fixtures.js";

afterAll(cleanupTempDirs);

describe("adrgen check (built CLI)", () => {
  it("annotates a number clash with the base for GitHub, exits 1, and passes after renumber", () => {
    const repo = makeGitRepo({ "docs/adr/0001-record-with-nygard.md": CLEAN_NYGARD.replace(/^# \d+\./, "# 1.") });
    git(repo, "switch", "-q", "-c", "feature");
    git(repo, "switch", "-q", "main");
    writeFiles(repo, { "docs/adr/0002-use-kafka.md": CLEAN_NYGARD.replace(/^# \d+\./, "# 2.") });
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "kafka");
    git(repo, "switch", "-q", "feature");
    writeFiles(repo, { "docs/adr/0002-use-redis.md": CLEAN_NYGARD.replace(/^# \d+\./, "# 2.") });

    const result = spawnAdrgen(["check", "--base", "main", "--format", "github", "--no-drift"], { cwd: repo });
    expect(result).toEqual({
      code: 1,
      stdout:
        "::error file=docs/adr/0002-use-redis.md,title=adrgen base-number::ADR number 2 is already used on main by docs/adr/0002-use-kafka.md; renumber this one: adrgen renumber docs/adr/0002-use-redis.md --to 3\n",
      stderr: "1 error, 0 warnings in 2 files\n",
    });
    const fixed = spawnAdrgen(["renumber", "docs/adr/0002-use-redis.md", "--to", "3", "--quiet"], { cwd: repo });
    expect(fixed).toEqual({ code: 0, stdout: "docs/adr/0003-use-redis.md\n", stderr: "" });
    expect(spawnAdrgen(["check", "--base", "main", "--no-drift"], { cwd: repo })).toEqual({ code: 0, stdout: "", stderr: "0 errors, 0 warnings in 2 files\n" });
  });
});
