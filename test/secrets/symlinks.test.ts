// Issue 9 §5: symlinks never carry adrgen out of the repository, for reading ADRs or scanning.
import { afterAll, describe, expect, it } from "@jest/globals";
import { symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runAdrgen } from "../helpers/run.js";
import { cleanupTempDirs, makeGitRepo, makeTempDir } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

const ADR = "# Use PostgreSQL\n\n## Context and Problem Statement\n\nx\n";

describe("symlinks out of the repository", () => {
  it("an ADR symlink to a file outside is not listed, shown or linted; one inside still is", async () => {
    const outside = makeTempDir({ "passwd.md": "# OUTSIDE-SECRET-CONTENT\n" });
    const repo = makeGitRepo({ "docs/adr/0001-use-postgresql.md": ADR, "notes/real.md": "# Inside note\n" });
    symlinkSync(path.join(outside, "passwd.md"), path.join(repo, "docs/adr/0002-escape.md"));
    symlinkSync(path.join(repo, "notes/real.md"), path.join(repo, "docs/adr/0003-inside.md"));
    for (const args of [["list", "--json"], ["lint"], ["index", "--check"]]) {
      const result = await runAdrgen(args, { cwd: repo });
      expect(result.stdout + result.stderr).not.toContain("OUTSIDE-SECRET-CONTENT");
      expect(result.stdout + result.stderr).not.toContain("0002-escape");
    }
    const listed = JSON.parse((await runAdrgen(["list", "--json"], { cwd: repo })).stdout) as Array<{ number: number }>;
    expect(listed.map((adr) => adr.number)).toEqual([1, 3]);
    const shown = await runAdrgen(["show", "2"], { cwd: repo });
    expect(shown.code).toBe(2);
    expect(shown.stdout).not.toContain("OUTSIDE-SECRET-CONTENT");
  });

  it("the scanner does not read a manifest symlinked from outside", async () => {
    const outside = makeTempDir({ "package.json": JSON.stringify({ name: "outside", dependencies: { "outside-only-dep": "1.0.0", mongoose: "^8" } }) });
    const repo = makeGitRepo({ "requirements.txt": "django==5.0\n" });
    symlinkSync(path.join(outside, "package.json"), path.join(repo, "package.json"));
    writeFileSync(path.join(repo, ".keep"), "");
    const result = await runAdrgen(["context", "--json"], { cwd: repo });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain("mongo");
    expect(result.stdout.toLowerCase()).toContain("django");
  });
});
