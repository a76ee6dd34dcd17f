import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync } from "node:fs";
import path from "node:path";
import type { ScannedFile } from "./types.js";

export const MAX_FILE_BYTES = 1024 * 1024;
const BINARY_SNIFF_BYTES = 8192;

export type SkipReason = "too-large" | "binary" | "outside-symlink" | "not-a-file" | "unreadable";

/** Where O_NOFOLLOW exists (not Windows) a symlink fails to open with ELOOP, so one `open` replaces an `lstat`. */
const NO_FOLLOW = constants.O_NOFOLLOW;
const OPEN_FLAGS = constants.O_RDONLY | (NO_FOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/**
 * A reader for files inside `realRoot` that says, for each, its text or why it must be
 * skipped. Synchronous on purpose: for thousands of small manifests, direct syscalls beat
 * a round trip through the thread pool several-fold. Each file costs open, one read into
 * a buffer reused for every file, and close: no `stat` (a Stats object costs as much as
 * the read) except for the rare empty or over-limit file.
 */
export function createFileReader(realRoot: string, maxBytes: number): (relPath: string) => ScannedFile | SkipReason {
  let buffer: Buffer | undefined;
  const readOpen = (fd: number, relPath: string): ScannedFile | SkipReason => {
    buffer ??= Buffer.allocUnsafe(maxBytes + 1);
    // One read: a regular file yields everything up to the count asked for (short reads are for pipes and sockets).
    const bytes = readSync(fd, buffer, 0, buffer.length, null);
    if (bytes === 0 || bytes > maxBytes) {
      if (!fstatSync(fd).isFile()) return "not-a-file";
      if (bytes > maxBytes) return "too-large";
    }
    // A loop, not subarray().includes(): creating a Buffer view per file costs more than scanning a small manifest.
    const sniff = Math.min(bytes, BINARY_SNIFF_BYTES);
    for (let i = 0; i < sniff; i++) if (buffer[i] === 0) return "binary";
    const text = buffer.toString("utf8", 0, bytes);
    return { path: relPath, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  };
  const readAt = (absolute: string, relPath: string, flags: number): ScannedFile | SkipReason => {
    const fd = openSync(absolute, flags);
    try {
      return readOpen(fd, relPath);
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === "EISDIR" ? "not-a-file" : "unreadable";
    } finally {
      closeSync(fd);
    }
  };
  return (relPath) => {
    const absolute = `${realRoot}${path.sep}${relPath}`;
    try {
      if (NO_FOLLOW === undefined && lstatSync(absolute).isSymbolicLink()) return readThroughLink(realRoot, absolute, relPath, readAt);
      return readAt(absolute, relPath, OPEN_FLAGS);
    } catch (error) {
      // O_NOFOLLOW refused a symbolic link: follow it only when it stays inside the repository.
      if ((error as NodeJS.ErrnoException).code === "ELOOP") return readThroughLink(realRoot, absolute, relPath, readAt);
      // Deleted-but-tracked files, permission problems and the like are simply not read.
      return "unreadable";
    }
  };
}

function readThroughLink(
  realRoot: string,
  absolute: string,
  relPath: string,
  readAt: (absolute: string, relPath: string, flags: number) => ScannedFile | SkipReason,
): ScannedFile | SkipReason {
  try {
    const target = realpathSync(absolute);
    const rel = path.relative(realRoot, target);
    if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) return "outside-symlink";
    return readAt(target, relPath, OPEN_FLAGS);
  } catch {
    // Dangling links are not read.
    return "unreadable";
  }
}
