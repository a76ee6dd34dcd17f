// Renders a revised decision in the layout the ADR already has, and merges it into the file's
// text: untouched generated sections replaced, human edits and added sections kept.
import type { Workspace } from "../config/workspace.js";
import type { AdrRecord } from "../domain/adr.js";
import type { Decision } from "../domain/decision.js";
import { decisionSections } from "../render/decision-view.js";
import { renderMachineBlock, sectionHashes, type MachineBlock } from "../render/machine-block.js";
import { joinSections, mergeSections, splitSections, type MergeReport, type SplitDoc } from "../render/merge-sections.js";
import { renderTemplate, resolveTemplate, type TemplateChoice } from "../render/templates.js";
import { buildViewModel } from "../render/view-model.js";

/** The built-in layout an adrgen ADR was written with, told from the sections adrgen recorded (or, failing that, the file). */
export function layoutOf(record: AdrRecord, stored: Record<string, string> | null): "madr4" | "madr4-minimal" | "nygard" {
  const keys = stored ? Object.keys(stored) : record.sections.map((section) => section.heading);
  if (keys.includes("Status") && keys.includes("Decision")) return "nygard";
  if (!keys.includes("Decision Drivers") && !keys.some((key) => key.startsWith("Pros and Cons of the Options"))) return "madr4-minimal";
  return "madr4";
}

/** The built-in template of a layout (a name from config `templates` wins, as for `new --template`). */
export function layoutTemplate(workspace: Workspace, layout: string): TemplateChoice {
  return resolveTemplate({ flag: layout, config: workspace.config, root: workspace.root, cwd: workspace.root });
}

export interface FreshRender {
  /** The generated markdown without a block. */
  text: string;
  /** Section hashes of the generated text: what the block records. */
  hashes: Record<string, string>;
  /** The template used was one of adrgen's own (not a repository's override). */
  builtin: boolean;
}

/** Renders a decision with a built-in layout for a number, title, date and status (no block). */
export async function renderFresh(
  workspace: Workspace,
  input: { layout: string; decision: Decision; number: number; title: string; date: string; status: string; record: Pick<AdrRecord, "decisionMakers" | "consulted" | "informed" | "tags"> },
): Promise<FreshRender> {
  const template = layoutTemplate(workspace, input.layout);
  const text = await renderTemplate(
    template,
    buildViewModel({
      number: input.number,
      title: input.title,
      date: input.date,
      status: input.status,
      decisionMakers: input.record.decisionMakers,
      consulted: input.record.consulted,
      informed: input.record.informed,
      // A superseding ADR continues the old one's subject, so it carries the same tags.
      tags: input.record.tags,
      blank: false,
      sections: decisionSections(input.decision),
    }),
  );
  return { text, hashes: sectionHashes(text), builtin: template.builtin };
}

export interface MergedRevision {
  text: string;
  report: MergeReport;
}

/** Merges a fresh render into the current sections under `preamble`, then appends the new block. */
export function assembleRevision(input: {
  preamble: string;
  current: SplitDoc;
  fresh: FreshRender;
  stored: Record<string, string>;
  provenance: Omit<MachineBlock, "sections">;
  overwriteEdited?: boolean | undefined;
  /** Which generated sections may appear (adoption fills only some gaps); default all. */
  include?: (key: string) => boolean;
}): MergedRevision {
  const all = splitSections(input.fresh.text);
  const generated = input.include ? { ...all, chunks: all.chunks.filter((chunk) => input.include!(chunk.key)) } : all;
  const { chunks, report } = mergeSections({ current: input.current, generated, stored: input.stored, overwriteEdited: input.overwriteEdited ?? false });
  // The block keeps the hashes of what adrgen generated, so a kept human edit still reads as an edit next time.
  const body = joinSections(input.preamble, chunks);
  return { text: `${body.replace(/(\n[ \t]*)+$/, "")}\n\n${renderMachineBlock({ ...input.provenance, sections: input.fresh.hashes })}`, report };
}

/** The current file split into preamble and sections (its machine block left out). */
export function splitCurrent(text: string): SplitDoc {
  return splitSections(text);
}
