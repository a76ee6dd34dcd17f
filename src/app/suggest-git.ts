// Reads the files a scan needs from git objects — a commit's tree or the index — without
// checking anything out, so `suggest` can compare two states of the stack.
import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import { runtimeError, usageError } from "../domain/errors.js";
import { MAX_FILE_BYTES } from "../scan/walk.js";
import { wantedByDetectors } from "../scan/scan-files.js";
import type { ScannedFile } from "../scan/types.js";

const run = promisify(execFile);
const BINARY_SNIFF_BYTES = 8192;

/** A state of the repository: a commit (any ref) or the index (`--staged`). */
export type SnapshotSource = { kind: "ref"; ref: string } | { kind: "index" };

/** The scannable files of one state, and the files that could not be read as text. */
export interface Snapshot {
  files: ScannedFile[];
  warnings: Array<{ file: string; message: string }>;
}

/** Runs git with an argument array (never a shell string); a failure rejects with git's message. */
export async function gitOutput(root: string, args: string[]): Promise<string> {
  const { stdout } = await run("git", args, { cwd: root, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" } });
  return stdout;
}

/** The commit a ref names; exit 2 for a ref git does not know. */
export async function commitOf(root: string, ref: string): Promise<string> {
  try {
    return (await gitOutput(root, ["rev-parse", "--verify", "--end-of-options", `${ref}^{commit}`])).trim();
  } catch {
    throw usageError(`Unknown git ref ${ref}.`, "Fetch it first (in CI: actions/checkout with fetch-depth: 0), or pass another --base.");
  }
}

interface Entry {
  path: string;
  sha: string;
}

/** Blob entries (path, object id) of a tree or of the index, only regular files a detector asks for. */
async function listEntries(root: string, source: SnapshotSource): Promise<Entry[]> {
  const out =
    source.kind === "index"
      ? await gitOutput(root, ["ls-files", "-s", "-z"])
      : await gitOutput(root, ["ls-tree", "-r", "-z", "--full-tree", await commitOf(root, source.ref)]);
  const entries: Entry[] = [];
  const seen = new Set<string>();
  for (const record of out.split("\0")) {
    const tab = record.indexOf("\t");
    if (tab < 0) continue;
    const [mode, second, third] = record.slice(0, tab).split(" ");
    const file = record.slice(tab + 1);
    // ls-files -s: mode sha stage; ls-tree: mode type sha. Symlinks (120000) and submodules (160000) are not files.
    const sha = source.kind === "index" ? second : third;
    if (!mode?.startsWith("100") || !sha || seen.has(file) || !wantedByDetectors(file)) continue;
    seen.add(file);
    entries.push({ path: file, sha });
  }
  return entries;
}

/** Reads blobs with one `git cat-file --batch`; resolves object id → content. */
async function readBlobs(root: string, shas: string[]): Promise<Map<string, Buffer>> {
  const blobs = new Map<string, Buffer>();
  if (shas.length === 0) return blobs;
  const output = await new Promise<Buffer>((resolve, reject) => {
    const child = spawn("git", ["cat-file", "--batch"], { cwd: root, stdio: ["pipe", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(stderr.trim() || `git cat-file exited with ${code}`))));
    child.stdin.end(shas.join("\n") + "\n");
  });
  let at = 0;
  while (at < output.length) {
    const newline = output.indexOf(10, at);
    if (newline < 0) break;
    const [sha, type, size] = output.toString("utf8", at, newline).split(" ");
    at = newline + 1;
    if (type === "missing" || size === undefined) continue;
    const length = Number(size);
    blobs.set(sha!, output.subarray(at, at + length));
    at += length + 1;
  }
  return blobs;
}

/** Reads the files a scan needs from a commit or the index; binary and oversized files become warnings. */
export async function readSnapshot(root: string, source: SnapshotSource): Promise<Snapshot> {
  const entries = await listEntries(root, source);
  let blobs: Map<string, Buffer>;
  try {
    blobs = await readBlobs(root, [...new Set(entries.map((entry) => entry.sha))]);
  } catch (error) {
    throw runtimeError(`git cat-file failed: ${(error as Error).message}`, undefined, error);
  }
  const snapshot: Snapshot = { files: [], warnings: [] };
  for (const entry of entries) {
    const bytes = blobs.get(entry.sha);
    if (!bytes) continue;
    if (bytes.length > MAX_FILE_BYTES) snapshot.warnings.push({ file: entry.path, message: "skipped: larger than the 1 MB scan limit" });
    else if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) snapshot.warnings.push({ file: entry.path, message: "skipped: binary content" });
    else {
      const text = bytes.toString("utf8");
      snapshot.files.push({ path: entry.path, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text });
    }
  }
  return snapshot;
}
