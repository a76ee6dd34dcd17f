import { readFile } from "node:fs/promises";
import path from "node:path";
import type { AdrDir, Workspace } from "../config/workspace.js";
import { INDEX_START, sortForIndex } from "../domain/adr-index.js";
import type { AdrSummary } from "../domain/adr.js";
import { fromSystemError, usageError } from "../domain/errors.js";
import { indexCellText, indexHref, renderIndex } from "../domain/index-render.js";
import { writeFileAtomic } from "../io/fs.js";
import { placeIndexBlock } from "../markdown/index-block.js";
import { tagKey } from "../search/tags.js";
import { readSummaries } from "../store/read.js";

export { renderIndex } from "../domain/index-render.js";

export const DEFAULT_INDEX_FILE = "README.md";

/** What happened to one directory's index. */
export type IndexState = "created" | "updated" | "unchanged" | "fresh" | "missing" | "stale" | "malformed";

export interface IndexResult {
  /** Label of the ADR directory. */
  dir: string;
  /** Index file, relative to the repository root. */
  file: string;
  state: IndexState;
  /** Why a file is stale, missing or malformed. */
  detail?: string;
}

/** The index file of an ADR directory (config `index.file`, default README.md), absolute. */
export function indexFilePath(workspace: Workspace, dir: AdrDir): string {
  return path.resolve(dir.path, workspace.config.index?.file ?? DEFAULT_INDEX_FILE);
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw fromSystemError(error, `read ${file}`);
  }
}

function relToRoot(workspace: Workspace, file: string): string {
  return path.relative(workspace.root, file).split(path.sep).join("/");
}

/** The ADRs of one directory, never counting the index file itself. */
function adrsOfDir(summaries: AdrSummary[], dir: AdrDir, indexFile: string): AdrSummary[] {
  return summaries.filter((s) => path.dirname(s.path) === dir.path && s.path !== indexFile);
}

/**
 * A table of tags (each with links to the ADRs that carry it), only when some ADR has tags, so
 * indexes of repositories without tags stay byte for byte as they were.
 */
export function renderTagTable(adrs: AdrSummary[], indexDir: string): string[] {
  const byTag = new Map<string, AdrSummary[]>();
  for (const adr of sortForIndex(adrs)) {
    for (const tag of new Set(adr.tags.map(tagKey).filter(Boolean))) byTag.set(tag, [...(byTag.get(tag) ?? []), adr]);
  }
  if (byTag.size === 0) return [];
  // Tags and file names come from ADR files: escaped as titles are, so the index shows them as text and a
  // renderer never sees markup (`<svg/onload=…>`) or a cell break.
  const escape = indexCellText;
  const href = (file: string) => indexHref(indexDir, file);
  const label = (adr: AdrSummary) => (adr.number === null ? path.basename(adr.path, ".md") : String(adr.number).padStart(4, "0"));
  const tags = [...byTag.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return ["| Tag | ADRs |", "| --- | --- |", ...tags.map((tag) => `| ${escape(tag)} | ${byTag.get(tag)!.map((adr) => `[${escape(label(adr))}](${href(adr.path)})`).join(", ")} |`)];
}

// The tag table goes after the ADR table and graph, inside the markers.
function withTagTable(block: string[], adrs: AdrSummary[], indexDir: string): string[] {
  const table = renderTagTable(adrs, indexDir);
  if (table.length === 0) return block;
  const end = block.length - 2;
  return [...block.slice(0, end), "", ...table, ...block.slice(end)];
}

interface Planned {
  dir: AdrDir;
  file: string;
  existing: string | undefined;
  next: string | { error: string };
}

async function planIndexes(workspace: Workspace, dirs: AdrDir[]): Promise<Planned[]> {
  const summaries = await readSummaries(workspace);
  return Promise.all(
    dirs.map(async (dir) => {
      const file = indexFilePath(workspace, dir);
      const existing = await readIfExists(file);
      const adrs = adrsOfDir(summaries, dir, file);
      const block = withTagTable(renderIndex(adrs, path.dirname(file)), adrs, path.dirname(file));
      const placed = placeIndexBlock(existing, block);
      return { dir, file, existing, next: placed.ok ? placed.text : { error: placed.reason } };
    }),
  );
}

/**
 * Writes or refreshes the index of every ADR directory (one per directory). With `check`,
 * writes nothing and reports each index as fresh, stale or missing.
 */
export async function updateIndex(workspace: Workspace, options: { check?: boolean } = {}): Promise<IndexResult[]> {
  const { existsSync } = await import("node:fs");
  const dirs = workspace.dirs.filter((d) => existsSync(d.path));
  if (dirs.length === 0) {
    throw usageError(`No ADR directory found (looked for ${workspace.dirs.map((d) => d.rel).join(", ")}).`, "Run `adrgen init` to create one.");
  }
  const results: IndexResult[] = [];
  for (const plan of await planIndexes(workspace, dirs)) {
    const base = { dir: plan.dir.label, file: relToRoot(workspace, plan.file) };
    if (typeof plan.next !== "string") {
      if (options.check) results.push({ ...base, state: "malformed", detail: plan.next.error });
      else throw usageError(`Cannot update ${base.file}: ${plan.next.error}.`, "Fix or remove the adrgen:index markers, then run `adrgen index` again.");
      continue;
    }
    if (options.check) {
      if (plan.existing === undefined) results.push({ ...base, state: "missing", detail: "the index file does not exist" });
      else if (!plan.existing.includes(INDEX_START)) results.push({ ...base, state: "missing", detail: "the file has no adrgen:index markers" });
      else results.push({ ...base, state: plan.existing === plan.next ? "fresh" : "stale", ...(plan.existing === plan.next ? {} : { detail: "the ADRs changed since the index was written" }) });
      continue;
    }
    if (plan.existing === plan.next) {
      results.push({ ...base, state: "unchanged" });
      continue;
    }
    await writeFileAtomic(plan.file, plan.next);
    results.push({ ...base, state: plan.existing === undefined ? "created" : "updated" });
  }
  return results;
}

/** Outcome of a best-effort index refresh after another command changed ADRs. */
export interface IndexRefresh {
  /** Index files rewritten, relative to the repository root. */
  updated: string[];
  /** Problems that did not stop the command that changed the ADRs. */
  warnings: string[];
}

/**
 * Refreshes the indexes that already exist with adrgen markers, so `new`, `status`, `supersede`
 * and `link` keep them current. Creates nothing and never throws: problems come back as warnings.
 */
export async function updateIndexIfPresent(workspace: Workspace): Promise<IndexRefresh> {
  const refresh: IndexRefresh = { updated: [], warnings: [] };
  try {
    const present: AdrDir[] = [];
    for (const dir of workspace.dirs) {
      const existing = await readIfExists(indexFilePath(workspace, dir)).catch(() => undefined);
      if (existing?.includes(INDEX_START)) present.push(dir);
    }
    if (present.length === 0) return refresh;
    for (const plan of await planIndexes(workspace, present)) {
      const rel = relToRoot(workspace, plan.file);
      if (typeof plan.next !== "string") refresh.warnings.push(`Index ${rel} not updated: ${plan.next.error}.`);
      else if (plan.next !== plan.existing) {
        await writeFileAtomic(plan.file, plan.next);
        refresh.updated.push(rel);
      }
    }
  } catch (error) {
    refresh.warnings.push(`Index not updated: ${(error as Error).message}`);
  }
  return refresh;
}
