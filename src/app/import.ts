// `adrgen import`: bring the ADRs of another repository's export into this repository's ADR directory,
// all or nothing, under the numbering lock.
import { stat } from "node:fs/promises";
import path from "node:path";
import type { AdrDir, Workspace } from "../config/workspace.js";
import { fromSystemError, usageError } from "../domain/errors.js";
import type { ExportDocument } from "../domain/export-schema.js";
import { errorCode, nodeFileSystem, type FileSystem } from "../io/file-system.js";
import { assertInside, createFileExclusive, trackPartialFile, withDirLock } from "../io/fs.js";
import { updateIndexIfPresent, type IndexRefresh } from "./index-file.js";
import { planImport, type ImportPlan, type PlannedFile } from "./import-plan.js";
import { parseExportDocument, readExportSource } from "./import-read.js";
import { parseStatusArg } from "./status.js";

export interface ImportOptions {
  /** An export file (relative to `cwd`), `-` for stdin, or another repository's directory (exported in-process). */
  source: string;
  renumber?: boolean | undefined;
  dryRun?: boolean | undefined;
  /** Give every imported ADR this status (written in each file's own style). */
  status?: string | undefined;
}

export interface ImportDeps {
  cwd: string;
  /** The environment an in-process export of a source directory runs with (ADRGEN_DATE). */
  env?: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  fs?: FileSystem;
}

/** One imported (or, with --dry-run, planned) file. */
export interface ImportedFile extends PlannedFile {
  /** Absolute path in the target ADR directory. */
  toPath: string;
}

export interface ImportResult {
  /** Where the export came from: its repository and the label of the source (a path or "stdin"). */
  source: { label: string; repository: ExportDocument["repository"] };
  dir: AdrDir;
  files: ImportedFile[];
  warnings: string[];
  dryRun: boolean;
  index: IndexRefresh;
}

/** Reads, validates and plans the import, then (unless dry-run) writes every file or none. */
export async function importAdrs(workspace: Workspace, options: ImportOptions, deps: ImportDeps): Promise<ImportResult> {
  const fs = deps.fs ?? nodeFileSystem;
  const status = options.status === undefined ? undefined : parseStatusArg(options.status);
  const { document, label } = await loadExport(workspace, options.source, deps);
  const dir = workspace.primary;
  const plan = async (): Promise<ImportPlan> => {
    const planned = planImport({ adrs: document.adrs, existingNames: await listNames(dir, fs), dirLabel: dir.rel, renumber: Boolean(options.renumber) });
    if (status !== undefined) await restatus(planned.files, status);
    return planned;
  };
  const base = { source: { label, repository: document.repository }, dir, dryRun: Boolean(options.dryRun) };
  const withPaths = (files: PlannedFile[]): ImportedFile[] => files.map((f) => ({ ...f, toPath: assertInside(dir.path, f.toName) }));
  if (options.dryRun || document.adrs.length === 0) {
    const planned = await plan();
    return { ...base, files: withPaths(planned.files), warnings: planned.warnings, index: { updated: [], warnings: [] } };
  }
  await fs.mkdir(dir.path).catch((error: unknown) => {
    throw fromSystemError(error, `create the ADR directory ${dir.rel}`);
  });
  const written = await withDirLock(
    dir.path,
    async () => {
      const planned = await plan();
      const files = withPaths(planned.files);
      await writeAll(files, fs);
      return { files, warnings: planned.warnings };
    },
    { fs },
  );
  return { ...base, ...written, index: await updateIndexIfPresent(workspace) };
}

/** The export to import: a file or stdin, validated; or another repository's directory, exported in-process. */
async function loadExport(workspace: Workspace, source: string, deps: ImportDeps): Promise<{ document: ExportDocument; label: string }> {
  const abs = path.resolve(deps.cwd, source);
  if (source !== "-" && (await stat(abs).catch(() => undefined))?.isDirectory()) {
    const { resolveWorkspace } = await import("../config/workspace.js");
    const other = await resolveWorkspace({ cwd: abs });
    if (other.root === workspace.root) {
      throw usageError(`${source} is this repository (${other.root}).`, "Name another repository's directory, or an export file.");
    }
    const { exportAdrs } = await import("./export.js");
    return { document: (await exportAdrs(other, { env: deps.env ?? {} })).document, label: source };
  }
  const { text, label } = await readExportSource(source, deps);
  return { document: parseExportDocument(text, label), label };
}

/** Creates every file exclusively; when one fails, removes the ones this run created and rethrows. */
export async function writeAll(files: ImportedFile[], fs: FileSystem): Promise<void> {
  const created: string[] = [];
  // Until the last file is written they all count as partial: Ctrl-C removes the whole import.
  const untrack: Array<() => void> = [];
  try {
    for (const file of files) {
      await createFileExclusive(file.toPath, file.text, fs);
      created.push(file.toPath);
      untrack.push(trackPartialFile(file.toPath));
    }
  } catch (error) {
    for (const file of created.reverse()) await fs.unlink(file).catch(() => undefined);
    throw error;
  } finally {
    for (const done of untrack) done();
  }
}

async function listNames(dir: AdrDir, fs: FileSystem): Promise<string[]> {
  try {
    return await fs.readdir(dir.path);
  } catch (error) {
    if (errorCode(error) === "ENOENT") return [];
    throw fromSystemError(error, `read the ADR directory ${dir.rel}`);
  }
}

// The status is set on the text as planned (renumbered, relinked), read again with the full parser so
// the edit goes where this text states its status.
async function restatus(files: PlannedFile[], status: string): Promise<void> {
  const { parseAdr } = await import("../markdown/parse.js");
  const { setStatus } = await import("../markdown/edit.js");
  for (const file of files) {
    const record = parseAdr(file.text, { path: path.resolve(file.toName), relPath: file.toName, dirLabel: "" });
    if (record.status !== status) file.text = setStatus(file.text, record, status);
  }
}
