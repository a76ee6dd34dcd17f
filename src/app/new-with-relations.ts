// `new --supersedes N --link N:type`: creates the ADR, then records each relation in both files
// through the relations use case (which also marks a superseded ADR), then refreshes an index.
import path from "node:path";
import { toPosix, type Workspace } from "../config/workspace.js";
import type { AdrFileRef } from "../domain/adr.js";
import { AdrgenError } from "../domain/errors.js";
import type { RelationRequest } from "./adr-targets.js";
import { newAdr, type NewAdrDeps, type NewAdrOptions, type NewAdrResult } from "./new-adr.js";

export interface NewAdrOutcome extends NewAdrResult {
  /** Index files rewritten, relative to the repository root. */
  indexUpdated: string[];
  /** Problems that did not undo the new ADR (e.g. an index that could not be refreshed). */
  warnings: string[];
}

function fileRef(workspace: Workspace, file: string): AdrFileRef {
  return { path: file, relPath: toPosix(path.relative(workspace.root, file)), dirLabel: workspace.primary.label };
}

/** Creates a new ADR and records its relations in both files; with dryRun only renders (relation lines included). */
export async function newAdrWithRelations(workspace: Workspace, options: NewAdrOptions, deps: NewAdrDeps): Promise<NewAdrOutcome> {
  if (options.dryRun) return { ...(await newAdr(workspace, { ...options, relationLines: true }, deps)), indexUpdated: [], warnings: [] };
  // The relations use case writes the lines into the new file too, in the style it keeps everywhere.
  const created = await newAdr(workspace, { ...options, relationLines: false }, deps);
  const self = fileRef(workspace, created.path);
  for (const relation of created.relations) await recordRelation(workspace, self, relation, deps.cwd, created.number);
  const { updateIndexIfPresent } = await import("./index-file.js");
  const refresh = await updateIndexIfPresent(workspace);
  return { ...created, indexUpdated: refresh.updated, warnings: refresh.warnings };
}

async function recordRelation(workspace: Workspace, self: AdrFileRef, relation: RelationRequest, cwd: string, number: number): Promise<void> {
  const { supersedeAdr, linkAdrs } = await import("./relations.js");
  const target = fileRef(workspace, relation.target.path);
  try {
    if (relation.type === "supersedes") await supersedeAdr(workspace, { oldRef: target, newRef: self }, { cwd, updateIndex: false });
    else await linkAdrs(workspace, { from: self, to: target, type: relation.type }, { cwd, updateIndex: false });
  } catch (error) {
    const failure = error instanceof AdrgenError ? error : undefined;
    const command =
      relation.type === "supersedes"
        ? `adrgen supersede ${relation.target.number} ${number}`
        : `adrgen link ${number} ${relation.target.number} --type "${relation.type}"`;
    throw new AdrgenError(`Created ${self.relPath}, but could not record "${relation.type}" ADR ${relation.target.number}: ${(error as Error).message}`, {
      hint: `Fix the problem, then run: ${command}`,
      exitCode: failure?.exitCode ?? 3,
      cause: error,
    });
  }
}
