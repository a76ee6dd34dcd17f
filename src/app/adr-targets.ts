// Finds the ADRs that `new --supersedes N` and `--link N:type` point at, before anything is written.
import path from "node:path";
import type { AdrDir } from "../config/workspace.js";
import { usageError } from "../domain/errors.js";
import { adrNumberFromFileName, formatAdrNumber, parseAdrNumberArg } from "../domain/numbering.js";
import { errorCode, type FileSystem } from "../io/file-system.js";

/** An existing ADR a new one refers to. */
export interface TargetAdr {
  number: number;
  path: string;
  fileName: string;
  title: string | null;
}

/** A relation the new ADR will state: `supersedes` or a link type such as `relates to`. */
export interface RelationRequest {
  type: string;
  target: TargetAdr;
}

/** Parses `--link` values: `N` or `N:type` (default type "relates to"). */
export function parseLinkSpec(spec: string): { ref: number; type: string } {
  const match = /^\s*([^:]+?)\s*(?::\s*(.*?)\s*)?$/.exec(spec);
  const ref = match ? parseAdrNumberArg(match[1]!) : null;
  const type = match?.[2] || "relates to";
  if (ref === null || !/^[A-Za-z][A-Za-z '-]{0,40}$/.test(type)) {
    throw usageError(`--link ${JSON.stringify(spec)} is not N or N:"type".`, 'Example: --link 3:"relates to" or --link 5:amends.');
  }
  return { ref, type: type.toLowerCase() };
}

/** The first H1 of a markdown text without its `N.` / `ADR-NNN:` prefix, or null. */
export function firstHeading(text: string): string | null {
  const body = text.replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n---[ \t]*(\r?\n|$)/, "");
  const match = /^ {0,3}#[ \t]+(.+?)[ \t#]*$/m.exec(body);
  if (!match) return null;
  return match[1]!.replace(/^(?:adr[-_ ]?\d+\s*[:.-]\s*|\d+\.\s+)/i, "").trim() || null;
}

async function readDirNames(dir: string, fs: FileSystem): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch (error) {
    if (errorCode(error) === "ENOENT") return [];
    throw error;
  }
}

/** Looks up ADR `number` in a directory; a missing or ambiguous number is a usage error (exit 2). */
export async function findAdrByNumber(dir: AdrDir, number: number, fs: FileSystem): Promise<TargetAdr> {
  const names = (await readDirNames(dir.path, fs)).filter((name) => /\.md$/i.test(name) && adrNumberFromFileName(name) === number);
  if (names.length === 0) {
    throw usageError(`ADR ${number} does not exist in ${dir.rel}.`, "Run adrgen list to see the ADR numbers.");
  }
  if (names.length > 1) {
    throw usageError(`ADR ${formatAdrNumber(number)} is ambiguous in ${dir.rel}: ${names.sort().join(", ")}.`, "Give the duplicates distinct numbers first (adrgen lint reports them).");
  }
  const fileName = names[0]!;
  const file = path.join(dir.path, fileName);
  const title = firstHeading(await fs.readFile(file).catch(() => ""));
  return { number, path: file, fileName, title };
}

/** Resolves every `--supersedes` and `--link` target, failing before anything is written. */
export async function resolveRelationTargets(
  dir: AdrDir,
  request: { supersedes: Array<string | number>; links: string[] },
  fs: FileSystem,
): Promise<RelationRequest[]> {
  const relations: RelationRequest[] = [];
  for (const value of request.supersedes) {
    const number = parseAdrNumberArg(value);
    if (number === null) throw usageError(`--supersedes ${JSON.stringify(String(value))} is not an ADR number.`, "Example: --supersedes 3");
    relations.push({ type: "supersedes", target: await findAdrByNumber(dir, number, fs) });
  }
  for (const spec of request.links) {
    const { ref, type } = parseLinkSpec(spec);
    relations.push({ type, target: await findAdrByNumber(dir, ref, fs) });
  }
  return relations;
}
