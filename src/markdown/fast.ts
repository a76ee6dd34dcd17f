// The fast ADR reader: a line scanner that finds the same structure remark would (front matter, root
// headings, fenced code) without loading remark, so `list` over 1,000 ADRs stays quick.
import type { AdrFileRef, AdrSummary } from "../domain/adr.js";
import { collectEvidence } from "./evidence.js";
import { interpretEvidence } from "./interpret.js";
import { emptySummary } from "./empty.js";
import type { DocStructure } from "./structure.js";
import { atxHeading, looksBinary, splitLines, stripBom } from "./text.js";

/** Reads the summary fields of an ADR without remark; agrees with parseAdr on the shared fields. Never throws. */
export function readAdrSummary(text: string, file: AdrFileRef): AdrSummary {
  try {
    if (looksBinary(text)) return emptySummary(file, "binary");
    const lines = splitLines(stripBom(text));
    const { diagnostics, frontMatter: _fm, decisionMakers: _d, consulted: _c, informed: _i, statusStyle: _s, statusLine: _l, titleLine: _t, ...summary } =
      interpretEvidence(collectEvidence(scanStructure(lines)), file, lines);
    return diagnostics.length > 0 ? { ...summary, diagnostics } : summary;
  } catch (error) {
    return emptySummary(file, "unreadable", (error as Error).message);
  }
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
// Thematic breaks (`---`, `***`), HTML and indented lines never start a paragraph that could become a heading.
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const HTML_START = /^ {0,3}</;
const INDENTED = /^(?: {4}|\t)/;
// List items and block quotes: containers whose text continues lazily.
const CONTAINER = /^ {0,3}(?:>|[*+-](?:\s|$)|\d{1,9}[.)](?:\s|$))/;
// A list item's marker and the spaces after it: their width is the column its content starts at.
const LIST_ITEM = /^ {0,3}(?:[*+-]|\d{1,9}[.)])(?: {1,4}(?=\S)|[ \t]*$)/;

/** Finds front matter, root-level ATX/setext headings and fenced code blocks by scanning lines. */
export function scanStructure(lines: string[]): DocStructure {
  const structure: DocStructure = { lines, frontMatter: null, headings: [], codeLines: new Set() };
  let start = 0;
  const open = lines[0]?.trimEnd();
  if (open === "---" || open === "+++") {
    for (let i = 1; i < lines.length; i++) {
      if (lines[i]!.trimEnd() === open) {
        structure.frontMatter = { kind: open === "---" ? "yaml" : "toml", startLine: 1, endLine: i + 1 };
        start = i + 1;
        break;
      }
    }
  }
  let fence: { char: string; length: number } | null = null;
  let paragraphStart = -1;
  // After a list item or quote, following text lines are lazy continuations of it, never a setext heading.
  let lazy = false;
  // Content column of the last list item, kept across blank lines: a line indented that far after a
  // blank line is still inside the item, and the text lines after it are its lazy continuation.
  let itemIndent = -1;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    // Dispatch on the first non-blank character so most lines cost one character test, not four regexes.
    const first = line.trimStart()[0];
    if (fence) {
      structure.codeLines.add(i + 1);
      const close = first === fence.char ? FENCE.exec(line) : null;
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length && close[2]!.trim() === "") fence = null;
      continue;
    }
    if (first === undefined) {
      paragraphStart = -1;
      lazy = false;
      continue;
    }
    if (first === "`" || first === "~") {
      const opening = FENCE.exec(line);
      if (opening && !(opening[1]![0] === "`" && opening[2]!.includes("`"))) {
        fence = { char: opening[1]![0]!, length: opening[1]!.length };
        structure.codeLines.add(i + 1);
        paragraphStart = -1;
        lazy = false;
        itemIndent = -1;
        continue;
      }
    }
    if ((first === "=" || first === "-") && paragraphStart >= 0 && SETEXT.test(line)) {
      const raw = lines.slice(paragraphStart, i).map((l) => l.trim()).join("\n");
      structure.headings.push({ depth: first === "=" ? 1 : 2, line: paragraphStart + 1, raw });
      paragraphStart = -1;
      continue;
    }
    if (first === "#") {
      const atx = atxHeading(line);
      if (atx) {
        structure.headings.push({ depth: atx.depth, line: i + 1, raw: atx.raw });
        paragraphStart = -1;
        lazy = false;
        itemIndent = -1;
        continue;
      }
    }
    if (THEMATIC_BREAK.test(line)) {
      paragraphStart = -1;
      lazy = false;
      itemIndent = -1;
    } else if (CONTAINER.test(line)) {
      paragraphStart = -1;
      lazy = true;
      itemIndent = LIST_ITEM.exec(line)?.[0].length ?? -1;
    } else if (HTML_START.test(line)) {
      paragraphStart = -1;
      lazy = false;
      itemIndent = -1;
    } else if (itemIndent > 0 && paragraphStart < 0 && indentWidth(line) >= itemIndent) {
      lazy = true;
    } else if (INDENTED.test(line)) {
      // Indented text continues an open paragraph; otherwise it is indented code.
    } else if (paragraphStart < 0 && !lazy) {
      paragraphStart = i;
      itemIndent = -1;
    }
  }
  return structure;
}

/** Columns of leading whitespace, a tab counting to the next multiple of four. */
function indentWidth(line: string): number {
  let width = 0;
  for (const char of line) {
    if (char === " ") width += 1;
    else if (char === "\t") width += 4 - (width % 4);
    else break;
  }
  return width;
}
