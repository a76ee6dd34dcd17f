import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "@jest/globals";
import { readSnapshot } from "../../src/app/suggest-git.js";
import { scanRepository } from "../../src/scan/scan.js";
import { scanFiles } from "../../src/scan/scan-files.js";
import { CONTEXT_CATEGORIES } from "../../src/scan/types.js";
import { cleanupTempDirs, git, makeGitRepo } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/repos");
const fixtures = readdirSync(FIXTURES);

describe("scanFiles over git objects agrees with scanRepository over the work tree", () => {
  it.each(fixtures)("%s", async (name) => {
    const repo = makeGitRepo();
    // Commit the fixture straight from its folder, then check it out: the repository holds it byte for byte.
    git(repo, "--work-tree", path.join(FIXTURES, name), "add", "-A", "--", ".");
    git(repo, "commit", "-q", "-m", "fixture", "--allow-empty");
    git(repo, "checkout", "-q", "--", ".");
    const fromGit = await scanFiles((await readSnapshot(repo, { kind: "ref", ref: "HEAD" })).files);
    const fromDisk = await scanRepository(repo, { includeDecisions: false });
    const names = (context: typeof fromGit) => Object.fromEntries(CONTEXT_CATEGORIES.map((category) => [category, context[category].map((item) => `${item.name}@${item.version ?? ""}`)]));
    const found = CONTEXT_CATEGORIES.reduce((sum, category) => sum + fromDisk[category].length, 0);
    if (name !== "empty") expect(found).toBeGreaterThan(0);
    expect(names(fromGit)).toEqual(names(fromDisk));
    expect(fromGit.services.map((s) => `${s.source}:${s.name}`)).toEqual(fromDisk.services.map((s) => `${s.source}:${s.name}`));
    expect(fromGit.packages.map((p) => p.path)).toEqual(fromDisk.packages.map((p) => p.path));
  });

  it("reads the index with --staged semantics: staged content, not the work tree", async () => {
    const repo = makeGitRepo({ "package.json": JSON.stringify({ dependencies: { pg: "^8.0.0" } }) });
    const { writeFiles } = await import("../helpers/tmp.js");
    writeFiles(repo, { "package.json": JSON.stringify({ dependencies: { mysql2: "^3.0.0" } }) });
    const before = await scanFiles((await readSnapshot(repo, { kind: "index" })).files);
    expect(before.datastores.map((item) => item.name)).toEqual(["postgresql"]);
    git(repo, "add", "package.json");
    const after = await scanFiles((await readSnapshot(repo, { kind: "index" })).files);
    expect(after.datastores.map((item) => item.name)).toEqual(["mysql"]);
  });
});
