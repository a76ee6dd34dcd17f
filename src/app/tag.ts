// `adrgen tag`: tags checked and normalised, then edited in place in the file's own style.
import type { Workspace } from "../config/workspace.js";
import { usageError } from "../domain/errors.js";
import { setTags } from "../markdown/edit-tags.js";
import { applyTagChanges, splitTagArgs, tagKey } from "../search/tags.js";
import { resolveAdr } from "../store/read.js";
import { applyEdits, loadForEdit, withAdrLocks } from "./edit-files.js";
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

/** Adds and removes tags of one ADR under the directory lock, atomically, then refreshes an existing index. Without changes it only reads. */
export async function changeTags(workspace: Workspace, options: ChangeTagsOptions): Promise<TagChange> {
  const add = normalizeTagArgs(options.add);
  // Removal compares by tagKey and needs no validation: a tag written by hand may be any text.
  const remove = splitTagArgs(options.remove).map(tagKey).filter(Boolean);
  const file = await resolveAdr(workspace, options.ref, options.cwd);
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
    const after = setTags(record.text, record, to);
    if (after === null) {
      throw usageError(`${file.relPath} has no front matter and no Tags: line, and its format (${record.format}) has no usual place for tags.`, "Add a `tags:` list to front matter by hand (--- tags: [a, b] ---), then adrgen tag can edit it.");
    }
    const written = await applyEdits([{ path: file.path, before: record.text, after }]);
    return { number: record.number, from: record.tags, to, changed: written.length > 0 };
  });
  const index = result.changed ? await updateIndexIfPresent(workspace) : { updated: [], warnings: [] };
  return { path: file.path, relPath: file.relPath, ...result, index };
}
