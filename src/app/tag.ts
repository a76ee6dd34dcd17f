// `adrgen tag`: tags checked and normalised, then edited in place in the file's own style.
import type { Workspace } from "../config/workspace.js";
import { usageError } from "../domain/errors.js";
import type { AdrRecord } from "../domain/adr.js";
import { setTags, TagEditRefused } from "../markdown/edit-tags.js";
import { parseAdr } from "../markdown/parse.js";
import { applyTagChanges, splitTagArgs, tagKey } from "../search/tags.js";
import { applyEdits, loadForEdit, resolveEditableAdr, withAdrLocks } from "./edit-files.js";
import { updateIndexIfPresent, type IndexRefresh } from "./index-file.js";
import { normalizeTagArgs } from "./tag-args.js";

export interface ChangeTagsOptions {
  /** An ADR number (`7`, `0007`) or a path. */
  ref: string;
  add: ReadonlyArray<string | number>;
  remove: ReadonlyArray<string | number>;
  /** Directory relative paths in `ref` are resolved against. */
  cwd: string;
}

export interface TagChange {
  path: string;
  relPath: string;
  number: number | null;
  /** Tags before, as the parser read them. */
  from: string[];
  to: string[];
  /** False when the tags were already as asked and the file was left untouched. */
  changed: boolean;
  index: IndexRefresh;
}

/**
 * Whether adding and removing would change the ADR's tags, read without the lock: `tag --branch --commit`
 * asks first, so a run that changes nothing creates no branch. The edit itself decides again under the lock.
 */
export async function wouldChangeTags(workspace: Workspace, options: ChangeTagsOptions): Promise<boolean> {
  const add = normalizeTagArgs(options.add);
  const remove = splitTagArgs(options.remove).map(tagKey).filter(Boolean);
  if (add.length === 0 && remove.length === 0) return false;
  const record = await loadForEdit(await resolveEditableAdr(workspace, options.ref, options.cwd));
  const to = applyTagChanges(record.tags, add, remove);
  return !(to.length === record.tags.length && to.every((t, i) => t === record.tags[i]));
}

/** Adds and removes tags of one ADR under the directory lock, atomically, then refreshes an existing index. Without changes it only reads. */
export async function changeTags(workspace: Workspace, options: ChangeTagsOptions): Promise<TagChange> {
  const add = normalizeTagArgs(options.add);
  // Removal compares by tagKey and needs no validation: a tag written by hand may be any text.
  const remove = splitTagArgs(options.remove).map(tagKey).filter(Boolean);
  const file = await resolveEditableAdr(workspace, options.ref, options.cwd);
  if (add.length === 0 && remove.length === 0) {
    const record = await loadForEdit(file);
    return { path: file.path, relPath: file.relPath, number: record.number, from: record.tags, to: record.tags, changed: false, index: { updated: [], warnings: [] } };
  }
  const result = await withAdrLocks([file], async () => {
    const record = await loadForEdit(file);
    if (record.diagnostics.some((d) => d.rule === "front-matter-invalid")) {
      throw usageError(`Cannot edit the tags of ${file.relPath}: its front matter is invalid.`, "Fix the front matter (adrgen lint shows where), then run adrgen tag again.");
    }
    const to = applyTagChanges(record.tags, add, remove);
    const same = to.length === record.tags.length && to.every((t, i) => t === record.tags[i]);
    if (same) return { number: record.number, from: record.tags, to, changed: false };
    const after = editTags(record, to, file.relPath);
    if (after === null) {
      throw usageError(`${file.relPath} has no front matter and no Tags: line, and its format (${record.format}) has no usual place for tags.`, "Add a `tags:` list to front matter by hand (--- tags: [a, b] ---), then adrgen tag can edit it.");
    }
    const written = await applyEdits([{ path: file.path, before: record.text, after }]);
    return { number: record.number, from: record.tags, to, changed: written.length > 0 };
  });
  const index = result.changed ? await updateIndexIfPresent(workspace) : { updated: [], warnings: [] };
  return { path: file.path, relPath: file.relPath, ...result, index };
}

const FM_RULE = "front-matter-invalid";

/**
 * Rewrites the tags, then reads the result back: an edit that would not read as `to`, or that breaks
 * front matter which parsed before, is refused rather than written (a safety net under the line edit).
 */
export function editTags(record: AdrRecord, to: string[], relPath: string): string | null {
  let after: string | null;
  try {
    after = setTags(record.text, record, to);
  } catch (error) {
    if (!(error instanceof TagEditRefused)) throw error;
    const list = record.text.replace(/^\uFEFF/, "").startsWith("+++") ? 'tags = ["a", "b"]' : "tags: [a, b]";
    throw usageError(`Cannot edit the tags of ${relPath}: ${error.message}.`, `Edit the tags by hand, or write them as a plain list (${list}) so adrgen tag can edit them.`);
  }
  if (after === null) return null;
  const reread = parseAdr(after, record);
  const broke = (!record.diagnostics.some((d) => d.rule === FM_RULE) && reread.diagnostics.some((d) => d.rule === FM_RULE)) || reread.status !== record.status;
  const same = reread.tags.length === to.length && reread.tags.every((t, i) => t === to[i]);
  if (broke || !same) {
    throw usageError(
      `Cannot edit the tags of ${relPath} safely: the edited file would ${broke ? "lose its status or have invalid front matter" : `read as tags [${reread.tags.join(", ")}]`}. Nothing was written.`,
      "Edit the tags by hand; please report the file's tags layout so adrgen tag can learn it.",
    );
  }
  return after;
}
