// The only places `revise` writes: the revised file in place (atomically, under the directory
// lock, refusing when the file changed meanwhile), or a new ADR that supersedes the old one.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { toPosix, type Workspace } from "../config/workspace.js";
import type { AdrFileRef } from "../domain/adr.js";
import { fromSystemError, runtimeError } from "../domain/errors.js";
import { slugify } from "../domain/slug.js";
import { writeFileAtomic } from "../io/fs.js";
import { withLineEnding } from "../markdown/edit-line-endings.js";
import { splitSections } from "../render/merge-sections.js";
import { withAdrLocks } from "./edit-files.js";
import { updateIndexIfPresent, type IndexRefresh } from "./index-file.js";
import { writeNewAdr } from "./new-adr.js";
import { supersedeAdr } from "./relations.js";
import type { RevisionInput } from "./revise.js";
import { assembleRevision, layoutOf, layoutTemplate, renderFresh, splitCurrent } from "./revise-render.js";

/** Replaces the ADR's text with the revision, unless someone changed the file since it was read (exit 3). */
export async function writeRevision(workspace: Workspace, file: AdrFileRef, before: string, after: string): Promise<IndexRefresh> {
  await withAdrLocks([file], async () => {
    const now = await readFile(file.path, "utf8").catch((error: unknown) => {
      throw fromSystemError(error, `read ${file.relPath}`);
    });
    if (now !== before) throw runtimeError(`${file.relPath} changed while adrgen was revising it; nothing was written.`, "Run adrgen revise again.");
    await writeFileAtomic(file.path, after);
  });
  return updateIndexIfPresent(workspace);
}

export interface SupersedingResult {
  superseding: { path: string; relPath: string; number: number };
  indexUpdated: string[];
  warnings: string[];
}

/**
 * Writes the revised decision as the next ADR (status proposed, dated today, people's edits
 * kept) and marks the old one superseded by it; both files link to each other.
 */
export async function writeSuperseding(workspace: Workspace, input: RevisionInput & { block: NonNullable<RevisionInput["block"]> }, deps: { cwd: string }): Promise<SupersedingResult> {
  const { record, block, title, redecision, options } = input;
  const layout = layoutOf(record, block.sections);
  const current = splitCurrent(record.text);
  const render = async (number: number) => {
    const fresh = await renderFresh(workspace, { layout, decision: redecision.decision, number, title, date: input.today, status: "proposed", record });
    const preamble = splitSections(fresh.text).preamble;
    const text = assembleRevision({ preamble, current, fresh, stored: block.sections, provenance: redecision.provenance, overwriteEdited: options.overwriteEdited }).text;
    return withLineEnding(text, input.eol ?? "\n");
  };
  // Built as a value, not a literal, so the plan type may grow fields (the template) without breaking this call.
  const plan = { dir: workspace.primary, title, slug: slugify(title), relations: [], template: layoutTemplate(workspace, layout), render };
  const written = await writeNewAdr(plan);
  const relPath = toPosix(path.relative(workspace.root, written.path));
  const relation = await supersedeAdr(workspace, { oldRef: input.file, newRef: { path: written.path, relPath, dirLabel: workspace.primary.label } }, { cwd: deps.cwd });
  return { superseding: { path: written.path, relPath, number: written.number }, indexUpdated: relation.index.updated, warnings: relation.index.warnings };
}
