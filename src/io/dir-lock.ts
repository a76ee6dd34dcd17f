import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import path from "node:path";
import { fromSystemError, runtimeError } from "../domain/errors.js";
import { errorCode, nodeFileSystem, type FileSystem } from "./file-system.js";
import { trackPartialFile } from "./interrupt.js";

/** The lock file adrgen creates inside an ADR directory while it numbers and writes files. */
export const LOCK_FILE_NAME = ".adrgen.lock";

export interface DirLockOptions {
  fs?: FileSystem;
  /** Give up after this long (default 10 s). */
  timeoutMs?: number;
  /** A lock older than this is taken to be left behind by a crashed run (default 30 s). */
  staleMs?: number;
  /** Clock, for tests. */
  now?: () => number;
  /** Whether a process id is alive on this host, for tests. */
  isPidAlive?: (pid: number) => boolean;
  /** Waits between attempts, for tests. */
  sleep?: (ms: number) => Promise<void>;
}

interface LockContent {
  pid: number;
  host: string;
  createdAt: number;
  token: string;
}

/** Whether a process with this id exists (EPERM means it exists but belongs to someone else). */
export function pidIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === "EPERM";
  }
}

function parseLock(text: string): LockContent | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockContent>;
    if (typeof value.pid === "number" && typeof value.createdAt === "number" && typeof value.token === "string") {
      return { pid: value.pid, host: String(value.host ?? ""), createdAt: value.createdAt, token: value.token };
    }
  } catch {
    // Half-written or foreign content: judged by the file's age below.
  }
  return undefined;
}

/**
 * Runs `fn` while holding an exclusive lock file in `dir` (created with `wx`, holding pid and time).
 * Retries with a short backoff, recovers a stale lock (too old, or its process is gone) and always
 * releases the lock, also when `fn` throws. The directory must exist.
 */
export async function withDirLock<T>(dir: string, fn: () => Promise<T>, options: DirLockOptions = {}): Promise<T> {
  const fs = options.fs ?? nodeFileSystem;
  const now = options.now ?? Date.now;
  const lockFile = path.join(dir, LOCK_FILE_NAME);
  const mine: LockContent = { pid: process.pid, host: hostname(), createdAt: now(), token: randomBytes(8).toString("hex") };
  // A signal while the lock is held removes it, so the next run need not wait for staleness.
  const untrack = await acquire(fs, lockFile, mine, options);
  try {
    return await fn();
  } finally {
    untrack();
    await release(fs, lockFile, mine.token);
  }
}

/** Creates the lock file (waiting, or recovering a stale one); returns the function that stops tracking it as partial. */
async function acquire(fs: FileSystem, lockFile: string, mine: LockContent, options: DirLockOptions): Promise<() => void> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const deadline = now() + (options.timeoutMs ?? 10_000);
  let delay = 5;
  for (;;) {
    mine.createdAt = now();
    const untrack = await tryCreate(fs, lockFile, mine);
    if (untrack) return untrack;
    const holder = await inspect(fs, lockFile);
    if (holder === "gone") continue;
    if (isStale(holder, mine.host, now(), options)) {
      await removeStale(fs, lockFile, holder.text);
      continue;
    }
    if (now() >= deadline) {
      const who = holder.content ? `process ${holder.content.pid} on ${holder.content.host}` : "another process";
      throw runtimeError(
        `The ADR directory is locked by ${who}: ${lockFile}`,
        `Wait for the other adrgen run to finish; if none is running, delete ${lockFile}.`,
      );
    }
    // Jitter keeps several waiting processes from retrying in lock-step.
    await sleep(delay + Math.floor(Math.random() * delay));
    delay = Math.min(delay * 2, 200);
  }
}

/**
 * Creates the lock file unless it exists (false). It is tracked as partial as soon as it is ours
 * (the `wx` open succeeded), before its content is written: a signal in between must not leave it.
 */
async function tryCreate(fs: FileSystem, lockFile: string, mine: LockContent): Promise<(() => void) | false> {
  let handle;
  try {
    handle = await fs.open(lockFile, "wx", 0o644);
  } catch (error) {
    if (errorCode(error) === "EEXIST") return false;
    throw fromSystemError(error, `lock the ADR directory (${lockFile})`);
  }
  const untrack = trackPartialFile(lockFile);
  try {
    await handle.writeFile(`${JSON.stringify(mine)}\n`, "utf8");
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.unlink(lockFile).catch(() => undefined);
    untrack();
    throw fromSystemError(error, `lock the ADR directory (${lockFile})`);
  }
  await handle.close();
  return untrack;
}

interface Holder {
  text: string;
  content: LockContent | undefined;
  mtimeMs: number;
}

async function inspect(fs: FileSystem, lockFile: string): Promise<Holder | "gone"> {
  try {
    const [text, stats] = await Promise.all([fs.readFile(lockFile), fs.stat(lockFile)]);
    return { text, content: parseLock(text), mtimeMs: stats.mtimeMs };
  } catch (error) {
    if (errorCode(error) === "ENOENT") return "gone";
    throw fromSystemError(error, `read the lock file ${lockFile}`);
  }
}

function isStale(holder: Holder, host: string, now: number, options: DirLockOptions): boolean {
  const staleMs = options.staleMs ?? 30_000;
  const since = holder.content?.createdAt ?? holder.mtimeMs;
  if (now - since > staleMs) return true;
  // A pid can only be checked on the host that wrote it (the directory may be on a shared drive).
  if (holder.content && holder.content.host === host) return !(options.isPidAlive ?? pidIsAlive)(holder.content.pid);
  return false;
}

/**
 * Removes a stale lock without deleting a fresh one that another process created meanwhile:
 * the lock is first renamed aside (only one process can win that), then its content is compared
 * with what was judged stale; a lock that turns out fresh is put back.
 */
async function removeStale(fs: FileSystem, lockFile: string, staleText: string): Promise<void> {
  const aside = `${lockFile}.stale-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    await fs.rename(lockFile, aside);
  } catch (error) {
    if (errorCode(error) === "ENOENT") return;
    throw fromSystemError(error, `remove the stale lock ${lockFile}`);
  }
  const taken = await fs.readFile(aside).catch(() => staleText);
  if (taken !== staleText) await restoreLock(fs, lockFile, taken);
  await fs.unlink(aside).catch(() => undefined);
}

// Puts a live lock back with an exclusive create, so a lock made meanwhile is never overwritten.
async function restoreLock(fs: FileSystem, lockFile: string, text: string): Promise<void> {
  try {
    const handle = await fs.open(lockFile, "wx", 0o644);
    try {
      await handle.writeFile(text, "utf8");
    } finally {
      await handle.close();
    }
  } catch {
    // Another process holds a newer lock; the one we took aside has lost its place.
  }
}

// Best effort: a failure here must not hide the error of the work done under the lock,
// and a lock left behind is recovered by the next run (its pid is gone).
async function release(fs: FileSystem, lockFile: string, token: string): Promise<void> {
  try {
    const current = parseLock(await fs.readFile(lockFile));
    // Someone judged our lock stale and took over: their lock is not ours to delete.
    if (current?.token !== token) return;
    await fs.unlink(lockFile);
  } catch {
    // Already removed, or the directory went away.
  }
}
