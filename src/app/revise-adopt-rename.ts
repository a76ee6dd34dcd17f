// `revise --adopt` of an ADR without a number in its file name (log4brains' `20210101-use-x.md`,
// or a bare `use-x.md`): adrgen's records are numbered, so it takes the next free number of its
// directory, as `adrgen new` would, and becomes `NNNN-use-x.md` (`git mv` when git tracks it).
// Links to it from the ADR directories' markdown files follow, as with `adrgen renumber`.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Workspace } from "../config/workspace.js";
import type { AdrFileRef } from "../domain/adr.js";
import { usageError } from "../domain/errors.js";
import { formatAdrNumber, nextAdrNumber } from "../domain/numbering.js";
import { slugify } from "../domain/slug.js";
import { relinkText } from "../markdown/renumber.js";
import { listAdrFiles } from "../store/read.js";
import { applyEdits, withAdrLocks, type FileEdit } from "./edit-files.js";
import { markdownFiles, moveFile } from "./renumber.js";

/** What the rename did. */
export interface AdoptionRename {
  fromPath: string;
  toPath: string;
  number: number;
  /** Other files whose links to the ADR were rewritten (absolute paths). */
  relinked: string[];
  /** True when the file was moved with `git mv`. */
  git: boolean;
}

/** The name an unnumbered ADR takes: `20210101-use-x.md` → `0007-use-x.md` (the date prefix is dropped; it stays in the front matter). */
export function adoptedFileName(name: string, number: number): string {
  const stem = name.replace(/\.md$/i, "").replace(/^\d{4}-?\d{2}-?\d{2}(?:[-_ ]+|$)/, "");
  return `${formatAdrNumber(number)}-${slugify(stem) || "adr"}.md`;
}

/** The number an unnumbered ADR gets if adopted now: the next free one in its directory. */
export async function adoptionNumber(workspace: Workspace, file: AdrFileRef): Promise<number> {
  const dir = path.dirname(file.path);
  const siblings = (await listAdrFiles(workspace)).filter((f) => path.dirname(f.path) === dir);
  return nextAdrNumber(siblings.map((f) => path.basename(f.path)));
}

/** Renames an adopted ADR to NNNN-slug.md under the ADR directories' locks and relinks every markdown file there. */
export async function renameAdopted(workspace: Workspace, file: AdrFileRef): Promise<AdoptionRename> {
  const dir = path.dirname(file.path);
  const everyDir = workspace.dirs.filter((d) => existsSync(d.path) && d.path !== dir).map((d) => ({ ...file, path: path.join(d.path, path.basename(file.path)) }));
  return withAdrLocks([file, ...everyDir], async () => {
    // Taken under the lock, so a parallel `adrgen new` cannot take the same number.
    const number = await adoptionNumber(workspace, file);
    const toPath = path.join(dir, adoptedFileName(path.basename(file.path), number));
    if (existsSync(toPath)) throw usageError(`${path.basename(toPath)} already exists; the adopted ADR cannot take its name.`, "Rename one of them, then run adrgen revise --adopt again.");
    // fromNumber -1: the old name has no number, so no link label's number is rewritten.
    const move = { fromPath: file.path, toPath, fromNumber: -1, toNumber: number };
    const edits: FileEdit[] = [];
    for (const other of await markdownFiles(workspace)) {
      if (other === file.path) continue;
      const before = await readFile(other, "utf8").catch(() => undefined);
      if (before === undefined || before.includes("\0")) continue;
      edits.push({ path: other, before, after: relabel(relinkText(before, path.dirname(other), move), move.fromPath, toPath) });
    }
    const relinked = await applyEdits(edits);
    try {
      return { fromPath: file.path, toPath, number, relinked, git: await moveFile(file.path, toPath, workspace.root) };
    } catch (error) {
      // Links go back to the file that is still there.
      await applyEdits(edits.filter((e) => relinked.includes(e.path)).map((e) => ({ path: e.path, before: e.after, after: e.before })));
      throw error;
    }
  });
}

/** log4brains labels links with the slug (`[20200926-use-x](20200926-use-x.md)`): such a label follows the new name. */
function relabel(text: string, fromPath: string, toPath: string): string {
  const [from, to] = [path.basename(fromPath, path.extname(fromPath)), path.basename(toPath, path.extname(toPath))];
  const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text.replace(new RegExp(`\\[${escape(from)}\\]\\((<?[^)\\s]*${escape(path.basename(toPath))})`, "g"), (_whole, target: string) => `[${to}](${target}`);
}
