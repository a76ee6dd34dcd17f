// The output folder guard: what `adrgen site --out … --force` must never replace.
import { afterAll, describe, expect, it } from "@jest/globals";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { resolveWorkspace } from "../../src/config/workspace.js";
import { AdrgenError } from "../../src/domain/errors.js";
import { assertSiteOutSafe, SITE_MARKER } from "../../src/site/out-dir.js";
import { cleanupTempDirs, git, makeTempDir } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

async function guard(dir: string, out: string, force = true): Promise<AdrgenError | undefined> {
  const workspace = await resolveWorkspace({ cwd: dir });
  try {
    assertSiteOutSafe(path.join(dir, out), workspace, force);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(AdrgenError);
    expect((error as AdrgenError).exitCode).toBe(2);
    return error as AdrgenError;
  }
}

describe("assertSiteOutSafe", () => {
  it("refuses, even with --force, .git, a folder in or holding a .git, the render cache and the config file", async () => {
    const dir = makeTempDir({ ".git/HEAD": "ref: refs/heads/main\n", "docs/adr/0001-a.md": "# A\n", "vendor/lib/.git/HEAD": "x\n", ".adrgen/cache/x.json": "{}", ".adrgenrc.json": "{}" });
    expect((await guard(dir, ".git"))?.message).toMatch(/is the repository's \.git folder/);
    expect((await guard(dir, ".git/objects"))?.message).toMatch(/lies in a \.git folder/);
    expect((await guard(dir, "vendor/lib"))?.message).toMatch(/holds a \.git folder/);
    expect((await guard(dir, ".adrgen"))?.message).toMatch(/contains adrgen's render cache/);
    expect((await guard(dir, ".adrgenrc.json"))?.message).toMatch(/is the config file \.adrgenrc\.json/);
    expect(await guard(dir, ".adrgen/site")).toBeUndefined();
  });

  it("refuses a folder holding files git tracks, even with --force, but rebuilds a committed adrgen site", async () => {
    const dir = makeTempDir({ "docs/adr/0001-a.md": "# A\n", "web/index.html": "<p>hand-written</p>\n", "pages/index.html": "site\n" });
    writeFileSync(path.join(dir, "pages", SITE_MARKER), JSON.stringify({ generator: "adrgen" }));
    git(dir, "init", "-q");
    git(dir, "add", "web/index.html", "pages");
    const error = await guard(dir, "web");
    expect(error?.message).toMatch(/git tracks files in it \(web\/index\.html\), even with --force/);
    expect(error?.hint).toMatch(/git rm/);
    expect(await guard(dir, "pages")).toBeUndefined();
    mkdirSync(path.join(dir, "untracked"));
    writeFileSync(path.join(dir, "untracked/notes.txt"), "x\n");
    expect(await guard(dir, "untracked")).toBeUndefined();
  });
});
