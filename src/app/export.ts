// `adrgen export`: every ADR of every ADR directory, fully parsed, as one versioned JSON document.
// ADR text is exported as written, secrets and all: ADRs are the user's own documents (the redactor
// guards what adrgen learns by scanning a repository, not what people wrote on purpose).
import { execFile } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Workspace } from "../config/workspace.js";
import type { AdrRecord, AdrRef, Diagnostic } from "../domain/adr.js";
import { fromSystemError, usageError } from "../domain/errors.js";
import { EXPORT_SCHEMA_ID, EXPORT_VERSION, type ExportDocument, type ExportedAdr, type ExportedRef } from "../domain/export-schema.js";
import { writeFileAtomic } from "../io/fs.js";
import { relativeMarkdownTarget } from "../lint/text.js";
import { resolveAdrDate } from "../render/defaults.js";
import { readRecords } from "../store/read.js";
import { VERSION } from "../version.js";

export interface ExportDeps {
  env: NodeJS.ProcessEnv;
  now?: () => Date;
}

export interface ExportResult {
  document: ExportDocument;
  /** Files that could not be exported (binary or unreadable), as diagnostics. */
  skipped: Diagnostic[];
}

/** Reads every ADR with the full parser and builds the export document. */
export async function exportAdrs(workspace: Workspace, deps: ExportDeps): Promise<ExportResult> {
  const records = await readRecords(workspace);
  const broken = (r: AdrRecord) => r.diagnostics.find((d) => d.rule === "file-binary" || d.rule === "file-unreadable");
  const readable = records.filter((r) => !broken(r));
  const head = await headCommit(workspace.root);
  const document: ExportDocument = {
    schema: EXPORT_SCHEMA_ID,
    version: EXPORT_VERSION,
    generator: { name: "adrgen", version: VERSION },
    generatedAt: generatedAt(deps),
    repository: {
      name: path.basename(workspace.root),
      head,
      dirs: workspace.dirs.map((d) => ({ path: d.rel, label: d.label })),
    },
    adrs: readable.map((record) => exportedAdr(record, readable, workspace.root)),
  };
  return { document, skipped: records.flatMap((r) => (broken(r) ? [broken(r)!] : [])) };
}

/** `ADRGEN_DATE` at midnight UTC when set (stable goldens), else the current time. */
export function generatedAt(deps: ExportDeps): string {
  if (deps.env.ADRGEN_DATE?.trim()) return `${resolveAdrDate(deps.env)}T00:00:00.000Z`;
  return (deps.now?.() ?? new Date()).toISOString();
}

/** One record in the export's shape: parsed fields, resolved references and the exact text. */
export function exportedAdr(record: AdrRecord, all: AdrRecord[], root: string): ExportedAdr {
  const ref = (r: AdrRef): ExportedRef => ({ number: r.number, target: r.target, path: resolveRef(record, r, all, root), ...(r.line !== undefined ? { line: r.line } : {}) });
  return {
    number: record.number,
    title: record.title,
    status: record.status,
    date: record.date,
    ...(record.dateRaw !== undefined ? { dateRaw: record.dateRaw } : {}),
    tags: record.tags,
    decisionMakers: record.decisionMakers,
    consulted: record.consulted,
    informed: record.informed,
    format: record.format,
    path: record.relPath,
    dirLabel: record.dirLabel,
    frontMatter: jsonFrontMatter(record.frontMatter),
    statusStyle: record.statusStyle,
    statusLine: record.statusLine,
    titleLine: record.titleLine,
    supersedes: record.supersedes.map(ref),
    supersededBy: record.supersededBy.map(ref),
    links: record.links.map((l) => ({ ...ref(l), type: l.type })),
    sections: record.sections.map((s) => ({ heading: s.heading, depth: s.depth, line: s.line, endLine: s.endLine, body: s.body })),
    consideredOptions: record.consideredOptions,
    chosenOption: record.chosenOption,
    diagnostics: record.diagnostics,
    markdown: record.text,
  };
}

/**
 * Front matter as the document will hold it: a JSON round trip turns YAML dates and other non-JSON values
 * into JSON ones. YAML aliases can build a cycle JSON cannot hold; such front matter is exported as null
 * (the text, in `markdown`, still has it).
 */
function jsonFrontMatter(data: Record<string, unknown> | null): Record<string, unknown> | null {
  if (data === null) return null;
  try {
    return JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** The root-relative path a reference leads to: a relative `.md` link, else a number or slug in the same directory. */
function resolveRef(record: AdrRecord, ref: AdrRef, all: AdrRecord[], root: string): string | null {
  const dir = path.dirname(record.path);
  const rel = (abs: string) => path.relative(root, abs).split(path.sep).join("/");
  const file = relativeMarkdownTarget(ref.target);
  if (file !== null) {
    const abs = path.resolve(dir, file);
    const inside = !path.relative(root, abs).startsWith("..");
    return all.some((r) => r.path === abs) || (inside && existsSync(abs)) ? rel(abs) : null;
  }
  const sameDir = all.filter((r) => path.dirname(r.path) === dir);
  const matches =
    ref.number !== null ? sameDir.filter((r) => r.number === ref.number) : sameDir.filter((r) => path.basename(r.path, ".md") === ref.target.trim());
  return matches.length === 1 ? matches[0]!.relPath : null;
}

/** The HEAD commit of the repository at `root`, or null outside git or before the first commit. */
export function headCommit(root: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile("git", ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], { cwd: root, timeout: 5000, windowsHide: true }, (error, stdout) => {
      const sha = error ? "" : String(stdout).trim();
      resolve(/^[0-9a-f]{40,64}$/.test(sha) ? sha : null);
    });
  });
}

/** Writes the export to `file` atomically; an existing file is kept unless `force` (exit 2). */
export async function writeExportFile(file: string, text: string, options: { force?: boolean | undefined; display: string }): Promise<void> {
  // --force replaces a file, never a directory: renaming over one fails (EISDIR), and a user error is not a crash.
  if (existsSync(file) && statSync(file).isDirectory()) {
    throw usageError(`${options.display} is a directory.`, `Give --out a file name, e.g. --out ${path.posix.join(options.display.replace(/\/+$/, ""), "adrs.json")}`);
  }
  if (existsSync(file) && !options.force) {
    throw usageError(`${options.display} already exists.`, "Pass --force to overwrite it, or choose another --out file.");
  }
  await mkdir(path.dirname(file), { recursive: true }).catch((error: unknown) => {
    throw fromSystemError(error, `create the directory of ${options.display}`);
  });
  await writeFileAtomic(file, text);
}
