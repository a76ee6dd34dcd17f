import { realpath } from "node:fs/promises";
import path from "node:path";
import { createFileReader, MAX_FILE_BYTES, type SkipReason } from "./read-file.js";
import { hasNeverScannedExtension, isInSkippedDir } from "./list-files.js";
import { startListing, type FileListing } from "./listing.js";
import type { ScannedFile } from "./types.js";

export { MAX_FILE_BYTES, type SkipReason } from "./read-file.js";

/** Files whose contents are secrets: never read, whatever a detector asks for. */
const SECRET_FILE = /^(\.env(\.(?!example$|sample$|template$|dist$|defaults$)[^/]*)?|\.envrc|[^/]*\.tfvars(\.json)?|[^/]*\.(pem|key|p12|pfx|jks|keystore)|id_(rsa|dsa|ecdsa|ed25519)|\.netrc|\.npmrc|\.pypirc|credentials(\.json)?)$/i;

/** True for files adrgen must never read (env files, tfvars, private keys, credential stores). */
export function isSecretFile(relPath: string): boolean {
  const name = relPath.slice(relPath.lastIndexOf("/") + 1);
  // Remembered per file name: a monorepo repeats package.json and Dockerfile thousands of times.
  let secret = secretNames.get(name);
  if (secret === undefined) {
    secret = SECRET_FILE.test(name);
    if (secretNames.size < MAX_REMEMBERED_NAMES) secretNames.set(name, secret);
  }
  return secret;
}

const secretNames = new Map<string, boolean>();
const MAX_REMEMBERED_NAMES = 10_000;

/** True for a path the scanner may offer to detectors: not source/media, not under build output, not a secret. */
export function isScannablePath(relPath: string): boolean {
  return !hasNeverScannedExtension(relPath) && !isInSkippedDir(relPath) && !isSecretFile(relPath);
}

export interface WalkOptions<S = true> {
  /** Only paths this accepts (answers truthy) are read; the answer is handed back to `onFile` (the scanner passes the matched detectors). */
  accept(relPath: string): S | false | null | undefined;
  /** False when an accepted path needs no contents (its name is the evidence): it is handed over with empty text, unread. Default: read. */
  needsText?(selection: S): boolean;
  /** Called once per listed batch with what was accepted, before any of it is read (e.g. to load parsers once). */
  prepare?(selections: S[]): void | Promise<unknown>;
  /** Called once per readable text file. A returned promise is awaited with bounded concurrency; synchronous handlers cost no promise. */
  onFile(file: ScannedFile, selection: S): void | Promise<void>;
  /** Called for an accepted file that was not read, with the reason. */
  onSkip?(relPath: string, reason: SkipReason): void;
  maxFileBytes?: number;
  /** How many asynchronous `onFile` calls may run at once. */
  concurrency?: number;
  /** Force (true) or forbid (false) `git ls-files`; default: use git when root is a work tree. */
  useGit?: boolean;
  /** A listing of `root` already started (see listing.ts); default: started here. */
  listing?: FileListing;
}

export interface WalkStats {
  listed: number;
  accepted: number;
  read: number;
  /** Accepted paths handed over by name only (`needsText` false). */
  unread: number;
  skipped: number;
}

/** Enumerates a repository and hands each accepted, small, text, in-repository file to `onFile`. */
export async function walkRepository<S = true>(root: string, options: WalkOptions<S>): Promise<WalkStats> {
  const listing = options.listing ?? startListing(root, { useGit: options.useGit });
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch (error) {
    listing.dispose();
    throw error;
  }
  const read = createFileReader(realRoot, options.maxFileBytes ?? MAX_FILE_BYTES);
  const stats: WalkStats = { listed: 0, accepted: 0, read: 0, unread: 0, skipped: 0 };
  const limit = Math.max(1, options.concurrency ?? 16);
  const running = new Set<Promise<void>>();
  const toPosix = path.sep === "/" ? (p: string) => p : (p: string) => p.split(path.sep).join("/");
  const paths: string[] = [];
  const selections: S[] = [];

  for await (const batch of listing.batches()) {
    stats.listed += batch.length;
    paths.length = 0;
    selections.length = 0;
    for (const raw of batch) {
      const relPath = toPosix(raw);
      if (!isScannablePath(relPath)) continue;
      const selection = options.accept(relPath);
      if (!selection) continue;
      paths.push(relPath);
      selections.push(selection);
    }
    if (paths.length === 0) continue;
    stats.accepted += paths.length;
    if (options.prepare) await options.prepare(selections);
    for (let i = 0; i < paths.length; i++) {
      const relPath = paths[i]!;
      const selection = selections[i]!;
      let file: ScannedFile;
      if (options.needsText && !options.needsText(selection)) {
        stats.unread++;
        file = { path: relPath, text: "" };
      } else {
        const outcome = read(relPath);
        if (typeof outcome === "string") {
          stats.skipped++;
          options.onSkip?.(relPath, outcome);
          continue;
        }
        stats.read++;
        file = outcome;
      }
      const pending = options.onFile(file, selection);
      if (!pending) continue;
      const task: Promise<void> = pending.finally(() => running.delete(task));
      running.add(task);
      if (running.size >= limit) await Promise.race(running);
    }
  }
  await Promise.all(running);
  return stats;
}
