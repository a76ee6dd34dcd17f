// The read side of the ADR store: which files are ADRs, and reading them fast (summaries) or fully (records).
import { readFileSync, realpathSync, statSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { AdrFileRef, AdrRecord, AdrSummary } from "../domain/adr.js";
import { fromSystemError, usageError } from "../domain/errors.js";
import type { Workspace } from "../config/workspace.js";
import { readAdrSummary } from "../markdown/fast.js";
import { emptyRecord, emptySummary } from "../markdown/empty.js";
import { numberFromFileName } from "../markdown/numbers.js";

/** README, index and template files live beside ADRs but are not ADRs. */
export function isAdrFileName(name: string): boolean {
  const lower = name.toLowerCase();
  if (!lower.endsWith(".md")) return false;
  if (lower === "readme.md" || lower === "index.md") return false;
  return !lower.includes("template");
}

/** Every ADR file directly in each ADR dir, by dir order then file name; a missing dir yields nothing. */
export async function listAdrFiles(workspace: Workspace): Promise<AdrFileRef[]> {
  const files: AdrFileRef[] = [];
  for (const dir of workspace.dirs) {
    let entries;
    try {
      entries = await readdir(dir.path, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") continue;
      throw fromSystemError(error, `read the ADR directory ${dir.rel}`);
    }
    const names = entries
      .filter((e) => (e.isFile() || (e.isSymbolicLink() && linkStaysInside(path.join(dir.path, e.name), [workspace.root, dir.path]))) && isAdrFileName(e.name))
      .map((e) => e.name);
    names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const name of names) {
      const rel = dir.rel === "." ? name : `${dir.rel}/${name}`;
      files.push({ path: path.join(dir.path, name), relPath: rel, dirLabel: dir.label });
    }
  }
  return files;
}

// Security (issue 9 §5): a symlinked ADR is read only when it resolves inside the repository or the
// ADR directory, so `show` never prints a file such as /etc/passwd that a link points at.
function linkStaysInside(link: string, bases: string[]): boolean {
  let target: string;
  try {
    target = realpathSync(link);
  } catch {
    // A dangling link has nothing to leak; listing it reports it as unreadable.
    return true;
  }
  return bases.some((base) => {
    let real: string;
    try {
      real = realpathSync(base);
    } catch {
      return false;
    }
    const rel = path.relative(real, target);
    return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
  });
}

// Reads a file as text; an unreadable file is reported rather than thrown, so one bad file never hides the rest.
async function readText(file: AdrFileRef): Promise<{ text: string } | { error: string }> {
  try {
    return { text: await readFile(file.path, "utf8") };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** Summaries of every ADR via the fast reader (no remark). */
export async function readSummaries(workspace: Workspace): Promise<AdrSummary[]> {
  const files = await listAdrFiles(workspace);
  // Synchronous reads: for a thousand small files they beat a thousand thread-pool round trips by far.
  return files.map((file) => {
    let text: string;
    try {
      text = readFileSync(file.path, "utf8");
    } catch (error) {
      return emptySummary(file, "unreadable", (error as Error).message);
    }
    return readAdrSummary(text, file);
  });
}

/** Full records of every ADR (loads remark once). */
export async function readRecords(workspace: Workspace): Promise<AdrRecord[]> {
  const files = await listAdrFiles(workspace);
  return Promise.all(files.map((file) => readRecord(file)));
}

/** The full record of one ADR file. Never throws for bad content; an unreadable file yields a diagnostic. */
export async function readRecord(file: AdrFileRef): Promise<AdrRecord> {
  const { parseAdr } = await import("../markdown/parse.js");
  const read = await readText(file);
  return "text" in read ? parseAdr(read.text, file) : emptyRecord(file, "", "unreadable", read.error);
}

/**
 * Finds the ADR a user named: a number (`7`, `0007`) or a path relative to the cwd or the repository root.
 * Unknown numbers and paths are usage errors (exit 2); a number several files share asks for a path.
 */
export async function resolveAdr(workspace: Workspace, ref: string, cwd: string = process.cwd()): Promise<AdrFileRef> {
  const files = await listAdrFiles(workspace);
  const dirs = workspace.dirs.map((d) => d.rel).join(", ");
  const trimmed = ref.trim();
  if (/^\d+$/.test(trimmed)) {
    const wanted = Number(trimmed);
    const matches = files.filter((f) => numberFromFileName(path.basename(f.path)) === wanted);
    if (matches.length === 1) return matches[0]!;
    if (matches.length === 0) throw usageError(`No ADR numbered ${wanted} in ${dirs}.`, "Run `adrgen list` to see the ADRs and their numbers.");
    throw usageError(
      `Several ADRs are numbered ${wanted}:\n${matches.map((f) => `  ${f.relPath}`).join("\n")}`,
      "Name the one you mean by its path.",
    );
  }
  const candidates = [path.resolve(cwd, trimmed), path.resolve(workspace.root, trimmed)];
  for (const candidate of candidates) {
    const known = files.find((f) => f.path === candidate);
    if (known) return known;
  }
  for (const candidate of candidates) {
    if (!candidate.toLowerCase().endsWith(".md")) continue;
    const stat = statSync(candidate, { throwIfNoEntry: false });
    if (stat?.isFile()) {
      const rel = path.relative(workspace.root, candidate).split(path.sep).join("/");
      const dir = workspace.dirs.find((d) => candidate.startsWith(d.path + path.sep));
      return { path: candidate, relPath: rel, dirLabel: dir?.label ?? path.dirname(rel) };
    }
  }
  throw usageError(`No ADR ${trimmed} in ${dirs}.`, "Pass an ADR number or the path of an ADR file; run `adrgen list` to see them.");
}
