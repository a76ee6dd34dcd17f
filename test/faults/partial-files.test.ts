// What a signal handler removes (src/io/interrupt.ts): a file mid-write is partial, a finished one
// never is, and a file someone else created is never ours to remove.
import { afterAll, describe, expect, it } from "@jest/globals";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { nodeFileSystem, type FileHandleLike, type FileSystem } from "../../src/io/file-system.js";
import { createFileExclusive, withDirLock, writeFileAtomic } from "../../src/io/fs.js";
import { removePartialFiles } from "../../src/io/interrupt.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

/** The real file system, except that the first write waits until `release()`; `paused` resolves when it does. */
function pausingFs() {
  let release!: () => void;
  let announce!: (file: string) => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const paused = new Promise<string>((resolve) => (announce = resolve));
  const fs: FileSystem = {
    ...nodeFileSystem,
    async open(file, flags, mode) {
      const handle = await nodeFileSystem.open(file, flags, mode);
      const wrapped: FileHandleLike = {
        async writeFile(data, encoding) {
          await handle.writeFile(data.slice(0, 5), encoding);
          announce(file);
          await gate;
          await handle.writeFile(data.slice(5), encoding);
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      };
      return wrapped;
    },
  };
  return { fs, paused, release };
}

describe("partial files removed on a signal", () => {
  it("a new ADR that is half written is removed; a finished one is left alone", async () => {
    const dir = makeTempDir();
    const file = path.join(dir, "0001-x.md");
    const { fs, paused, release } = pausingFs();
    const writing = createFileExclusive(file, "# X\n\nbody text\n", fs);
    expect(await paused).toBe(file);
    expect(readFileSync(file, "utf8")).toBe("# X\n\n");
    removePartialFiles();
    expect(existsSync(file)).toBe(false);
    release();
    await writing.catch(() => undefined);

    const done = path.join(dir, "0002-y.md");
    await createFileExclusive(done, "# Y\n");
    removePartialFiles();
    expect(readFileSync(done, "utf8")).toBe("# Y\n");
  });

  it("an existing ADR that blocked an exclusive create is not removed", async () => {
    const dir = makeTempDir({ "0001-x.md": "# theirs\n" });
    await expect(createFileExclusive(path.join(dir, "0001-x.md"), "# mine\n")).rejects.toThrow(/already exists/);
    removePartialFiles();
    expect(readFileSync(path.join(dir, "0001-x.md"), "utf8")).toBe("# theirs\n");
  });

  it("the temp file of an atomic rewrite is removed; the file being replaced keeps its old text", async () => {
    const dir = makeTempDir({ "0001-x.md": "# old\n" });
    const { fs, paused, release } = pausingFs();
    const writing = writeFileAtomic(path.join(dir, "0001-x.md"), "# new text\n", fs);
    const temp = await paused;
    expect(path.basename(temp)).toMatch(/^\.0001-x\.md\..*\.tmp$/);
    removePartialFiles();
    expect(readdirSync(dir)).toEqual(["0001-x.md"]);
    release();
    await writing.catch(() => undefined);
    expect(readFileSync(path.join(dir, "0001-x.md"), "utf8")).toBe("# old\n");
  });

  it("the directory lock is removed while held, and not tracked after release", async () => {
    const dir = makeTempDir();
    let seen: string[] = [];
    await withDirLock(dir, async () => {
      expect(readdirSync(dir)).toEqual([".adrgen.lock"]);
      removePartialFiles();
      seen = readdirSync(dir);
    });
    expect(seen).toEqual([]);
    // A lock file created later by someone else is not touched by a stale registration.
    writeFileSync(path.join(dir, ".adrgen.lock"), "{}");
    removePartialFiles();
    expect(readdirSync(dir)).toEqual([".adrgen.lock"]);
  });
});
