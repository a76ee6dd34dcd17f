import { afterAll, afterEach, describe, expect, it } from "@jest/globals";
import { mkdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isEditorTempFile, watchAdrDirs, type DirWatch } from "../../src/site/serve-watch.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";

const watches: DirWatch[] = [];
afterEach(() => {
  for (const w of watches.splice(0)) w.close();
});
afterAll(() => cleanupTempDirs());

/** Starts a watch that records every batch it reports. */
function record(dirs: string[], options: Parameters<typeof watchAdrDirs>[2] = {}) {
  const batches: string[][] = [];
  const waiters: Array<() => void> = [];
  const watch = watchAdrDirs(
    dirs,
    (changed) => {
      batches.push(changed);
      for (const w of waiters.splice(0)) w();
    },
    { debounceMs: 50, recheckMs: 100, ...options },
  );
  watches.push(watch);
  const nextBatch = (timeoutMs = 4000) =>
    new Promise<string[]>((resolve, reject) => {
      const seen = batches.length;
      const timer = setTimeout(() => reject(new Error(`no change reported within ${timeoutMs} ms`)), timeoutMs);
      waiters.push(() => {
        clearTimeout(timer);
        resolve(batches[seen]!);
      });
    });
  return { batches, nextBatch };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("watchAdrDirs", () => {
  it("reports a burst of edits once, after the quiet period", async () => {
    const dir = makeTempDir({ "0001-a.md": "# A\n" });
    const { batches, nextBatch } = record([dir]);
    const batch = nextBatch();
    for (let i = 0; i < 5; i++) writeFileSync(path.join(dir, "0001-a.md"), `# A ${i}\n`);
    writeFileSync(path.join(dir, "0002-b.md"), "# B\n");
    expect((await batch).sort()).toEqual([path.join(dir, "0001-a.md"), path.join(dir, "0002-b.md")]);
    await pause(150);
    expect(batches).toHaveLength(1);
  });

  it("reports deleted and renamed ADRs and keeps watching afterwards", async () => {
    const dir = makeTempDir({ "0001-a.md": "# A\n", "0002-b.md": "# B\n" });
    const { nextBatch } = record([dir]);
    let batch = nextBatch();
    unlinkSync(path.join(dir, "0001-a.md"));
    expect(await batch).toContain(path.join(dir, "0001-a.md"));
    batch = nextBatch();
    renameSync(path.join(dir, "0002-b.md"), path.join(dir, "0002-c.md"));
    expect((await batch).sort()).toEqual([path.join(dir, "0002-b.md"), path.join(dir, "0002-c.md")]);
    batch = nextBatch();
    writeFileSync(path.join(dir, "0003-d.md"), "# D\n");
    expect(await batch).toEqual([path.join(dir, "0003-d.md")]);
  });

  it("ignores editor temp files and paths the caller excludes", async () => {
    const dir = makeTempDir({});
    const out = path.join(dir, "site");
    const { batches, nextBatch } = record([dir], { ignore: (file) => file === out });
    const batch = nextBatch();
    writeFileSync(path.join(dir, ".0001-a.md.swp"), "x");
    writeFileSync(path.join(dir, "0001-a.md~"), "x");
    writeFileSync(path.join(dir, "4913"), "x");
    mkdirSync(out);
    await pause(200);
    expect(batches).toHaveLength(0);
    writeFileSync(path.join(dir, "0001-a.md"), "# A\n");
    expect(await batch).toEqual([path.join(dir, "0001-a.md")]);
  });

  it("watches a directory that appears later, and again after it is deleted and recreated", async () => {
    const parent = makeTempDir({});
    const dir = path.join(parent, "docs/adr");
    const { nextBatch } = record([dir]);
    let batch = nextBatch();
    mkdirSync(dir, { recursive: true });
    expect(await batch).toEqual([dir]);
    batch = nextBatch();
    writeFileSync(path.join(dir, "0001-a.md"), "# A\n");
    expect(await batch).toContain(path.join(dir, "0001-a.md"));

    batch = nextBatch();
    rmSync(dir, { recursive: true });
    expect((await batch).some((file) => file.startsWith(dir))).toBe(true);
    await pause(250);
    batch = nextBatch();
    mkdirSync(dir, { recursive: true });
    await batch;
    await pause(250);
    batch = nextBatch();
    writeFileSync(path.join(dir, "0002-b.md"), "# B\n");
    expect(await batch).toContain(path.join(dir, "0002-b.md"));
  });

  it("reports nothing after close", async () => {
    const dir = makeTempDir({});
    const { batches } = record([dir]);
    watches.pop()!.close();
    writeFileSync(path.join(dir, "0001-a.md"), "# A\n");
    await pause(200);
    expect(batches).toHaveLength(0);
  });
});

describe("isEditorTempFile", () => {
  it("knows swap, backup and probe files, and not ADRs", () => {
    for (const name of [".#0001-a.md", ".0001-a.md.swp", "0001-a.md~", "4913", "x.tmp", "x.bak"]) expect([name, isEditorTempFile(name)]).toEqual([name, true]);
    for (const name of ["0001-a.md", "README.md", "diagram.png"]) expect([name, isEditorTempFile(name)]).toEqual([name, false]);
  });
});
