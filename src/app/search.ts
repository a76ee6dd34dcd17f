// `adrgen search`: reads every ADR with the fast reader, searches titles, tags and bodies, and
// formats the hits for a terminal or as JSON.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Workspace } from "../config/workspace.js";
import { usageError } from "../domain/errors.js";
import { visibleText } from "../domain/visible-text.js";
import type { Output } from "../io/output.js";
import { readAdrSummary } from "../markdown/fast.js";
import { highlightRanges } from "../search/lines.js";
import { parseQuery } from "../search/query.js";
import { searchAdrs, type SearchHit } from "../search/search.js";
import { foldedWords } from "../search/tokenize.js";
import { toSearchDocument, type SearchDocument } from "../search/document.js";
import { listAdrFiles } from "../store/read.js";
import { STATUS_COLORS } from "./list.js";

export interface SearchOptions {
  query: string;
  /** Any of these statuses. */
  status?: string[] | undefined;
  /** All of these tags. */
  tags?: string[] | undefined;
  /** Most hits (default 20). */
  limit?: number | undefined;
}

export const DEFAULT_SEARCH_LIMIT = 20;

/** The search document of every readable ADR in the workspace (binary and unreadable files are left out). */
export async function loadSearchDocuments(workspace: Workspace): Promise<SearchDocument[]> {
  const docs: SearchDocument[] = [];
  for (const file of await listAdrFiles(workspace)) {
    let text: string;
    try {
      text = readFileSync(file.path, "utf8");
    } catch {
      continue;
    }
    const summary = readAdrSummary(text, file);
    if (summary.diagnostics?.some((d) => d.rule === "file-binary" || d.rule === "file-unreadable")) continue;
    docs.push(toSearchDocument(summary, text));
  }
  return docs;
}

/** Checks `--limit`: a whole number of at least 1. */
export function parseLimit(value: unknown): number {
  if (value === undefined) return DEFAULT_SEARCH_LIMIT;
  // The flag arrives as the text typed (yargs would turn `abc` into NaN, which JSON shows as null).
  const raw = String(value).trim();
  const limit = raw === "" ? Number.NaN : Number(raw);
  if (!Number.isInteger(limit) || limit < 1) throw usageError(`--limit must be a whole number of at least 1, not ${JSON.stringify(String(value))}.`, "For example: --limit 5");
  return limit;
}

/** Searches the workspace's ADRs; an empty query is a usage error. */
export async function searchDecisions(workspace: Workspace, options: SearchOptions): Promise<SearchHit[]> {
  if (options.query.trim() === "") throw usageError("The search query is empty.", 'Give words to look for: adrgen search "message broker"');
  // Exclusions and empty quotes only narrow a search: with nothing to look for, "no match" would be a lie.
  const parsed = parseQuery(options.query);
  if (foldedWords(parsed.words.join(" ")) === "") {
    throw usageError(
      `The search query ${JSON.stringify(options.query)} has no words to look for${parsed.excluded.length > 0 ? ", only words to leave out" : ""}.`,
      parsed.excluded.length > 0 ? "Add a word to find, e.g. adrgen search -- database -postgres; adrgen list shows every ADR." : 'Give words to look for: adrgen search "message broker"',
    );
  }
  const docs = await loadSearchDocuments(workspace);
  return searchAdrs(docs, options.query, { status: options.status, tags: options.tags }, options.limit ?? DEFAULT_SEARCH_LIMIT);
}

/** One hit as `search --json` prints it. */
export interface SearchJsonEntry {
  number: number | null;
  title: string;
  status: string | null;
  date: string | null;
  tags: string[];
  path: string;
  dir: string;
  score: number;
  matches: Array<{ line: number; text: string }>;
}

/** The `search --json` document: hits in rank order, paths relative to the repository root. */
export function searchJson(hits: SearchHit[]): SearchJsonEntry[] {
  return hits.map(({ doc, score, matches }) => ({
    number: doc.number,
    title: doc.title,
    status: doc.status,
    date: doc.date,
    tags: doc.tags,
    path: doc.relPath,
    dir: doc.dirLabel,
    score,
    matches,
  }));
}

// Matched words in bold; with colour off the text is unchanged.
function highlight(text: string, terms: ReadonlySet<string>, output: Output): string {
  if (!output.color || terms.size === 0) return text;
  let out = "";
  let at = 0;
  for (const [start, end] of highlightRanges(text, terms)) {
    out += text.slice(at, start) + output.c.bold(text.slice(start, end));
    at = end;
  }
  return out + text.slice(at);
}

/** The human listing: per hit a heading line (number, title, status, tags) and its matching lines as path:line: text. */
export function formatSearchHits(hits: SearchHit[], workspace: Workspace, cwd: string, output: Output): string {
  const { c } = output;
  return hits
    .map((hit) => {
      const { doc } = hit;
      const terms = new Set(hit.terms);
      const number = doc.number === null ? "----" : String(doc.number).padStart(4, "0");
      const color = doc.status ? STATUS_COLORS[doc.status] : undefined;
      const status = doc.status ? (color ? (c[color] as (s: string) => string)(`[${doc.status}]`) : `[${doc.status}]`) : "";
      const tags = doc.tags.length > 0 ? c.dim(doc.tags.map((t) => `#${visibleText(t)}`).join(" ")) : "";
      const heading = [c.cyan(number), highlight(visibleText(doc.title), terms, output), status, tags].filter(Boolean).join("  ");
      const shown = path.relative(cwd, path.join(workspace.root, doc.relPath)).split(path.sep).join("/") || doc.relPath;
      const lines = hit.matches.length > 0 ? hit.matches.map((m) => `  ${c.gray(`${shown}:${m.line}:`)} ${highlight(visibleText(m.text), terms, output)}`) : [`  ${c.gray(shown)}`];
      return [heading, ...lines].join("\n");
    })
    .join("\n\n");
}
