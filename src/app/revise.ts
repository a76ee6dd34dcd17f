// `adrgen revise <N|path>`: re-decide an ADR adrgen wrote (or adopt one it did not) with the
// repository as it is now and any new answers, keep what people wrote, show the diff, and write
// atomically at the very end, so an abort or a failure leaves the file byte-identical.
import path from "node:path";
import { toPosix, type Workspace } from "../config/workspace.js";
import type { AdrFileRef, AdrRecord } from "../domain/adr.js";
import { usageError } from "../domain/errors.js";
import type { Engine } from "../engines/types.js";
import { chosenOptionOf } from "../render/decision-view.js";
import { parseMachineBlock, withMachineBlock, type MachineBlock } from "../render/machine-block.js";
import { resolveAdrDate } from "../render/defaults.js";
import type { MergeReport, SplitDoc } from "../render/merge-sections.js";
import { replaceTitle, setRevisedDate } from "../render/revise-preamble.js";
import { CONTEXT_CATEGORIES, type RepoContext } from "../scan/types.js";
import { buildContext } from "./context.js";
import { givenAnswers, lintGenerated } from "./decision-pipeline.js";
import { dominantLineEnding, toLf, withLineEnding } from "../markdown/edit-line-endings.js";
import { loadForEdit, resolveEditableAdr } from "./edit-files.js";
import { updateIndexIfPresent } from "./index-file.js";
import { adoptedFileName, adoptionNumber, renameAdopted } from "./revise-adopt-rename.js";
import { normalizeTitle } from "./new-adr.js";
import { convertForAdoption, isAdoptFill } from "./revise-adopt.js";
import { contextChanges, type ContextChange } from "./revise-context.js";
import { redecide, type Redecision } from "./revise-decide.js";
import { unifiedDiff } from "./revise-diff.js";
import { assembleRevision, layoutOf, renderFresh, splitCurrent } from "./revise-render.js";
import { writeRevision, writeSuperseding } from "./revise-write.js";

export interface ReviseOptions {
  /** `N` or a path. */
  ref: string;
  answers?: string[];
  answersFile?: string | undefined;
  title?: string | undefined;
  feedback?: string | undefined;
  /** Re-read the repository (default true); false decides on the technologies the ADR recorded. */
  rescan?: boolean;
  dryRun?: boolean;
  /** Write without asking. */
  yes?: boolean;
  engine?: string | undefined;
  /** `--model` (Anthropic only). */
  model?: string | undefined;
  overwriteEdited?: boolean;
  /** Write the revision as a new ADR that supersedes this one. */
  supersede?: boolean;
  /** Take over an ADR without a machine block: convert to MADR 4 and add the block. */
  adopt?: boolean;
}

export interface ReviseDeps {
  cwd: string;
  env: NodeJS.ProcessEnv;
  engine?: Engine;
  scan?: (workspace: Workspace) => Promise<RepoContext>;
  progress?: (message: string) => void;
  /** Shows the diff and asks whether to write; absent when nobody can answer. */
  confirm?: (diff: string) => Promise<boolean>;
  now?: () => Date;
}

export interface ReviseResult {
  path: string;
  relPath: string;
  number: number;
  title: string;
  before: string;
  after: string;
  /** Unified diff, empty when nothing changed. */
  diff: string;
  changed: boolean;
  written: boolean;
  /** True when a write was wanted but nobody could confirm it (no terminal, no --yes). */
  needsConfirmation: boolean;
  /** True when the user declined at the prompt. */
  declined: boolean;
  report: MergeReport;
  contextChanges: ContextChange[];
  chosen: string;
  previousChosen: string | null;
  adopted: boolean;
  notes: string[];
  warnings: string[];
  /** The new ADR written by --supersede. */
  superseding?: { path: string; relPath: string; number: number };
  indexUpdated: string[];
  /** Set when adopting renamed an unnumbered file: its old repository-relative path. */
  renamedFrom?: string;
  /** Files whose links to a renamed ADR were rewritten (absolute paths). */
  relinked?: string[];
}

/** Revises one ADR; see the module comment. Writes nothing on dry runs, refusals and errors. */
export async function reviseAdr(workspace: Workspace, options: ReviseOptions, deps: ReviseDeps): Promise<ReviseResult> {
  const progress = deps.progress ?? (() => {});
  const file = await resolveEditableAdr(workspace, options.ref, deps.cwd);
  const loaded = await loadForEdit(file);
  // The revision is built on LF text; a CRLF file goes back out as CRLF, so an unchanged one has no diff.
  const eol = dominantLineEnding(loaded.text);
  const record = eol === "\n" ? loaded : (await import("../markdown/parse.js")).parseAdr(toLf(loaded.text), file);
  const block = parseMachineBlock(record.text);
  const warnings: string[] = [];
  checkPreconditions(file, record, block, options, warnings);
  const given = await givenAnswers(options, deps.cwd);
  const title = options.title !== undefined ? normalizeTitle(options.title) : record.title;
  if (!title) throw usageError(`${file.relPath} has no title (H1).`, "Give one with --title.");
  // A file named without a number (log4brains' 20210101-use-x.md) is numbered when adopted: see revise-adopt-rename.ts.
  if (record.number === null && !options.adopt) {
    throw usageError(`${file.relPath} has no ADR number in its file name.`, `Run adrgen revise ${options.ref} --adopt to give it the next free number (NNNN-slug.md, links to it follow), or rename it yourself.`);
  }
  const number = record.number ?? (await adoptionNumber(workspace, file));
  if (record.number === null) {
    const renamedTo = adoptedFileName(path.basename(file.path), number);
    warnings.push(`${file.relPath} has no number in its file name: adopting it ${options.dryRun ? "would rename" : "renames"} it to ${renamedTo} (the next free number), and links to it follow.`);
  }
  const engine = deps.engine ?? (await (await import("../engines/select.js")).selectEngine({ name: options.engine, env: deps.env, config: workspace.config, model: options.model }));

  progress(options.rescan === false ? "Reading the repository (deciding on the recorded technologies only)…" : "Rescanning the repository…");
  const scanned = deps.scan ? await deps.scan(workspace) : await buildContext(workspace);
  const context = options.rescan === false && block ? recordedOnly(scanned, block) : scanned;
  progress(`Re-deciding with the ${engine.name} engine…`);
  const redecision = await redecide({ title, context, stored: block?.answers ?? null, given, namedOptions: [], fallbackOptions: record.consideredOptions, feedback: options.feedback, engine });
  if (block && redecision.decision.topic !== block.topic) warnings.push(`The decision now reads as topic "${redecision.decision.topic}" (it was "${block.topic}").`);
  const changes = options.rescan === false || !block ? [] : contextChanges(block.context, redecision.provenance.context, (name) => foundIn(scanned, name));

  const revision = await buildRevision(workspace, { file, record, block, title, redecision, options, number, today: resolveAdrDate(deps.env, deps.now?.()) });
  const base: ReviseResult = {
    path: file.path,
    relPath: file.relPath,
    number,
    title,
    before: loaded.text,
    after: withLineEnding(revision.text, eol),
    diff: unifiedDiff(record.text, revision.text, file.relPath),
    changed: revision.text !== record.text,
    written: false,
    needsConfirmation: false,
    declined: false,
    report: revision.report,
    contextChanges: changes,
    chosen: chosenOptionOf(redecision.decision).name,
    previousChosen: record.chosenOption,
    adopted: !block,
    notes: redecision.notes,
    warnings,
    indexUpdated: [],
  };
  // An unnumbered file is renamed even when its text would not change: that is what adopting it means.
  if ((!base.changed && record.number !== null) || options.dryRun) return base;
  if (!options.yes) {
    if (!deps.confirm) return { ...base, needsConfirmation: true };
    if (!(await deps.confirm(base.diff))) return { ...base, declined: true };
  }
  if (options.supersede) {
    const written = await writeSuperseding(workspace, { file, record, block: block!, title, redecision, options, number, today: resolveAdrDate(deps.env, deps.now?.()), eol }, { cwd: deps.cwd });
    return { ...base, written: true, superseding: written.superseding, indexUpdated: written.indexUpdated, warnings: [...warnings, ...written.warnings] };
  }
  const refresh = await writeRevision(workspace, file, loaded.text, base.after);
  if (record.number !== null) return { ...base, written: true, indexUpdated: refresh.updated, warnings: [...warnings, ...refresh.warnings] };
  const renamed = await renameAdopted(workspace, file);
  // The index was refreshed under the old name; once more under the new one.
  const reindexed = await updateIndexIfPresent(workspace);
  const relPath = toPosix(path.relative(workspace.root, renamed.toPath));
  return {
    ...base, path: renamed.toPath, relPath, number: renamed.number, diff: base.diff.split(file.relPath).join(relPath), written: true, changed: true,
    renamedFrom: file.relPath, relinked: renamed.relinked, indexUpdated: [...new Set([...refresh.updated, ...reindexed.updated])], warnings: [...warnings, ...refresh.warnings, ...reindexed.warnings],
  };
}

/** Refuses what cannot work before the scan; warns about rewriting an accepted record. */
function checkPreconditions(file: AdrFileRef, record: AdrRecord, block: MachineBlock | null, options: ReviseOptions, warnings: string[]): void {
  if (!block && !options.adopt) {
    throw usageError(
      `${file.relPath} has no adrgen:decision block: adrgen did not write it (or the block was removed), so it cannot tell generated text from text people wrote.`,
      `Run adrgen revise ${options.ref} --adopt to convert it to MADR 4 and add the block; the text of every section is kept.`,
    );
  }
  if (!block && options.supersede) throw usageError("--supersede needs an ADR adrgen wrote.", `Adopt it first: adrgen revise ${options.ref} --adopt.`);
  if (block && options.adopt) warnings.push(`${file.relPath} already has an adrgen block; --adopt is not needed.`);
  if (record.status === "accepted" && !options.supersede) {
    warnings.push(`${file.relPath} is accepted: accepted records should be superseded rather than rewritten. Use --supersede to write the revision as a new ADR that supersedes this one.`);
  }
  if (record.status === "superseded" && !options.dryRun) warnings.push(`${file.relPath} is superseded; revising it changes a record that is no longer in force.`);
}

export interface RevisionInput {
  file: AdrFileRef;
  record: AdrRecord;
  block: MachineBlock | null;
  title: string;
  redecision: Redecision;
  options: ReviseOptions;
  /** Today (the `revised` date, and the date of a superseding ADR). */
  today: string;
  /** The ADR's number: from its file name, or the one an unnumbered file takes when adopted. */
  number: number;
  /** The revised file's line ending; a superseding ADR is written with it too. */
  eol?: "\r\n" | "\n";
}

/** The revised file text: fresh render in the ADR's layout, merged into its current text; `revised` set only when something changed. */
async function buildRevision(workspace: Workspace, input: RevisionInput): Promise<{ text: string; report: MergeReport }> {
  const { file, record, block, redecision, options } = input;
  const layout = block ? layoutOf(record, block.sections) : "madr4";
  const date = record.date ?? input.today;
  const fresh = await renderFresh(workspace, { layout, decision: redecision.decision, number: input.number, title: input.title, date, status: record.status ?? "proposed", record });
  // As in `new`: the offline engine through a built-in template is linted by a property test; a model's text or a repository's template here.
  if (redecision.provenance.engine !== "offline" || !fresh.builtin) await lintGenerated(withMachineBlock(fresh.text, redecision.provenance), workspace, file.path, file.dirLabel);
  let current: SplitDoc;
  let stored: Record<string, string>;
  let include: ((key: string) => boolean) | undefined;
  if (block) {
    current = splitCurrent(record.text);
    stored = block.sections;
    if (options.title !== undefined) current = { ...current, preamble: replaceTitle(current.preamble, input.title) };
  } else {
    current = convertForAdoption(record, input.title);
    const kept = new Set(current.chunks.map((chunk) => chunk.key));
    // Every section the file has is people's text: recording the generated hash marks it as theirs.
    stored = Object.fromEntries(Object.entries(fresh.hashes).filter(([key]) => kept.has(key)));
    include = (key) => kept.has(key) || isAdoptFill(key);
  }
  const assemble = (preamble: string) =>
    assembleRevision({ preamble, current, fresh, stored, provenance: redecision.provenance, overwriteEdited: options.overwriteEdited, ...(include ? { include } : {}) });
  const merged = assemble(current.preamble);
  if (merged.text === record.text) return merged;
  return assemble(setRevisedDate(current.preamble, input.today));
}

/** The context cut to the technologies the ADR recorded (`--no-rescan`): anything found since is left out. */
function recordedOnly(context: RepoContext, block: MachineBlock): RepoContext {
  const names = new Set(block.context.map((item) => item.name));
  const copy: RepoContext = { ...context, services: context.services.filter((item) => names.has(item.name)) };
  for (const category of CONTEXT_CATEGORIES) copy[category] = context[category].filter((item) => names.has(item.name));
  return copy;
}

function foundIn(context: RepoContext, name: string): boolean {
  return [...CONTEXT_CATEGORIES.flatMap((category) => context[category]), ...context.services].some((item) => item.name === name);
}

