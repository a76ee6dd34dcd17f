import { afterAll, describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startListing } from "../../src/scan/listing.js";
import { scanRepository } from "../../src/scan/scan.js";
import { cleanupTempDirs, makeGitRepo, makeTempDir } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

async function collect(batches: AsyncGenerator<string[]>): Promise<string[]> {
  const all: string[] = [];
  for await (const batch of batches) all.push(...batch);
  return all.sort();
}

/** Runs `fn` with a `git` on PATH that logs its arguments (one line per run) and then runs the real git. */
async function withLoggedGit<T>(fn: (log: string) => Promise<T>): Promise<T> {
  const bin = makeTempDir();
  const log = path.join(bin, "git.log");
  const realGit = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
  writeFileSync(path.join(bin, "git"), `#!/bin/sh\necho "$*" >> '${log}'\nexec '${realGit}' "$@"\n`, { mode: 0o755 });
  writeFileSync(log, "");
  const saved = process.env.PATH;
  process.env.PATH = `${bin}${path.delimiter}${saved ?? ""}`;
  try {
    return await fn(log);
  } finally {
    process.env.PATH = saved;
  }
}

describe("startListing", () => {
  it("lists a repository with no index yet (just after git init) with one git process", async () => {
    const root = makeTempDir({ "a.json": "{}", "dir/b.yml": "x: 1" });
    execFileSync("git", ["init", "-q"], { cwd: root });
    const { listed, runs } = await withLoggedGit(async (log) => {
      const listed = await collect(startListing(root).batches());
      return { listed, runs: readFileSync(log, "utf8").trim().split("\n") };
    });
    expect(listed).toEqual(["a.json", "dir/b.yml"]);
    expect(runs).toEqual(["ls-files -z --cached --others --exclude-standard"]);
  });

  it.each([false, true])("in git: tracked and untracked-not-ignored files, each once, never ignored ones (two processes: %s)", async (split) => {
    const root = makeGitRepo({ "a.json": "{}", "dir/b.yml": "a: 1", ".gitignore": "ignored/\n" });
    writeFileSync(path.join(root, "new.txt"), "x");
    mkdirSync(path.join(root, "ignored"));
    writeFileSync(path.join(root, "ignored/c.json"), "{}");
    expect(await collect(startListing(root, { split }).batches())).toEqual([".gitignore", "a.json", "dir/b.yml", "new.txt"]);
  });

  it.each([false, true])("keeps paths whose UTF-8 bytes straddle pipe chunks intact (two processes: %s)", async (split) => {
    const files: Record<string, string> = {};
    // Enough multi-byte names to span several 64 KB chunks of `git ls-files -z` output.
    for (let i = 0; i < 1500; i++) files[`données-ünïcödé-ファイル-${String(i).padStart(4, "0")}-${"é".repeat(20)}.json`] = "{}";
    const root = makeGitRepo(files);
    const listed = await collect(startListing(root, { split }).batches());
    expect(listed).toEqual(Object.keys(files).sort());
    // Split, tracked paths come from a file read in chunks: an odd chunk size cuts paths and characters at every read.
    if (split) expect(await collect(startListing(root, { split, trackedChunkBytes: 4093 }).batches())).toEqual(Object.keys(files).sort());
  });

  // The first `ls-files --cached` fails as a full disk would make it: after writing a path, or before writing anything.
  it.each([
    ["after writing part of the list", "printf 'partial.json\\0'; "],
    ["having written nothing", ""],
  ])("lists tracked files again through a pipe when git fails %s to its file", async (_case, partial) => {
    if (process.platform === "win32") return; // a shell-script git; Windows lists through a pipe anyway
    const root = makeGitRepo({ "a.json": "{}", "dir/b.yml": "a: 1" });
    writeFileSync(path.join(root, "untracked.json"), "{}");
    const bin = makeTempDir();
    const realGit = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
    const marker = path.join(bin, "failed-once");
    const script = `#!/bin/sh\ncase "$*" in *--cached*) if [ ! -e '${marker}' ]; then : > '${marker}'; ${partial}exit 1; fi;; esac\nexec '${realGit}' "$@"\n`;
    writeFileSync(path.join(bin, "git"), script, { mode: 0o755 });
    const saved = process.env.PATH;
    process.env.PATH = `${bin}${path.delimiter}${saved ?? ""}`;
    try {
      expect(await collect(startListing(root, { split: true }).batches())).toEqual(["a.json", "dir/b.yml", "untracked.json"]);
    } finally {
      process.env.PATH = saved;
    }
    expect(readdirSync(bin)).toContain("failed-once");
  });

  const openFds = () => readdirSync("/proc/self/fd");
  /** This process's open descriptors on an unlinked listing file (Linux shows `/tmp/adrgen-ls-files-… (deleted)`). */
  const listingFileFds = () =>
    openFds().filter((fd) => {
      try {
        return /adrgen-ls-files-.*\(deleted\)$/.test(readlinkSync(`/proc/self/fd/${fd}`));
      } catch {
        return false;
      }
    });
  const listingFiles = () => readdirSync(os.tmpdir()).filter((name) => name.startsWith(`adrgen-ls-files-${process.pid}-`));

  (process.platform === "linux" ? it : it.skip)("splitting, tracked paths go through a temporary file that is unlinked at once and closed when done or disposed", async () => {
    const root = makeGitRepo({ "a.json": "{}", "dir/b.yml": "a: 1" });
    const before = openFds().length;
    const listing = startListing(root, { split: true });
    // Open, but already gone from the directory.
    expect(listingFileFds()).toHaveLength(1);
    expect(listingFiles()).toEqual([]);
    expect(await collect(listing.batches())).toEqual(["a.json", "dir/b.yml"]);
    expect(openFds().length).toBe(before);
    expect(listingFileFds()).toEqual([]);
    // Disposed before git finished, or after it finished but before the file was read.
    startListing(root, { split: true }).dispose();
    const unread = startListing(root, { split: true });
    await new Promise((resolve) => setTimeout(resolve, 200));
    unread.dispose();
    expect(await collect(unread.batches())).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(openFds().length).toBe(before);
    expect(listingFileFds()).toEqual([]);
    expect(listingFiles()).toEqual([]);
  });

  (process.platform === "linux" ? it : it.skip)("a consumer that stops while git still lists tracked files closes the file, and git exiting then starts nothing", async () => {
    const root = makeGitRepo({ "a.json": "{}", "dir/b.yml": "a: 1" });
    writeFileSync(path.join(root, "untracked.json"), "{}");
    // A git whose tracked listing takes 300 ms, and fails, so the untracked batch comes first.
    const bin = makeTempDir();
    const realGit = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
    const log = path.join(bin, "runs.log");
    writeFileSync(path.join(bin, "git"), `#!/bin/sh\necho "$*" >> '${log}'\ncase "$*" in *--cached*) sleep 0.3; exit 1;; esac\nexec '${realGit}' "$@"\n`, { mode: 0o755 });
    const saved = process.env.PATH;
    process.env.PATH = `${bin}${path.delimiter}${saved ?? ""}`;
    const before = openFds().length;
    try {
      const batches = startListing(root, { split: true }).batches();
      expect((await batches.next()).value).toEqual(["untracked.json"]);
      // The scan threw: the generator's cleanup runs while `ls-files --cached` is still sleeping.
      await batches.return(undefined);
      await new Promise((resolve) => setTimeout(resolve, 600));
    } finally {
      process.env.PATH = saved;
    }
    expect(listingFileFds()).toEqual([]);
    expect(openFds().length).toBe(before);
    // Its failure came after the consumer had gone: no second listing was started.
    expect(readFileSync(log, "utf8").trim().split("\n").filter((line) => line.includes("--cached"))).toHaveLength(1);
  });

  it("outside git with two processes: falls back to globby", async () => {
    const root = makeTempDir({ "a.json": "{}" });
    expect(await collect(startListing(root, { split: true }).batches())).toEqual(["a.json"]);
  });

  it("outside git: falls back to globby honouring .gitignore", async () => {
    const root = makeTempDir({ "a.json": "{}", "skip.log": "x", ".gitignore": "*.log\n" });
    expect(await collect(startListing(root).batches())).toEqual([".gitignore", "a.json"]);
  });

  it("useGit: false lists without git even inside a work tree", async () => {
    const root = makeGitRepo({ "a.json": "{}" });
    writeFileSync(path.join(root, ".git/info/exclude"), "b.json\n");
    writeFileSync(path.join(root, "b.json"), "{}");
    expect(await collect(startListing(root, { useGit: false }).batches())).toEqual(["a.json", "b.json"]);
  });

  it("a disposed listing yields nothing more", async () => {
    const root = makeGitRepo({ "a.json": "{}" });
    const listing = startListing(root);
    listing.dispose();
    expect(await collect(listing.batches())).toEqual([]);
  });
});

describe("scanRepository with an early listing", () => {
  it("uses a listing of the scanned root", async () => {
    const root = makeGitRepo({ "docker-compose.yml": "services:\n  db:\n    image: postgres:16\n" });
    const context = await scanRepository(root, { listing: startListing(root), includeDecisions: false });
    expect(context.datastores.map((d) => `${d.name} ${d.version}`)).toEqual(["postgresql 16"]);
  });

  it("discards a listing of another directory and lists the root itself", async () => {
    const root = makeGitRepo({ "sub/readme.txt": "x", "docker-compose.yml": "services:\n  cache:\n    image: redis:7\n" });
    const context = await scanRepository(root, { listing: startListing(path.join(root, "sub")), includeDecisions: false });
    expect(context.caches.map((c) => c.name)).toEqual(["redis"]);
  });
});

describe("startListing leaves out never-scanned files", () => {
  it("omits source and media paths while splitting git's output, unless told not to", async () => {
    const root = makeGitRepo({ "src/app.ts": "x", "logo.PNG": "x", ".env.ts": "x", "a.json": "{}", "Dockerfile": "FROM x", "dir.ts/b.yml": "a: 1", "ファイル.tsx": "x", "é.json": "{}" });
    expect(await collect(startListing(root).batches())).toEqual(["Dockerfile", "a.json", "dir.ts/b.yml", "é.json"]);
    expect(await collect(startListing(root, { omitNeverScanned: false }).batches())).toEqual(["Dockerfile", "a.json", "dir.ts/b.yml", "logo.PNG", "src/app.ts", "é.json", "ファイル.tsx", ".env.ts"].sort());
  });

  it("the byte check agrees with the string check on every kind of name", async () => {
    const { hasNeverScannedExtension, hasNeverScannedExtensionBytes } = await import("../../src/scan/list-files.js");
    const names = ["a.ts", "A.TS", "x/.ts", ".ts", "x/y.tsx", "a.b.c.json", "noext", "dir.ts/file", "a.", "a.toolong", "a.123456", "a.1234567", "é.png", "ファイル.go", "a.tś", "x/.env", "a.ts/", "a.mp4", "deep/a/b/c.SCSS"];
    for (const name of names) {
      const bytes = Buffer.from(`pre\0${name}\0post`);
      const start = 4;
      const end = start + Buffer.byteLength(name);
      expect([name, hasNeverScannedExtensionBytes(bytes, start, end)]).toEqual([name, hasNeverScannedExtension(name)]);
    }
  });
});
