// Merges a freshly generated ADR into the one on disk, section by section: generated text that
// nobody touched is replaced, sections whose text no longer matches the hash adrgen stored (human
// edits) and sections people added are kept where they were. Keys and hashes follow sectionHashes.
import { MACHINE_BLOCK_START, shortHash } from "./machine-block.js";

/** One `##`/`###` section of a document: its key (`Parent/Child` for `###`) and its raw text from the heading on. */
export interface DocChunk {
  key: string;
  /** 2 for `##`, 3 for `###`. */
  depth: number;
  /** Heading line plus body, trailing blank lines removed. */
  text: string;
  /** Hash of the trimmed body, as sectionHashes computes it. */
  hash: string;
}

/** A document split for merging: everything before the first section, and the sections in order. */
export interface SplitDoc {
  preamble: string;
  chunks: DocChunk[];
}

/** The markdown without its machine block; text after the block (a relation line appended later) stays. */
export function removeMachineBlock(markdown: string): string {
  const start = markdown.indexOf(MACHINE_BLOCK_START);
  if (start < 0) return markdown;
  const end = markdown.indexOf("-->", start + MACHINE_BLOCK_START.length);
  const after = end < 0 ? "" : markdown.slice(end + 3).trim();
  return `${markdown.slice(0, start).replace(/(\n[ \t]*)+$/, "")}\n${after ? `\n${after}\n` : ""}`;
}

const SECTION_HEADING = /^(#{2,3})\s+(.+?)\s*#*\s*$/;

/** Splits markdown (without its machine block) into preamble and keyed sections, the same way sectionHashes keys them. */
export function splitSections(markdown: string): SplitDoc {
  const lines = removeMachineBlock(markdown).replace(/\r\n/g, "\n").split("\n");
  const preamble: string[] = [];
  const raw: Array<{ key: string; depth: number; lines: string[]; hashed: number }> = [];
  const seen = new Set<string>();
  let parent = "";
  for (const line of lines) {
    const heading = SECTION_HEADING.exec(line);
    const current = raw[raw.length - 1];
    if (/^#\s/.test(line) && current) {
      // An H1 after the sections ends hashing (as in sectionHashes) but its lines stay with the section.
      current.lines.push(line);
      current.hashed = Math.min(current.hashed, current.lines.length - 1);
    } else if (heading) {
      const text = heading[2]!;
      if (heading[1] === "##") parent = text;
      const base = heading[1] === "##" ? text : `${parent}/${text}`;
      let key = base;
      for (let n = 2; seen.has(key); n += 1) key = `${base} (${n})`;
      seen.add(key);
      raw.push({ key, depth: heading[1]!.length, lines: [line], hashed: Number.POSITIVE_INFINITY });
    } else if (current) current.lines.push(line);
    else preamble.push(line);
  }
  const chunks = raw.map(({ key, depth, lines: chunk, hashed }) => ({
    key,
    depth,
    text: withoutTrailingBlankLines(chunk),
    hash: shortHash(chunk.slice(1, Number.isFinite(hashed) ? hashed : undefined).join("\n").trim()),
  }));
  return { preamble: withoutTrailingBlankLines(preamble), chunks };
}

/** Lines joined without the blank lines at the end; trailing spaces of the last line (a markdown line break) stay. */
function withoutTrailingBlankLines(lines: readonly string[]): string {
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.trim() === "") end -= 1;
  return lines.slice(0, end).join("\n");
}

/** What happened to each section in a merge. */
export interface MergeReport {
  /** Human-edited sections kept verbatim. */
  keptEdited: string[];
  /** Sections people added, kept in place. */
  keptAdded: string[];
  /** Human-edited sections replaced because of --overwrite-edited. */
  overwritten: string[];
  /** Generated sections people deleted, left out again. */
  keptDeleted: string[];
}

export interface MergeInput {
  /** The ADR on disk, split. */
  current: SplitDoc;
  /** The freshly generated ADR, split. */
  generated: SplitDoc;
  /** Hashes adrgen stored when it last wrote the ADR (key → hash). */
  stored: Record<string, string>;
  overwriteEdited?: boolean;
}

/**
 * The merged sections in the generated order, with kept sections where they stood: a section that
 * people added follows the section it followed before. The preamble is the caller's business.
 */
export function mergeSections(input: MergeInput): { chunks: DocChunk[]; report: MergeReport } {
  const { current, generated, stored } = input;
  const report: MergeReport = { keptEdited: [], keptAdded: [], overwritten: [], keptDeleted: [] };
  const currentByKey = new Map(current.chunks.map((chunk) => [chunk.key, chunk]));
  const generatedKeys = new Set(generated.chunks.map((chunk) => chunk.key));
  const edited = (chunk: DocChunk) => stored[chunk.key] !== undefined && stored[chunk.key] !== chunk.hash;

  const out: DocChunk[] = [];
  for (const fresh of generated.chunks) {
    const old = currentByKey.get(fresh.key);
    if (!old) {
      // Generated before and gone now: someone deleted it on purpose.
      if (stored[fresh.key] !== undefined && !input.overwriteEdited) report.keptDeleted.push(fresh.key);
      else out.push(fresh);
    } else if (edited(old) && !input.overwriteEdited) {
      report.keptEdited.push(old.key);
      out.push(old);
    } else {
      if (edited(old)) report.overwritten.push(old.key);
      out.push(fresh);
    }
  }
  // Sections adrgen does not generate (now): added by people, or edited ones the new decision dropped.
  current.chunks.forEach((chunk, index) => {
    if (generatedKeys.has(chunk.key)) return;
    const ownedAndUntouched = stored[chunk.key] !== undefined && !edited(chunk);
    if (ownedAndUntouched) return;
    if (stored[chunk.key] === undefined) report.keptAdded.push(chunk.key);
    else report.keptEdited.push(chunk.key);
    insertAfterPredecessor(out, chunk, current.chunks.slice(0, index));
  });
  return { chunks: out, report };
}

/** Inserts `chunk` after the nearest earlier section (in the old order) that the output still holds; first when none. */
function insertAfterPredecessor(out: DocChunk[], chunk: DocChunk, before: DocChunk[]): void {
  for (let i = before.length - 1; i >= 0; i -= 1) {
    const at = out.findIndex((c) => c.key === before[i]!.key);
    if (at >= 0) {
      // Skip past the predecessor's own sub-sections so an added `##` does not split a parent from its children.
      let end = at + 1;
      if (chunk.depth === 2) while (end < out.length && out[end]!.depth === 3) end += 1;
      out.splice(end, 0, chunk);
      return;
    }
  }
  out.unshift(chunk);
}

/** Joins a preamble and sections into markdown (one blank line between parts, one newline at the end). */
export function joinSections(preamble: string, chunks: readonly DocChunk[]): string {
  return `${[preamble, ...chunks.map((chunk) => chunk.text)].filter((part) => part.trim() !== "").join("\n\n")}\n`;
}
