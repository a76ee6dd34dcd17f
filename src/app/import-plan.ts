// Planning `adrgen import`: which file each exported ADR becomes in the target directory, whether numbers
// collide, and (with --renumber) the new numbers with the titles and links between imported ADRs rewritten.
// Pure: it reads nothing and writes nothing, so the plan is the same for --dry-run and the real run.
import path from "node:path";
import { usageError } from "../domain/errors.js";
import type { ExportedAdr, ExportedRef } from "../domain/export-schema.js";
import { nextAdrNumber } from "../domain/numbering.js";
import { numberFromFileName } from "../markdown/numbers.js";
import { relinkText, renumberTitle, type RenumberMove } from "../markdown/renumber.js";
import { isAdrFileName } from "../store/read.js";
import { relativeMarkdownTarget } from "../lint/text.js";
import { renumberedFileName } from "./renumber.js";

/** One exported ADR and the file it becomes. */
export interface PlannedFile {
  /** Index in the export's `adrs`. */
  index: number;
  /** Path in the source repository, as exported. */
  fromPath: string;
  fromNumber: number | null;
  /** File name in the target ADR directory. */
  toName: string;
  toNumber: number | null;
  title: string | null;
  /** The text to write. */
  text: string;
}

export interface ImportPlan {
  files: PlannedFile[];
  /** References left as written that may not point where they did in the source repository (links between imported ADRs are rewritten). */
  warnings: string[];
}

export interface PlanImportInput {
  adrs: ExportedAdr[];
  /** Entry names already in the target ADR directory. */
  existingNames: string[];
  /** Label of the target directory, for messages. */
  dirLabel: string;
  renumber: boolean;
}

const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[1-9]|lpt[1-9])(?:\.|$)/i;

/** The file name an exported path ends in, when it is safe to create in an ADR directory; else null. */
export function safeAdrFileName(exportedPath: string): string | null {
  const name = exportedPath.split(/[\\/]/).pop() ?? "";
  // File systems limit a name to 255 bytes, not characters; a leading `-` reads as an option to other tools;
  // format characters (bidi controls, zero-width, U+2028/2029 separators) make a name display as another.
  if (Buffer.byteLength(name, "utf8") > 255 || name.startsWith(".") || name.startsWith("-")) return null;
  if (/[\u0000-\u001f\u007f-\u009f:*?"<>|\u2028\u2029]|\p{Cf}/u.test(name)) return null;
  if (WINDOWS_RESERVED.test(name) || !isAdrFileName(name)) return null;
  return name;
}

/** Decides every target file; collisions and unsafe names are usage errors listing every problem (exit 2). */
export function planImport(input: PlanImportInput): ImportPlan {
  const { adrs, existingNames } = input;
  const problems: string[] = [];
  const names = adrs.map((adr, i) => {
    const name = safeAdrFileName(adr.path);
    if (name === null) problems.push(`adrs[${i}].path: ${JSON.stringify(adr.path)} does not end in a file name adrgen can create in an ADR directory`);
    return name ?? "";
  });
  if (problems.length > 0) throw usageError(`The export holds paths that are not ADR file names:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  const targets = adrs.map((adr, i) => ({ index: i, fromPath: adr.path, fromNumber: numberFromFileName(names[i]!), name: names[i]! }));
  let next = nextAdrNumber(existingNames);
  const files: PlannedFile[] = targets.map((t) => {
    const toNumber = input.renumber && t.fromNumber !== null ? next++ : t.fromNumber;
    const toName = toNumber !== t.fromNumber && toNumber !== null ? renumberedFileName(t.name, toNumber) : t.name;
    return { index: t.index, fromPath: t.fromPath, fromNumber: t.fromNumber, toName, toNumber, title: adrs[t.index]!.title, text: adrs[t.index]!.markdown };
  });
  const collisions = findCollisions(files, existingNames, input.renumber);
  if (collisions.length > 0) {
    throw usageError(
      `Importing would collide with ADRs in ${input.dirLabel}; nothing was written:\n${collisions.map((c) => `  ${c}`).join("\n")}`,
      input.renumber ? "Rename the listed files in the export or the target directory (unnumbered files keep their names)." : "Pass --renumber to give the imported ADRs the next free numbers.",
    );
  }
  const moved = files.filter((f) => f.toName !== names[f.index]);
  for (const file of files) file.text = rewriteText(file, moved, files, adrs);
  return { files, warnings: referenceWarnings(adrs, files) };
}

/** Every number or file name that two imported ADRs, or an imported and an existing one, would share. */
function findCollisions(files: PlannedFile[], existingNames: string[], renumber: boolean): string[] {
  const out: string[] = [];
  const existing = existingNames.filter((n) => /\.md$/i.test(n));
  const lowerExisting = new Map(existing.map((n) => [n.toLowerCase(), n]));
  const byNumber = new Map<number, PlannedFile[]>();
  const byName = new Map<string, PlannedFile[]>();
  for (const file of files) {
    if (file.toNumber !== null) byNumber.set(file.toNumber, [...(byNumber.get(file.toNumber) ?? []), file]);
    // Case-insensitive: the same checkout may live on a case-insensitive file system.
    const key = file.toName.toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), file]);
  }
  for (const file of files) {
    const taken = lowerExisting.get(file.toName.toLowerCase());
    const sameNumber = file.toNumber === null ? [] : existing.filter((n) => numberFromFileName(n) === file.toNumber && n !== taken);
    if (taken) out.push(`adrs[${file.index}] ${file.fromPath}: ${taken} already exists`);
    else if (sameNumber.length > 0 && !renumber) out.push(`adrs[${file.index}] ${file.fromPath}: number ${file.toNumber} is taken by ${sameNumber.join(", ")}`);
  }
  for (const [number, group] of byNumber) {
    if (group.length > 1) out.push(`number ${number} is shared by the imported ${group.map((f) => `adrs[${f.index}] ${f.fromPath}`).join(", ")}`);
  }
  for (const group of byName.values()) {
    if (group.length > 1 && group.every((f) => f.toNumber === null)) out.push(`file name ${group[0]!.toName} is shared by the imported ${group.map((f) => `adrs[${f.index}] ${f.fromPath}`).join(", ")}`);
  }
  return out;
}

// Source paths live under a made-up root, so relative links resolve exactly as they did in the source repository.
const SOURCE_ROOT = path.resolve("/adrgen-import-source");
const sourcePath = (exported: string) => path.resolve(SOURCE_ROOT, exported);

/**
 * The file's text with its own title number and every link to a moved ADR updated. Links are first pointed
 * at unique stand-in names and only then at the final names, so a move from 1 to 2 and one from 2 to 3
 * never rewrite the same link twice. Every imported file lands in the one target directory, so a link to an
 * ADR imported from another source directory becomes a bare file name there, moved or not.
 */
function rewriteText(file: PlannedFile, moved: PlannedFile[], files: PlannedFile[], adrs: ExportedAdr[]): string {
  let text = file.text;
  if (file.fromNumber !== null && file.toNumber !== null && file.fromNumber !== file.toNumber) text = renumberTitle(text, file.fromNumber, file.toNumber);
  const ownDir = path.posix.dirname(posixPath(file.fromPath));
  const across = files.filter((f) => path.posix.dirname(posixPath(f.fromPath)) !== ownDir);
  // Only files whose name the text mentions can change it; skipping the rest keeps a large import fast.
  const named = (name: string) => text.includes(name) || text.includes(encodeURI(name));
  const relevant = [...new Set([...moved, ...across])].filter((m) => named(path.posix.basename(posixPath(adrs[m.index]!.path))));
  if (relevant.length === 0) return text;
  const dir = path.dirname(sourcePath(file.fromPath));
  const standIn = (m: PlannedFile) => path.join(path.dirname(sourcePath(m.fromPath)), `adrgen-import-${m.index}-${m.toName}`);
  // -1 never matches a label's number: an unnumbered file keeps its link labels.
  const numbers = (m: PlannedFile) => (m.fromNumber !== null && m.toNumber !== null ? { fromNumber: m.fromNumber, toNumber: m.toNumber } : { fromNumber: -1, toNumber: -1 });
  for (const m of relevant) {
    text = relinkText(text, dir, { fromPath: sourcePath(adrs[m.index]!.path), toPath: standIn(m), ...numbers(m) });
  }
  for (const m of relevant) {
    if (across.includes(m)) {
      // The link kept its directory part (../../svc/adr/); in the target directory the file sits beside this one.
      const marker = `adrgen-import-${m.index}-`;
      text = text.replace(new RegExp(`[^\\s()<>\\[\\]]*/${marker}`, "g"), "").split(marker).join("");
      continue;
    }
    const move: RenumberMove = { fromPath: standIn(m), toPath: path.join(path.dirname(standIn(m)), m.toName), fromNumber: -1, toNumber: -1 };
    text = relinkText(text, dir, move);
  }
  return text;
}

const posixPath = (p: string) => p.replace(/\\/g, "/");

/** References that the import cannot keep pointing at the same decision. */
function referenceWarnings(adrs: ExportedAdr[], files: PlannedFile[]): string[] {
  const imported = new Map(files.map((f) => [adrs[f.index]!.path, f]));
  const warnings: string[] = [];
  adrs.forEach((adr, i) => {
    const refs: Array<[string, ExportedRef]> = [
      ...adr.supersedes.map((r): [string, ExportedRef] => ["supersedes", r]),
      ...adr.supersededBy.map((r): [string, ExportedRef] => ["is superseded by", r]),
      ...adr.links.map((r): [string, ExportedRef] => [r.type || "links to", r]),
    ];
    const at = (r: ExportedRef) => `${adr.path}${r.line ? `:${r.line}` : ""}`;
    for (const [relation, ref] of refs) {
      const target = ref.path === null ? undefined : imported.get(ref.path);
      if (!target) {
        warnings.push(`${at(ref)} ${relation} ${JSON.stringify(ref.target)}, which was not imported; left as written`);
      } else if (target.toNumber !== target.fromNumber && relativeMarkdownTarget(ref.target) === null) {
        warnings.push(`${at(ref)} ${relation} ${JSON.stringify(ref.target)} as text, not a link; it now means ${target.toName}, not rewritten`);
      }
    }
  });
  return warnings;
}
