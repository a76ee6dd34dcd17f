import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { toPosix, type AdrDir, type Workspace } from "../config/workspace.js";
import type { AdrFileRef, AdrRecord, Diagnostic } from "../domain/adr.js";
import { usageError } from "../domain/errors.js";
import { lintRecords, unknownConfiguredRules } from "../lint/engine.js";
import { extraRuleIds } from "../lint/check-rules.js";
import { PARSER_RULE_IDS } from "../lint/parser-rules.js";
import { listAdrFiles, readRecord } from "../store/read.js";

export interface LintOptions {
  /** Files or directories to lint, relative to `cwd`; empty means every ADR in every ADR directory. */
  paths: string[];
  /** The directory paths are resolved against and shown relative to. */
  cwd: string;
}

export interface LintDeps {
  workspace: Workspace;
  /** Whether a file exists (for link targets); the real file system by default. */
  fileExists?: (absPath: string) => boolean;
}

/** A finding as printed: the file relative to the cwd. */
export interface LintFinding {
  file: string;
  line: number | null;
  rule: string;
  severity: Diagnostic["severity"];
  message: string;
}

export interface LintReport {
  files: number;
  errors: number;
  warnings: number;
  findings: LintFinding[];
  /** Rule ids in `lint.rules` that no rule defines (likely typos). */
  unknownRules: string[];
}

/** Lints ADR files (all of them, or the given files and directories) and returns every finding. */
export async function lintAdrs(options: LintOptions, deps: LintDeps): Promise<LintReport> {
  const { workspace } = deps;
  const targets = options.paths.length === 0 ? await listAdrFiles(workspace) : await filesForPaths(options.paths, options.cwd, workspace);
  // Duplicate numbers and link targets are judged against every ADR around the targets.
  const contextDirs = uniqueBy([...workspace.dirs, ...targets.map((file) => dirFor(path.dirname(file.path), workspace))], (dir) => dir.path);
  const contextFiles = (await Promise.all(contextDirs.map((dir) => listAdrFiles(onlyDir(workspace, dir))))).flat();
  const allFiles = uniqueBy([...targets, ...contextFiles], (f) => f.path);
  const records = new Map<string, AdrRecord>((await Promise.all(allFiles.map((file) => readRecord(file)))).map((record) => [record.path, record]));
  const targetRecords = uniqueBy(targets, (f) => f.path).map((file) => records.get(file.path)!);
  const diagnostics = lintRecords(targetRecords, {
    records: [...records.values()],
    fileExists: deps.fileExists ?? existsSync,
    root: workspace.root,
    config: workspace.config,
  });
  const findings = diagnostics.map((d) => ({ ...d, file: toPosix(path.relative(options.cwd, path.resolve(workspace.root, d.file))) || d.file }));
  return {
    files: targetRecords.length,
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
    findings,
    unknownRules: unknownConfiguredRules(workspace.config, extraRuleIds(PARSER_RULE_IDS)),
  };
}

/** Resolves command-line paths to ADR files: a directory means its ADRs, a file means itself. */
async function filesForPaths(paths: string[], cwd: string, workspace: Workspace): Promise<AdrFileRef[]> {
  const files: AdrFileRef[] = [];
  for (const given of paths) {
    const abs = path.resolve(cwd, given);
    if (!existsSync(abs)) throw usageError(`${given} does not exist.`, "Pass ADR files or directories, or no path to lint every ADR directory.");
    if (statSync(abs).isDirectory()) files.push(...(await listAdrFiles(onlyDir(workspace, dirFor(abs, workspace)))));
    else files.push({ path: abs, relPath: toPosix(path.relative(workspace.root, abs)), dirLabel: dirFor(path.dirname(abs), workspace).label });
  }
  return files;
}

/** The workspace's ADR dir at this path, or an ad-hoc one labelled by its relative path. */
function dirFor(abs: string, workspace: Workspace): AdrDir {
  const known = workspace.dirs.find((dir) => dir.path === abs);
  if (known) return known;
  const rel = toPosix(path.relative(workspace.root, abs)) || ".";
  return { path: abs, rel, label: rel };
}

/** The same workspace narrowed to one directory, so `listAdrFiles` applies its usual filters there. */
function onlyDir(workspace: Workspace, dir: AdrDir): Workspace {
  return { ...workspace, dirs: [dir], primary: dir };
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}
