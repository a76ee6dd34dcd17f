import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync, readSync, statSync, unlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { globListFiles, hasNeverScannedExtensionBytes } from "./list-files.js";

/** A repository listing already under way: batches of root-relative paths, consumed once. */
export interface FileListing {
  /** The directory listed; paths are relative to it. */
  readonly root: string;
  /** The paths, in batches (one per pipe chunk): a promise per path would dominate on 100,000 files. */
  batches(): AsyncGenerator<string[]>;
  /** Stops the listing (ends git) when it will not be consumed. */
  dispose(): void;
  /** True when the repository is known to be large (a git index of thousands of files). */
  readonly large?: boolean;
}

export interface ListingOptions {
  /** Force (true) or forbid (false) `git ls-files`; default: git when `root` is in a work tree, globby otherwise. */
  useGit?: boolean | undefined;
  /** Run tracked and untracked listings as two processes (true) or one (false); default: two unless `.git/index` is small. */
  split?: boolean | undefined;
  /**
   * Leave out paths with a NEVER_SCANNED_EXTENSIONS extension (source code, media) while splitting
   * git's output, before they become strings: most of a large repository, and the scanner (the one
   * consumer) skips them anyway. Default true; the globby fallback lists everything.
   */
  omitNeverScanned?: boolean | undefined;
  /** Bytes of the tracked listing split at a time (default 1 MB; tests use small sizes to cut paths across reads). */
  trackedChunkBytes?: number | undefined;
}

/** Batches held before git is paused: bounds memory when the consumer is slower than git. */
const MAX_QUEUED_BATCHES = 64;

/**
 * Starts listing `root` at once, so the listing overlaps whatever the caller loads next.
 * In a large git work tree it runs two `git ls-files` side by side: tracked files stream
 * within milliseconds, while untracked-not-ignored files need a walk of the whole work tree.
 * Outside git (or with `useGit: false`) it falls back to globby honouring `.gitignore`.
 */
export function startListing(root: string, options: ListingOptions = {}): FileListing {
  if (options.useGit === false) return { root, batches: () => globListFiles(root), dispose: () => {} };
  const queue: string[][] = [];
  let wake: (() => void) | undefined;
  let listed = 0;
  let trackedExit: number | null = null;
  let stopped = false;
  // Set once batches() has ended, however it ended: a git exiting later must not start anything.
  let consumed = false;
  const notify = () => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };
  // A second process pays off only when walking the work tree for untracked files takes long; spawning one costs milliseconds.
  const size = indexSize(root);
  const split = options.split ?? size !== "small";
  const commands = split
    ? [["ls-files", "-z", "--cached"], ["ls-files", "-z", "--others", "--exclude-standard"]]
    : [["ls-files", "-z", "--cached", "--others", "--exclude-standard"]];
  let open = commands.length;
  const children: ChildProcess[] = [];
  // Tracked paths, when split off, go to an unlinked temporary file instead of a pipe (see trackedListingFile).
  let tracked: { fd: number; offset: number; done: boolean; splitter: Splitter } | undefined;
  const start = (args: string[], index: number, toFile: boolean): void => {
    let child: ChildProcess;
    const splitter = nulSplitter(options.omitNeverScanned !== false, (batch) => {
      listed += batch.length;
      queue.push(batch);
      if (queue.length >= MAX_QUEUED_BATCHES) for (const c of children) c.stdout?.pause();
      notify();
    });
    const fd = toFile ? trackedListingFile() : undefined;
    try {
      child = spawn("git", args, { cwd: root, stdio: ["ignore", fd ?? "pipe", "ignore"], env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" } });
    } catch {
      if (fd !== undefined) closeSync(fd);
      // Some failures throw at once instead of emitting "error" (a cwd that is a file: ENOTDIR): nothing listed, as for a missing git.
      if (index === 0) trackedExit = -1;
      open--;
      return;
    }
    children.push(child);
    if (fd !== undefined) tracked = { fd, offset: 0, done: false, splitter };
    child.stdout?.on("data", splitter.push);
    let finished = false;
    const finish = (code: number | null) => {
      if (finished) return;
      finished = true;
      if (fd !== undefined && tracked) {
        // The consumer is gone (it stopped early, or threw): the file is closed already, nothing more to do.
        if (stopped || consumed || tracked.fd < 0) return;
        // git failed, maybe after writing part of the list (a full temporary directory): list again through a
        // pipe. Outside a work tree that fails too (one more spawn), and the listing falls back to globby.
        if (code !== 0) {
          closeTracked();
          tracked = undefined;
          start(args, index, false);
          return;
        }
        // Otherwise the file is read by batches() as the scan asks for paths; the source stays open until then.
        tracked.done = true;
      } else {
        splitter.end();
        open--;
      }
      if (index === 0) trackedExit = code;
      notify();
    };
    // A missing git binary (or cwd) emits "error" and maybe no "close".
    child.on("error", () => finish(-1));
    child.on("close", (code) => finish(code));
  };
  commands.forEach((args, index) => start(args, index, split && index === 0));
  const kill = () => {
    // A spawn that failed (a missing cwd) has no pid until its "error" event; killing it before then
    // would signal pid 0, which is this process's whole group (the user's shell, a test runner).
    for (const child of children) if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) child.kill();
  };
  const closeTracked = () => {
    if (tracked && tracked.fd >= 0) {
      closeSync(tracked.fd);
      tracked.fd = -1;
    }
  };
  const dispose = () => {
    stopped = true;
    kill();
    closeTracked();
    notify();
  };
  /** Splits the next part of the finished tracked listing into the queue; false once it is all read. */
  const readTracked = (): boolean => {
    if (!tracked || !tracked.done || tracked.fd < 0) return false;
    // A new buffer per read: the splitter keeps a reference to a path cut at the end of a chunk.
    const chunk = Buffer.allocUnsafe(options.trackedChunkBytes ?? TRACKED_CHUNK_BYTES);
    const bytes = readSync(tracked.fd, chunk, 0, chunk.length, tracked.offset);
    tracked.offset += bytes;
    if (bytes > 0) tracked.splitter.push(chunk.subarray(0, bytes));
    else {
      tracked.splitter.end();
      closeTracked();
      open--;
    }
    return true;
  };

  async function* batches(): AsyncGenerator<string[]> {
    try {
      while (!stopped) {
        const batch = queue.shift();
        if (batch) {
          if (queue.length < MAX_QUEUED_BATCHES / 2) for (const child of children) child.stdout?.resume();
          yield batch;
          continue;
        }
        if (readTracked()) continue;
        if (open === 0) break;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    } finally {
      kill();
      closeTracked();
      consumed = true;
    }
    // Not a work tree (or no git): nothing was listed and listing tracked files failed.
    if (!stopped && listed === 0 && trackedExit !== 0) yield* globListFiles(root);
  }
  return { root, batches, dispose, large: size === "large" };
}

/** How much of the tracked listing is split at a time: bounds memory however large the repository. */
const TRACKED_CHUNK_BYTES = 1024 * 1024;

/**
 * A file for `git ls-files --cached` to write to instead of a pipe: through a pipe git stops every
 * 64 KB until this process, busy reading manifests, takes the next chunk, and on a large repository
 * the scan then waits for git as often as git waits for it. The file is unlinked at once (it leaves
 * nothing behind, even if the process is killed) and read after git exits. Undefined where that
 * cannot be done (Windows cannot unlink an open file; an unwritable temporary directory): the pipe then.
 */
function trackedListingFile(): number | undefined {
  if (process.platform === "win32") return undefined;
  const file = path.join(os.tmpdir(), `adrgen-ls-files-${process.pid}-${Math.random().toString(36).slice(2)}`);
  let fd: number | undefined;
  try {
    fd = openSync(file, "wx+", 0o600);
    unlinkSync(file);
    return fd;
  } catch {
    if (fd !== undefined) closeSync(fd);
    return undefined;
  }
}

/** Index bytes below which one `git ls-files` is used (about 5,000 files at ~100 bytes an entry). */
const SMALL_INDEX_BYTES = 512 * 1024;

/**
 * How large the repository's git index is: `small` when `root/.git/index` is, or is missing from a
 * `.git` directory (nothing added since `git init`: every file is untracked, one listing has it all);
 * `large` when it holds thousands of files; `unknown` elsewhere (a linked worktree, a subdirectory,
 * no git at all), where two listings are started as for a large one but nothing else assumes size.
 */
function indexSize(root: string): "small" | "large" | "unknown" {
  try {
    return statSync(path.join(root, ".git", "index")).size < SMALL_INDEX_BYTES ? "small" : "large";
  } catch {
    try {
      return statSync(path.join(root, ".git")).isDirectory() ? "small" : "unknown";
    } catch {
      return "unknown";
    }
  }
}

/** Splits NUL-separated output into path batches, decoding only whole paths (a chunk may end inside a UTF-8 character). */
interface Splitter {
  push(chunk: Buffer): void;
  end(): void;
}

function nulSplitter(omitNeverScanned: boolean, onBatch: (paths: string[]) => void): Splitter {
  let pending: Buffer | undefined;
  let last: string | undefined;
  const keep = (part: string, batch: string[]) => {
    // --cached lists a conflicted path once per stage; keep one.
    if (part === "" || part === last) return;
    last = part;
    batch.push(part);
  };
  const emit = (bytes: Buffer) => {
    const batch: string[] = [];
    if (omitNeverScanned) {
      // A native indexOf per path: a byte loop in JS is slower here (this runs a few dozen times, never optimised).
      for (let start = 0; start <= bytes.length; ) {
        let end = bytes.indexOf(0, start);
        if (end === -1) end = bytes.length;
        if (end > start && !hasNeverScannedExtensionBytes(bytes, start, end)) keep(bytes.toString("utf8", start, end), batch);
        start = end + 1;
      }
    } else {
      for (const part of bytes.toString("utf8").split("\0")) keep(part, batch);
    }
    if (batch.length > 0) onBatch(batch);
  };
  return {
    push(chunk) {
      const end = chunk.lastIndexOf(0);
      if (end === -1) {
        pending = pending ? Buffer.concat([pending, chunk]) : chunk;
        return;
      }
      emit(pending ? Buffer.concat([pending, chunk.subarray(0, end)]) : chunk.subarray(0, end));
      pending = end + 1 < chunk.length ? chunk.subarray(end + 1) : undefined;
    },
    end() {
      if (pending) emit(pending);
      pending = undefined;
    },
  };
}
