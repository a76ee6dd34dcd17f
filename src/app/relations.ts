import type { Workspace } from "../config/workspace.js";
import type { AdrFileRef } from "../domain/adr.js";
import { usageError } from "../domain/errors.js";
import { normalizeRelationType, reverseRelationType } from "../domain/relation-types.js";
import { addRelation, markSuperseded } from "../markdown/edit.js";
import { applyEdits, loadForEdit, resolveEditableAdr, targetOf, withAdrLocks } from "./edit-files.js";
import { updateIndexIfPresent, type IndexRefresh } from "./index-file.js";

/** An ADR named by number (`7`), path, or an already resolved file. */
export type AdrRefInput = string | number | AdrFileRef;

/** One side of a relation after the edit. */
export interface RelationSide {
  path: string;
  relPath: string;
  number: number | null;
  title: string | null;
  /** False when the file already stated the relation. */
  changed: boolean;
}

export interface RelationOptions {
  /** Directory relative paths are resolved against (default: the process's cwd). */
  cwd?: string;
  /** Refresh an existing index afterwards (default true). */
  updateIndex?: boolean;
}

export interface SupersedeResult {
  old: RelationSide;
  new: RelationSide;
  index: IndexRefresh;
}

export interface LinkResult {
  from: RelationSide;
  to: RelationSide;
  type: string;
  reverseType: string;
  index: IndexRefresh;
}

const NO_REFRESH: IndexRefresh = { updated: [], warnings: [] };

async function resolveInput(workspace: Workspace, ref: AdrRefInput, cwd: string | undefined): Promise<AdrFileRef> {
  if (typeof ref === "object") return ref;
  return resolveEditableAdr(workspace, String(ref), cwd);
}

/** Resolves both ADRs before anything is written, so a wrong number changes nothing (exit 2). */
async function resolvePair(workspace: Workspace, a: AdrRefInput, b: AdrRefInput, cwd: string | undefined): Promise<[AdrFileRef, AdrFileRef]> {
  const [first, second] = [await resolveInput(workspace, a, cwd), await resolveInput(workspace, b, cwd)];
  if (first.path === second.path) throw usageError(`An ADR cannot be related to itself (${first.relPath}).`, "Name two different ADRs.");
  return [first, second];
}

/** Validates a relation type given on the command line: a short phrase of letters. */
export function parseRelationType(type: string, flag = "--type"): string {
  const normalized = normalizeRelationType(type);
  if (!/^[a-z][a-z '-]{0,40}$/.test(normalized)) {
    throw usageError(`${flag} ${JSON.stringify(type)} is not a relation type.`, 'Use a short phrase such as "relates to", "amends" or "depends on".');
  }
  return normalized;
}

/**
 * Records that `newRef` supersedes `oldRef` in both files: the old one's status becomes
 * "superseded by" a link to the new one, the new one gets a `Supersedes` line. Idempotent.
 */
export async function supersedeAdr(
  workspace: Workspace,
  refs: { oldRef: AdrRefInput; newRef: AdrRefInput },
  options: RelationOptions = {},
): Promise<SupersedeResult> {
  const [oldFile, newFile] = await resolvePair(workspace, refs.oldRef, refs.newRef, options.cwd);
  const [oldSide, newSide] = await editPair([oldFile, newFile], (oldRecord, newRecord) => [
    markSuperseded(oldRecord.text, oldRecord, targetOf(oldFile, newRecord)),
    addRelation(newRecord.text, newRecord, "supersedes", targetOf(newFile, oldRecord)),
  ]);
  return { old: oldSide, new: newSide, index: await refreshIndex(workspace, options) };
}

/**
 * Links two ADRs with a typed relation, written in both files (`from` <type> `to`, `to`
 * <reverseType> `from`; the reverse defaults to the type's counterpart). `supersedes` and
 * `superseded by` are routed to supersedeAdr so the status changes too. Idempotent.
 */
export async function linkAdrs(
  workspace: Workspace,
  link: { from: AdrRefInput; to: AdrRefInput; type?: string; reverseType?: string },
  options: RelationOptions = {},
): Promise<LinkResult> {
  const type = parseRelationType(link.type ?? "relates to");
  const reverseType = link.reverseType === undefined ? reverseRelationType(type) : parseRelationType(link.reverseType, "--reverse-type");
  if (type === "supersedes" || type === "superseded by") {
    const superseding = type === "supersedes";
    const result = await supersedeAdr(
      workspace,
      superseding ? { oldRef: link.to, newRef: link.from } : { oldRef: link.from, newRef: link.to },
      options,
    );
    return superseding
      ? { from: result.new, to: result.old, type, reverseType: "superseded by", index: result.index }
      : { from: result.old, to: result.new, type, reverseType: "supersedes", index: result.index };
  }
  const [fromFile, toFile] = await resolvePair(workspace, link.from, link.to, options.cwd);
  const [from, to] = await editPair([fromFile, toFile], (fromRecord, toRecord) => [
    addRelation(fromRecord.text, fromRecord, type, targetOf(fromFile, toRecord)),
    addRelation(toRecord.text, toRecord, reverseType, targetOf(toFile, fromRecord)),
  ]);
  return { from, to, type, reverseType, index: await refreshIndex(workspace, options) };
}

type EditRecord = Awaited<ReturnType<typeof loadForEdit>>;

/** Edits two ADRs under their locks and writes both atomically (rolling back the first if the second fails). */
async function editPair(
  files: [AdrFileRef, AdrFileRef],
  edit: (a: EditRecord, b: EditRecord) => [string, string],
): Promise<[RelationSide, RelationSide]> {
  return withAdrLocks(files, async () => {
    const records: [EditRecord, EditRecord] = [await loadForEdit(files[0]), await loadForEdit(files[1])];
    const after = edit(records[0], records[1]);
    const written = await applyEdits(files.map((file, i) => ({ path: file.path, before: records[i]!.text, after: after[i]! })));
    const side = (i: 0 | 1): RelationSide => ({
      path: files[i].path,
      relPath: files[i].relPath,
      number: records[i].number,
      title: records[i].title,
      changed: written.includes(files[i].path),
    });
    return [side(0), side(1)];
  });
}

function refreshIndex(workspace: Workspace, options: RelationOptions): Promise<IndexRefresh> {
  return options.updateIndex === false ? Promise.resolve(NO_REFRESH) : updateIndexIfPresent(workspace);
}
