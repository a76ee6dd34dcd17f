import { afterAll, describe, expect, it } from "@jest/globals";
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { hasNeverScannedExtension, isInSkippedDir } from "../../src/scan/list-files.js";
import { isSecretFile, walkRepository, type SkipReason } from "../../src/scan/walk.js";
import { cleanupTempDirs, git, makeGitRepo, makeTempDir } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

async function walk(root: string, options: { useGit?: boolean; maxFileBytes?: number; accept?: (p: string) => boolean } = {}) {
  const read = new Map<string, string>();
  const skipped: Array<[string, SkipReason]> = [];
  const stats = await walkRepository(root, {
    accept: options.accept ?? (() => true),
    onFile: (file) => void read.set(file.path, file.text),
    onSkip: (file, reason) => void skipped.push([file, reason]),
    ...(options.useGit !== undefined ? { useGit: options.useGit } : {}),
    ...(options.maxFileBytes !== undefined ? { maxFileBytes: options.maxFileBytes } : {}),
    concurrency: 4,
  });
  return { read, skipped: skipped.sort(), stats };
}

const TREE = {
  "package.json": "{}",
  "src/index.ts": "export {};\n",
  "src/app.config.json": "{}\n",
  "node_modules/express/package.json": "{}",
  "vendor/lib/composer.json": "{}",
  "dist/bundle.js": "x",
  "apps/web/.next/server.js": "x",
  "build/out.txt": "x",
  "target/app.jar.txt": "x",
  "coverage/lcov.info": "x",
  ".env": "SECRET=1",
  ".env.example": "SECRET=",
  "infra/prod.tfvars": "x = 1",
  "keys/server.pem": "x",
};

describe("walkRepository", () => {
  it("outside git: lists the tree, skipping dependency, build and secret files", async () => {
    const root = makeTempDir(TREE);
    const { read, stats } = await walk(root, { useGit: false });
    // Source code is never offered to detectors.
    expect([...read.keys()].sort()).toEqual([".env.example", "package.json", "src/app.config.json"]);
    expect(read.get("src/app.config.json")).toBe("{}\n");
    expect(stats.read).toBe(3);
  });

  it("outside git: honours .gitignore files", async () => {
    const root = makeTempDir({ ...TREE, ".gitignore": "generated/\n*.log\n", "generated/schema.graphql": "type Q { a: Int }", "debug.log": "x" });
    const { read } = await walk(root, { useGit: false });
    expect([...read.keys()]).not.toContain("generated/schema.graphql");
    expect([...read.keys()]).not.toContain("debug.log");
    expect([...read.keys()]).toContain(".gitignore");
  });

  it("in git: lists tracked and untracked-not-ignored files, never ignored ones", async () => {
    const root = makeGitRepo({ ...TREE, ".gitignore": "ignored/\nnode_modules/\n" });
    writeFileSync(path.join(root, "untracked.json"), "{}");
    mkdirSync(path.join(root, "ignored"));
    writeFileSync(path.join(root, "ignored/compose.yml"), "services: {}");
    const { read } = await walk(root);
    const files = [...read.keys()].sort();
    expect(files).toEqual([".env.example", ".gitignore", "package.json", "src/app.config.json", "untracked.json"]);
  });

  it("in git: uses git ls-files (honours .git/info/exclude, which globby does not read)", async () => {
    const root = makeGitRepo({ "a.json": "{}" });
    writeFileSync(path.join(root, ".git/info/exclude"), "b.json\n");
    writeFileSync(path.join(root, "b.json"), "{}");
    const viaGit = await walk(root);
    const viaGlob = await walk(root, { useGit: false });
    expect([...viaGit.read.keys()].sort()).toEqual(["a.json"]);
    expect([...viaGlob.read.keys()].sort()).toEqual(["a.json", "b.json"]);
  });

  it("in git: a deleted but still tracked file is skipped, not fatal", async () => {
    const root = makeGitRepo({ "a.json": "{}", "gone.json": "{}" });
    rmSync(path.join(root, "gone.json"));
    const { read, skipped } = await walk(root);
    expect([...read.keys()]).toEqual(["a.json"]);
    expect(skipped).toEqual([["gone.json", "unreadable"]]);
  });

  it("reads only accepted paths", async () => {
    const root = makeTempDir(TREE);
    const seen: string[] = [];
    const { read } = await walk(root, { useGit: false, accept: (p) => (seen.push(p), p.endsWith("package.json")) });
    expect([...read.keys()]).toEqual(["package.json"]);
    expect(seen).toContain("src/app.config.json");
    expect(seen).not.toContain("src/index.ts");
    expect(seen).not.toContain("node_modules/express/package.json");
  });

  it("skips files over the size limit and binary files", async () => {
    const root = makeTempDir({ "big.json": "x".repeat(2000), "small.json": "{}", "bin.json": Buffer.from([123, 0, 1, 2, 125]) });
    const { read, skipped } = await walk(root, { useGit: false, maxFileBytes: 1000 });
    expect([...read.keys()]).toEqual(["small.json"]);
    expect(skipped).toEqual([
      ["big.json", "too-large"],
      ["bin.json", "binary"],
    ]);
  });

  it("defaults to a 1 MB limit", async () => {
    const root = makeTempDir({ "big.yml": "a: 1\n".repeat(300_000), "ok.yml": "a: 1\n" });
    const { read, skipped } = await walk(root, { useGit: false });
    expect([...read.keys()]).toEqual(["ok.yml"]);
    expect(skipped).toEqual([["big.yml", "too-large"]]);
  });

  it.each([false, true])("follows symlinks inside the repository but not outside it (git: %s)", async (useGit) => {
    const outside = makeTempDir({ "secret-compose.yml": "services: {}" });
    const root = useGit ? makeGitRepo({ "real.yml": "a: 1" }) : makeTempDir({ "real.yml": "a: 1" });
    symlinkSync(path.join(outside, "secret-compose.yml"), path.join(root, "outside.yml"));
    symlinkSync("real.yml", path.join(root, "inside.yml"));
    const { read, skipped } = await walk(root, { useGit });
    expect([...read.keys()].sort()).toEqual(["inside.yml", "real.yml"]);
    expect(read.get("inside.yml")).toBe("a: 1");
    expect(skipped).toEqual([["outside.yml", "outside-symlink"]]);
  });

  it("handles many files with bounded concurrency", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 600; i++) files[`pkg${i % 30}/file${i}.json`] = `{"i":${i}}`;
    const root = makeTempDir(files);
    let active = 0;
    let peak = 0;
    const stats = await walkRepository(root, {
      useGit: false,
      concurrency: 8,
      accept: () => true,
      onFile: async () => {
        active++;
        peak = Math.max(peak, active);
        await new Promise((resolve) => setTimeout(resolve, 1));
        active--;
      },
    });
    expect(stats.read).toBe(600);
    expect(peak).toBeLessThanOrEqual(8);
    expect(peak).toBeGreaterThan(1);
  });
});

describe("path rules", () => {
  it.each([
    ["src/index.ts", true],
    ["web/styles/main.SCSS", true],
    ["cmd/server/main.go", true],
    ["settings.gradle.kts", false],
    ["schema.graphql", false],
    [".eslintrc", false],
    ["Dockerfile", false],
    ["a.b/Makefile", false],
  ])("hasNeverScannedExtension(%s) = %s", (p, expected) => expect(hasNeverScannedExtension(p)).toBe(expected));

  it.each([
    ["node_modules/x/package.json", true],
    ["a/vendor/b.go", true],
    ["services/api/dist/index.js", true],
    ["src/build.gradle", false],
    ["build.gradle", false],
    ["docs/target.md", false],
  ])("isInSkippedDir(%s) = %s", (p, expected) => expect(isInSkippedDir(p)).toBe(expected));

  it.each([
    [".env", true],
    ["apps/api/.env.local", true],
    [".env.production", true],
    [".envrc", true],
    ["infra/prod.tfvars", true],
    ["infra/prod.tfvars.json", true],
    ["certs/server.key", true],
    ["certs/tls.pem", true],
    [".env.example", false],
    [".env.sample", false],
    [".env.template", false],
    ["environment.ts", false],
    ["monkey.json", false],
  ])("isSecretFile(%s) = %s", (p, expected) => expect(isSecretFile(p)).toBe(expected));
});
