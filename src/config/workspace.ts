import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { usageError } from "../domain/errors.js";
import { CONFIG_FILES, loadConfig } from "./load.js";
import type { AdrgenConfig } from "./schema.js";

/** One ADR directory adrgen reads or writes. */
export interface AdrDir {
  /** Absolute path. */
  path: string;
  /** Path relative to the repository root, with forward slashes. */
  rel: string;
  /** Label shown when several directories are listed. */
  label: string;
}

export type DirSource = "flag" | "config" | "adr-dir" | "existing" | "default";

/** The repository adrgen works on: its root, config and ADR directories. */
export interface Workspace {
  root: string;
  config: AdrgenConfig;
  configFile: string | undefined;
  /** Every ADR directory; the first is where new ADRs go. */
  dirs: AdrDir[];
  primary: AdrDir;
  /** How the primary directory was found. */
  source: DirSource;
}

/** Directories checked, in order, when nothing names the ADR directory. */
export const CONVENTIONAL_DIRS = ["docs/adr", "docs/decisions", "doc/adr", "docs/architecture/decisions", "doc/architecture/decisions"];
export const DEFAULT_DIR = "docs/adr";

const ROOT_MARKERS = [...CONFIG_FILES, ".adr-dir", ".git"];

/** Finds the repository root: the nearest ancestor holding a config, `.adr-dir` or `.git`. */
export function findRoot(start: string): string {
  let current = path.resolve(start);
  for (;;) {
    if (ROOT_MARKERS.some((marker) => existsSync(path.join(current, marker)))) return current;
    const parent = path.dirname(current);
    if (parent === current) return path.resolve(start);
    current = parent;
  }
}

export interface WorkspaceOptions {
  /** The process's directory. */
  cwd: string;
  /** `--cwd`, relative to cwd. */
  cwdFlag?: string | undefined;
  /** `--dir`, relative to the (flag-adjusted) cwd. */
  dirFlag?: string | undefined;
}

/** Resolves root, config and ADR directories in the documented discovery order. */
export async function resolveWorkspace(options: WorkspaceOptions): Promise<Workspace> {
  const start = options.cwdFlag ? path.resolve(options.cwd, options.cwdFlag) : options.cwd;
  if (!existsSync(start) || !statSync(start).isDirectory()) {
    throw usageError(`--cwd ${options.cwdFlag} is not a directory.`, "Pass an existing directory.");
  }
  const root = findRoot(start);
  const { config, file } = await loadConfig(root);
  const make = (dir: string, label?: string): AdrDir => {
    const abs = path.resolve(root, dir);
    const rel = toPosix(path.relative(root, abs)) || ".";
    return { path: abs, rel, label: label ?? rel };
  };
  const finish = (dirs: AdrDir[], source: DirSource): Workspace => ({ root, config, configFile: file, dirs, primary: dirs[0]!, source });

  if (options.dirFlag) return finish([make(path.resolve(start, options.dirFlag))], "flag");
  if (config.dirs) {
    const dirs = config.dirs.map((entry) => (typeof entry === "string" ? make(entry) : make(entry.path, entry.label)));
    return finish(uniqueDirs(config.dir ? [make(config.dir), ...dirs] : dirs), "config");
  }
  if (config.dir) return finish([make(config.dir)], "config");
  const adrDirFile = path.join(root, ".adr-dir");
  if (existsSync(adrDirFile)) {
    const value = readFileSync(adrDirFile, "utf8").trim();
    if (value) return finish([make(value)], "adr-dir");
  }
  for (const dir of CONVENTIONAL_DIRS) {
    const abs = path.join(root, dir);
    if (existsSync(abs) && statSync(abs).isDirectory()) return finish([make(dir)], "existing");
  }
  return finish([make(DEFAULT_DIR)], "default");
}

/**
 * The directories with repeats (same resolved path, however spelt) dropped, the first entry winning.
 * A directory listed twice would otherwise list and publish every ADR in it twice. The workspace has
 * no channel for warnings, so this is silent and documented (README, `dirs`).
 */
function uniqueDirs(dirs: AdrDir[]): AdrDir[] {
  const seen = new Set<string>();
  return dirs.filter((dir) => !seen.has(dir.path) && seen.add(dir.path));
}

/** Converts a path to forward slashes for display and JSON. */
export function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}
