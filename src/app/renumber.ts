// `adrgen renumber`: give an ADR another number — rename the file (`git mv` inside git), fix the
// number in its title, and relink every ADR and index that points at it.
import { existsSync } from "node:fs";
import { readdir, readFile, rename } from "node:fs/promises";
import path from "node:path";
import type { Workspace } from "../config/workspace.js";
import type { AdrFileRef } from "../domain/adr.js";
import { fromSystemError, usageError } from "../domain/errors.js";
import { nextAdrNumber, parseAdrNumberArg } from "../domain/numbering.js";
import { numberFromFileName } from "../markdown/numbers.js";
import { relinkText, renumberTitle, type RenumberMove } from "../markdown/renumber.js";
import { listAdrFiles } from "../store/read.js";
import { applyEdits, loadForEdit, resolveEditableAdr, withAdrLocks, type FileEdit } from "./edit-files.js";
import { updateIndexIfPresent, type IndexRefresh } from "./index-file.js";

export interface RenumberOptions {
  /** The ADR: a number or a path. */
  ref: string;
  /** The new number; exactly one of `to` and `next`. */
  to?: string | number | undefined;
  /** Take the directory's next free number. */
  next?: boolean | undefined;
  /** Directory relative paths are resolved against. */
  cwd: string;
}

export interface RenumberResult extends RenumberMove {
  /** Other files whose links were rewritten (absolute paths). */
  relinked: string[];
  /** True when the file was renamed with `git mv`. */
  git: boolean;
  index: IndexRefresh;
}

/** The file name with its leading number replaced, keeping its prefix; the number has at least four digits (`adr-07-x.md` → `adr-0012-x.md`, `adr-00007-x.md` → `adr-00012-x.md`). */
export function renumberedFileName(name: string, to: number): string {
  const m = /^((?:adr[-_ ]?)?)(\d{1,6})(?=[-_. ]|$)/i.exec(name);
  if (!m) throw usageError(`${name} has no number in its file name.`, "Only numbered ADRs (NNNN-slug.md) can be renumbered.");
  return `${m[1]}${String(to).padStart(Math.max(m[2]!.length, 4), "0")}${name.slice(m[0].length)}`;
}

async function targetNumber(options: RenumberOptions, dirFiles: string[]): Promise<number> {
  if (options.next && options.to !== undefined) throw usageError("Pass either --to <number> or --next, not both.");
  if (options.next) return nextAdrNumber(dirFiles.map((f) => path.basename(f)));
  if (options.to === undefined) throw usageError("Say which number the ADR gets: --to <number> or --next.", "adrgen renumber 12 --next");
  const to = parseAdrNumberArg(options.to);
  if (to === null || to < 1) throw usageError(`--to ${options.to} is not an ADR number.`, "Pass a positive number such as 12 or 0012.");
  return to;
}

/** Every markdown file in the ADR directories (ADRs, READMEs, indexes), which may link to the moved ADR. */
export async function markdownFiles(workspace: Workspace): Promise<string[]> {
  const files: string[] = [];
  for (const dir of workspace.dirs) {
    if (!existsSync(dir.path)) continue;
    for (const entry of await readdir(dir.path, { withFileTypes: true })) {
      if (entry.isFile() && /\.md$/i.test(entry.name)) files.push(path.join(dir.path, entry.name));
    }
  }
  return files;
}

/** Renames the file with `git mv` when git tracks it, else with a plain rename; true when git moved it. */
export async function moveFile(from: string, to: string, root: string): Promise<boolean> {
  try {
    const { openGitRepo, moveTracked } = await import("../io/git.js");
    const repo = await openGitRepo(root).catch(() => undefined);
    if (repo && (await moveTracked(repo, from, to))) return true;
    await rename(from, to);
    return false;
  } catch (error) {
    throw fromSystemError(error, `rename ${path.basename(from)} to ${path.basename(to)}`);
  }
}

/** Gives an ADR a new number; refuses a number another ADR in its directory already has. */
export async function renumberAdr(workspace: Workspace, options: RenumberOptions): Promise<RenumberResult> {
  const file: AdrFileRef = await resolveEditableAdr(workspace, options.ref, options.cwd);
  const fromNumber = numberFromFileName(path.basename(file.path));
  if (fromNumber === null) throw usageError(`${file.relPath} has no number in its file name.`, "Only numbered ADRs (NNNN-slug.md) can be renumbered.");
  const dir = path.dirname(file.path);
  // withAdrLocks locks the directory of each file given: every ADR dir, since any of them may link here.
  const inEveryDir = workspace.dirs.filter((d) => existsSync(d.path) && d.path !== dir).map((d) => ({ ...file, path: path.join(d.path, path.basename(file.path)) }));
  const moved = await withAdrLocks([file, ...inEveryDir], async () => {
    const siblings = (await listAdrFiles(workspace)).filter((f) => path.dirname(f.path) === dir).map((f) => f.path);
    const toNumber = await targetNumber(options, siblings);
    if (toNumber === fromNumber) throw usageError(`${file.relPath} is already number ${fromNumber}.`);
    const taken = siblings.filter((f) => f !== file.path && numberFromFileName(path.basename(f)) === toNumber);
    if (taken.length > 0) {
      throw usageError(`ADR number ${toNumber} is taken by ${taken.map((f) => path.basename(f)).join(", ")}.`, "Pick a free number with --to, or use --next.");
    }
    const toPath = path.join(dir, renumberedFileName(path.basename(file.path), toNumber));
    if (existsSync(toPath)) throw usageError(`${path.basename(toPath)} already exists.`, "Pick another number with --to.");
    const move: RenumberMove = { fromPath: file.path, toPath, fromNumber, toNumber };
    const record = await loadForEdit(file);
    const edits: FileEdit[] = [{ path: file.path, before: record.text, after: renumberTitle(record.text, fromNumber, toNumber) }];
    for (const other of await markdownFiles(workspace)) {
      if (other === file.path) continue;
      const before = await readFile(other, "utf8").catch(() => undefined);
      if (before === undefined || before.includes("\0")) continue;
      edits.push({ path: other, before, after: relinkText(before, path.dirname(other), move) });
    }
    const written = await applyEdits(edits);
    let git: boolean;
    try {
      git = await moveFile(file.path, toPath, workspace.root);
    } catch (error) {
      // Put the links back so they point at the file that is still there.
      await applyEdits(edits.filter((e) => written.includes(e.path)).map((e) => ({ path: e.path, before: e.after, after: e.before })));
      throw error;
    }
    return { ...move, relinked: written.filter((p) => p !== file.path), git };
  });
  const index = await updateIndexIfPresent(workspace);
  return { ...moved, relinked: moved.relinked.filter((p) => !index.updated.some((rel) => path.resolve(workspace.root, rel) === p)), index };
}
