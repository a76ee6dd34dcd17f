import { closeSync, lstatSync, openSync, readSync, realpathSync, statSync } from "node:fs";
import { realpath } from "node:fs/promises";
import path from "node:path";
import { hasNeverScannedExtension, isInSkippedDir, listRepositoryFiles } from "./list-files.js";
import type { ScannedFile } from "./types.js";

export const MAX_FILE_BYTES = 1024 * 1024;
const BINARY_SNIFF_BYTES = 8192;

/** Files whose contents are secrets: never read, whatever a detector asks for. */
const SECRET_FILE = /^(\.env(\.(?!example$|sample$|template$|dist$|defaults$)[^/]*)?|\.envrc|[^/]*\.tfvars(\.json)?|[^/]*\.(pem|key|p12|pfx|jks|keystore)|id_(rsa|dsa|ecdsa|ed25519)|\.netrc|\.npmrc|\.pypirc|credentials(\.json)?)$/i;

/** True for files adrgen must never read (env files, tfvars, private keys, credential stores). */
export function isSecretFile(relPath: string): boolean {
  return SECRET_FILE.test(relPath.slice(relPath.lastIndexOf("/") + 1));
}

export type SkipReason = "too-large" | "binary" | "outside-symlink" | "not-a-file" | "unreadable";

export interface WalkOptions {
  /** Only paths this accepts are read (the detectors' `matches`). */
  accept(relPath: string): boolean;
  /** Called once per readable text file; awaited, so it may be async. */
  onFile(file: ScannedFile): void | Promise<void>;
  /** Called for an accepted file that was not read, with the reason. */
  onSkip?(relPath: string, reason: SkipReason): void;
  maxFileBytes?: number;
  /** How many files are read at once. */
  concurrency?: number;
  /** Force (true) or forbid (false) `git ls-files`; default: use git when root is a work tree. */
  useGit?: boolean;
}

export interface WalkStats {
  listed: number;
  accepted: number;
  read: number;
  skipped: number;
}

/** Enumerates a repository and hands each accepted, small, text, in-repository file to `onFile`. */
export async function walkRepository(root: string, options: WalkOptions): Promise<WalkStats> {
  const realRoot = await realpath(root);
  const stats: WalkStats = { listed: 0, accepted: 0, read: 0, skipped: 0 };
  const limit = Math.max(1, options.concurrency ?? 16);
  const running = new Set<Promise<void>>();
  const visit = async (relPath: string): Promise<void> => {
    const outcome = readCandidate(realRoot, relPath, options.maxFileBytes ?? MAX_FILE_BYTES);
    if (typeof outcome === "string") {
      stats.skipped++;
      options.onSkip?.(relPath, outcome);
      return;
    }
    stats.read++;
    await options.onFile(outcome);
  };
  const toPosix = path.sep === "/" ? (p: string) => p : (p: string) => p.split(path.sep).join("/");
  for await (const batch of listRepositoryFiles(root, { useGit: options.useGit })) {
    stats.listed += batch.length;
    for (const raw of batch) {
      const relPath = toPosix(raw);
      if (hasNeverScannedExtension(relPath) || isInSkippedDir(relPath) || isSecretFile(relPath) || !options.accept(relPath)) continue;
      stats.accepted++;
      const task: Promise<void> = visit(relPath).finally(() => running.delete(task));
      running.add(task);
      if (running.size >= limit) await Promise.race(running);
    }
  }
  await Promise.all(running);
  return stats;
}

/**
 * Reads one file, or says why it must be skipped. Synchronous on purpose: for thousands of
 * small manifests, direct syscalls beat a round trip through the thread pool several-fold,
 * and only one file is held in memory at a time.
 */
function readCandidate(realRoot: string, relPath: string, maxBytes: number): ScannedFile | SkipReason {
  const absolute = path.join(realRoot, relPath);
  try {
    const link = lstatSync(absolute);
    if (link.isSymbolicLink()) {
      const rel = path.relative(realRoot, realpathSync(absolute));
      if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) return "outside-symlink";
    }
    const info = link.isSymbolicLink() ? statSync(absolute) : link;
    if (!info.isFile()) return "not-a-file";
    if (info.size > maxBytes) return "too-large";
    const fd = openSync(absolute, "r");
    try {
      const buffer = Buffer.allocUnsafe(info.size);
      const bytesRead = readSync(fd, buffer, 0, info.size, 0);
      const data = buffer.subarray(0, bytesRead);
      if (data.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return "binary";
      let text = data.toString("utf8");
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      return { path: relPath, text };
    } finally {
      closeSync(fd);
    }
  } catch {
    // Deleted-but-tracked files, permission problems and dangling links are simply not read.
    return "unreadable";
  }
}
