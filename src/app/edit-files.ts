import path from "node:path";
import type { AdrFileRef, AdrRecord } from "../domain/adr.js";
import { usageError } from "../domain/errors.js";
import { nodeFileSystem, withDirLock, writeFileAtomic, type FileSystem } from "../io/fs.js";
import type { AdrTarget } from "../markdown/edit.js";
import { readRecord, resolveAdr } from "../store/read.js";
import type { Workspace } from "../config/workspace.js";

/** A planned rewrite of one ADR file. */
export interface FileEdit {
  path: string;
  before: string;
  after: string;
}

/** Reads an ADR fully for an in-place edit; refuses binary or unreadable files rather than overwrite them. */
export async function loadForEdit(file: AdrFileRef): Promise<AdrRecord> {
  const record = await readRecord(file);
  const broken = record.diagnostics.find((d) => d.rule === "file-binary" || d.rule === "file-unreadable");
  if (broken) throw usageError(`Cannot edit ${file.relPath}: ${broken.message}`, "adrgen only rewrites markdown ADR files.");
  return record;
}

/**
 * Resolves an ADR named by number or path for a command that rewrites it. `show` may read any markdown
 * file it is pointed at, but an edit (status, supersede, link, tag, revise, renumber) only touches files
 * inside the workspace's ADR directories, so a stray path cannot rewrite a file elsewhere on disk.
 */
export async function resolveEditableAdr(workspace: Workspace, ref: string, cwd?: string): Promise<AdrFileRef> {
  const file = await resolveAdr(workspace, ref, cwd);
  const inside = workspace.dirs.some((dir) => {
    const rel = path.relative(dir.path, file.path);
    return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
  });
  if (inside) return file;
  throw usageError(
    `${file.relPath.startsWith("..") ? file.path : file.relPath} is not in an ADR directory (${workspace.dirs.map((d) => d.rel).join(", ")}); adrgen only edits ADRs there.`,
    "Move the file into the ADR directory, or pass --dir with the directory it lives in.",
  );
}

/** How `from` links to `to`: number, title and a relative link with forward slashes. */
export function targetOf(from: AdrFileRef, to: AdrRecord): AdrTarget {
  const href = path.relative(path.dirname(from.path), to.path).split(path.sep).join("/");
  return { number: to.number, title: to.title, href };
}

/** Runs `fn` holding the lock of every directory involved, taken in a fixed order so two runs cannot deadlock. */
export async function withAdrLocks<T>(files: AdrFileRef[], fn: () => Promise<T>): Promise<T> {
  const dirs = [...new Set(files.map((f) => path.dirname(f.path)))].sort();
  const run = (i: number): Promise<T> => (i === dirs.length ? fn() : withDirLock(dirs[i]!, () => run(i + 1)));
  return run(0);
}

/**
 * Writes every changed file atomically, in order. When a later write fails, the files already
 * written get their old text back, so a relation is never recorded on one side only.
 */
export async function applyEdits(edits: FileEdit[], fs: FileSystem = nodeFileSystem): Promise<string[]> {
  const written: FileEdit[] = [];
  try {
    for (const edit of edits) {
      if (edit.after === edit.before) continue;
      await writeFileAtomic(edit.path, edit.after, fs);
      written.push(edit);
    }
  } catch (error) {
    for (const edit of written.reverse()) await writeFileAtomic(edit.path, edit.before, fs).catch(() => undefined);
    throw error;
  }
  return written.map((e) => e.path);
}

/** A path as the user should see it: relative to where they ran adrgen. */
export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return (rel === "" ? file : rel).split(path.sep).join("/");
}
