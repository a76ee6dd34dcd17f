import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { BUILT_CLI } from "../helpers/spawn.js";
import { cleanupTempDirs, makeGitRepo, writeFiles } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

// The README's plain pre-commit hook, with the built CLI (npm test builds it) in place of npx.
describe("the pre-commit hook recipe (adrgen suggest --staged)", () => {
  it("tells the committer which ADR to write and never blocks the commit", () => {
    if (!existsSync(BUILT_CLI)) throw new Error("dist/adrgen.js is missing: run `npm run build` (npm test does it).");
    const repo = makeGitRepo({ "package.json": JSON.stringify({ dependencies: { express: "^4.19.2" } }, null, 2) });
    const hook = path.join(repo, ".git/hooks/pre-commit");
    writeFileSync(hook, `#!/bin/sh\n"${process.execPath}" "${BUILT_CLI}" suggest --staged || true\n`);
    chmodSync(hook, 0o755);
    writeFiles(repo, { "package.json": JSON.stringify({ dependencies: { express: "^4.19.2", ioredis: "^5.4.1" } }, null, 2) });
    execFileSync("git", ["add", "package.json"], { cwd: repo });
    const commit = spawnSync("git", ["-c", "user.name=Test", "-c", "user.email=t@example.com", "commit", "-m", "cache orders"], {
      cwd: repo,
      encoding: "utf8",
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: "1" },
    });
    expect(commit.status).toBe(0);
    const said = `${commit.stdout}${commit.stderr}`;
    expect(said).toContain("add Redis (cache)");
    expect(said).toContain("adrgen new 'Use Redis as a cache' --option Redis");
    expect(execFileSync("git", ["log", "--format=%s"], { cwd: repo, encoding: "utf8" })).toMatch(/^cache orders\n/);
  });
});
