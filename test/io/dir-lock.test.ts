import { afterAll, describe, expect, it } from "@jest/globals";
import { existsSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { nodeFileSystem, type FileSystem } from "../../src/io/file-system.js";
import { LOCK_FILE_NAME, withDirLock } from "../../src/io/fs.js";
import { removePartialFiles } from "../../src/io/interrupt.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";
import { faultyFs } from "./fake-fs.js";

afterAll(cleanupTempDirs);

const lockContent = (pid: number, createdAt: number, host = hostname()) => JSON.stringify({ pid, host, createdAt, token: "someone-else" });

describe("withDirLock", () => {
  it("holds a lock file with pid and time while fn runs and removes it afterwards", async () => {
    const dir = makeTempDir();
    const lock = path.join(dir, LOCK_FILE_NAME);
    const seen = await withDirLock(dir, async () => JSON.parse(readFileSync(lock, "utf8")) as { pid: number; createdAt: number });
    expect(seen.pid).toBe(process.pid);
    expect(Math.abs(seen.createdAt - Date.now())).toBeLessThan(10_000);
    expect(existsSync(lock)).toBe(false);
  });

  it("releases the lock when fn throws, and passes the error on", async () => {
    const dir = makeTempDir();
    await expect(withDirLock(dir, async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
  });

  it("serialises concurrent holders: no two run fn at the same time", async () => {
    const dir = makeTempDir();
    let inside = 0;
    let maxInside = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        withDirLock(dir, async () => {
          inside += 1;
          maxInside = Math.max(maxInside, inside);
          await new Promise((r) => setTimeout(r, 5));
          order.push(i);
          inside -= 1;
        }),
      ),
    );
    expect(maxInside).toBe(1);
    expect(order.sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("recovers a lock whose process is dead", async () => {
    const dir = makeTempDir({ [LOCK_FILE_NAME]: lockContent(999_999, Date.now()) });
    const result = await withDirLock(dir, async () => "ran", { isPidAlive: (pid) => pid !== 999_999, timeoutMs: 500 });
    expect(result).toBe("ran");
    expect(existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
  });

  it("recovers a lock older than staleMs even when its pid is alive", async () => {
    const dir = makeTempDir({ [LOCK_FILE_NAME]: lockContent(process.pid, Date.now() - 60_000) });
    await expect(withDirLock(dir, async () => "ran", { staleMs: 30_000, timeoutMs: 500 })).resolves.toBe("ran");
  });

  it("recovers an unreadable lock by its file age", async () => {
    const dir = makeTempDir({ [LOCK_FILE_NAME]: "garbage" });
    const later = Date.now() + 120_000;
    await expect(withDirLock(dir, async () => "ran", { now: () => later, timeoutMs: 500 })).resolves.toBe("ran");
  });

  it("waits for a live lock and times out with a clear message naming the holder", async () => {
    const dir = makeTempDir({ [LOCK_FILE_NAME]: lockContent(process.pid, Date.now()) });
    let ran = false;
    const attempt = withDirLock(dir, async () => void (ran = true), { timeoutMs: 150 });
    await expect(attempt).rejects.toThrow(new RegExp(`locked by process ${process.pid}`));
    expect(ran).toBe(false);
    // The other holder's lock is untouched.
    expect(readFileSync(path.join(dir, LOCK_FILE_NAME), "utf8")).toContain("someone-else");
  });

  it("does not judge a lock from another host by its pid", async () => {
    const dir = makeTempDir({ [LOCK_FILE_NAME]: lockContent(999_999, Date.now(), "other-host") });
    await expect(withDirLock(dir, async () => "ran", { isPidAlive: () => false, timeoutMs: 100 })).rejects.toThrow(/locked by process 999999 on other-host/);
  });

  it("acquires once a live holder releases", async () => {
    const dir = makeTempDir({ [LOCK_FILE_NAME]: lockContent(process.pid, Date.now()) });
    setTimeout(() => unlinkSync(path.join(dir, LOCK_FILE_NAME)), 60);
    await expect(withDirLock(dir, async () => "ran", { timeoutMs: 2000 })).resolves.toBe("ran");
  });

  it("maps a read-only file system to a clear error", async () => {
    const dir = makeTempDir();
    const fs = faultyFs([{ op: "open", code: "EROFS" }]);
    await expect(withDirLock(dir, async () => "ran", { fs })).rejects.toThrow(/Could not lock the ADR directory/);
  });

  it("a signal while the lock's content is still being written removes the lock (it is ours from the moment it exists)", async () => {
    const dir = makeTempDir();
    const lock = path.join(dir, LOCK_FILE_NAME);
    let signalled = false;
    // A file system whose write of the lock's content is where the signal lands: removePartialFiles is what the handler runs.
    const fs: FileSystem = {
      ...nodeFileSystem,
      async open(file, flags, mode) {
        const handle = await nodeFileSystem.open(file, flags, mode);
        return {
          ...handle,
          writeFile: async (text: string, encoding: "utf8") => {
            removePartialFiles();
            signalled = !existsSync(lock);
            return handle.writeFile(text, encoding);
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    await withDirLock(dir, async () => "ran", { fs }).catch(() => undefined);
    expect(signalled).toBe(true);
  });

  it("does not delete a lock that another process took over after judging ours stale", async () => {
    const dir = makeTempDir();
    const lock = path.join(dir, LOCK_FILE_NAME);
    await withDirLock(dir, async () => {
      writeFileSync(lock, lockContent(4242, Date.now()));
    });
    expect(readFileSync(lock, "utf8")).toContain("someone-else");
  });
});
