// The block structure both readers agree on: front matter range, root headings, code lines.
import type { FrontMatterKind } from "./frontmatter.js";

/** A root-level heading with its raw inline markdown. */
export interface HeadingInfo {
  depth: number;
  /** 1-based line of the heading (the text line for setext headings). */
  line: number;
  /** Inline markdown of the heading text, as written. */
  raw: string;
}

/** What a reader found about a document's blocks; the fast scanner and remark both produce it. */
export interface DocStructure {
  /** Lines of the file without BOM; line N is lines[N-1]. */
  lines: string[];
  /** Front matter with the 1-based lines of its opening and closing fences. */
  frontMatter: { kind: FrontMatterKind; startLine: number; endLine: number } | null;
  headings: HeadingInfo[];
  /** 1-based lines inside code blocks (never read as fields or statements). */
  codeLines: Set<number>;
}

/** Lines `from..to` (1-based, inclusive) that are not code, as [line number, text] pairs. */
export function proseLines(structure: DocStructure, from: number, to: number): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  const last = Math.min(to, structure.lines.length);
  for (let n = Math.max(1, from); n <= last; n++) if (!structure.codeLines.has(n)) out.push([n, structure.lines[n - 1]!]);
  return out;
}

/** The last line of the section a heading opens: before the next heading of the same or higher level. */
export function sectionEnd(structure: DocStructure, index: number): number {
  const heading = structure.headings[index]!;
  for (let i = index + 1; i < structure.headings.length; i++) {
    const next = structure.headings[i]!;
    if (next.depth <= heading.depth) return next.line - 1;
  }
  return structure.lines.length;
}
