import { isBlank, type LineDoc } from "./lines.js";

/** A heading found by the line scanner (0-based line index). */
export interface OutlineHeading {
  index: number;
  depth: number;
  text: string;
  /** Number of lines the heading takes: 1 for ATX (`## x`), 2 for setext (text + underline). */
  span: number;
}

/** The structure of a file that in-place edits need: front matter block, headings, code lines. */
export interface Outline {
  /** Front matter: the opening and closing fence lines (0-based), when the file has one. */
  frontMatter: { start: number; end: number; kind: "yaml" | "toml" } | null;
  headings: OutlineHeading[];
  /** Lines inside fenced code blocks (fences included); never edited or searched. */
  code: Set<number>;
}

const BOM = "\uFEFF";
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const ATX = /^\s{0,3}(#{1,6})(?:\s+(.*?))?\s*$/;

/** Removes a byte-order mark from a line (only the first line can carry one). */
export function stripBom(line: string): string {
  return line.startsWith(BOM) ? line.slice(1) : line;
}

function findFrontMatter(doc: LineDoc): Outline["frontMatter"] {
  const first = stripBom(doc.lines[0] ?? "").trimEnd();
  const kind = first === "---" ? "yaml" : first === "+++" ? "toml" : null;
  if (!kind) return null;
  for (let i = 1; i < doc.lines.length; i += 1) {
    const line = doc.lines[i]!.trimEnd();
    if (line === first || (kind === "yaml" && line === "...")) return { start: 0, end: i, kind };
  }
  return null;
}

/** Scans a LineDoc for front matter, headings (ATX and setext) and fenced code. */
export function scanOutline(doc: LineDoc): Outline {
  const frontMatter = findFrontMatter(doc);
  const headings: OutlineHeading[] = [];
  const code = new Set<number>();
  let fence: string | null = null;
  const start = frontMatter ? frontMatter.end + 1 : 0;
  for (let i = start; i < doc.lines.length; i += 1) {
    const line = i === 0 ? stripBom(doc.lines[i]!) : doc.lines[i]!;
    const fenceMatch = FENCE.exec(line);
    if (fence) {
      code.add(i);
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length && line.trim() === fenceMatch[1]) fence = null;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1]!;
      code.add(i);
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      headings.push({ index: i, depth: atx[1]!.length, text: (atx[2] ?? "").replace(/\s+#+\s*$/, "").trim(), span: 1 });
      continue;
    }
    const next = doc.lines[i + 1];
    if (!isBlank(line) && next !== undefined && !/^\s{0,3}([-*+]\s|>|\d+[.)]\s)/.test(line) && !/^\s{4}/.test(line)) {
      const prevBlank = i === start || isBlank(doc.lines[i - 1]) || headings.some((h) => h.index + h.span === i);
      if (prevBlank && /^\s{0,3}=+\s*$/.test(next)) {
        headings.push({ index: i, depth: 1, text: line.trim(), span: 2 });
        i += 1;
      } else if (prevBlank && /^\s{0,3}-+\s*$/.test(next)) {
        headings.push({ index: i, depth: 2, text: line.trim(), span: 2 });
        i += 1;
      }
    }
  }
  return { frontMatter, headings, code };
}

/** Lines after a heading up to the next heading of any depth (its own content, 0-based, end exclusive). */
export function ownContent(outline: Outline, heading: OutlineHeading, lineCount: number): { start: number; end: number } {
  const next = outline.headings.find((h) => h.index > heading.index);
  return { start: heading.index + heading.span, end: next ? next.index : lineCount };
}

/** Lines of a section up to the next heading of the same or a higher level (end exclusive). */
export function sectionContent(outline: Outline, heading: OutlineHeading, lineCount: number): { start: number; end: number } {
  const next = outline.headings.find((h) => h.index > heading.index && h.depth <= heading.depth);
  return { start: heading.index + heading.span, end: next ? next.index : lineCount };
}

/** The first heading (depth ≥ 2) whose text matches, e.g. /^status$/i. */
export function findHeading(outline: Outline, pattern: RegExp, minDepth = 2): OutlineHeading | undefined {
  return outline.headings.find((h) => h.depth >= minDepth && pattern.test(h.text.replace(/[:*_]+/g, "").trim()));
}

/** The first H1, when the file has one. */
export function findTitle(outline: Outline): OutlineHeading | undefined {
  return outline.headings.find((h) => h.depth === 1);
}

/** Index of the last non-blank line in [start, end), or start - 1 when all are blank. */
export function lastNonBlank(doc: LineDoc, start: number, end: number): number {
  for (let i = end - 1; i >= start; i -= 1) if (!isBlank(doc.lines[i])) return i;
  return start - 1;
}
