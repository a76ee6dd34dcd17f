// The full ADR parser: remark (CommonMark + GFM + front matter) for structure, then the shared evidence and
// field rules, plus what only a tree gives reliably: sections, considered options, the chosen option.
import type { Code, Heading, List, ListItem, Root, RootContent } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { AdrFileRef, AdrRecord, AdrSection } from "../domain/adr.js";
import { emptyRecord } from "./empty.js";
import { collectEvidence, headingKey } from "./evidence.js";
import { interpretEvidence } from "./interpret.js";
import { proseLines, sectionEnd, type DocStructure } from "./structure.js";
import { atxHeading, inlineText, looksBinary, splitLines, stripBom } from "./text.js";

const processor = unified().use(remarkParse).use(remarkFrontmatter, ["yaml", "toml"]).use(remarkGfm);

/** Parses an ADR file's text into a full record. Never throws: problems become diagnostics. */
export function parseAdr(text: string, file: AdrFileRef): AdrRecord {
  if (looksBinary(text)) return emptyRecord(file, text, "binary");
  try {
    const source = stripBom(text);
    const lines = splitLines(source);
    const tree = processor.parse(source) as Root;
    const structure = structureFromTree(tree, lines);
    const fields = interpretEvidence(collectEvidence(structure), file, lines);
    return {
      ...fields,
      sections: sectionsOf(structure),
      consideredOptions: consideredOptions(tree, structure, source),
      chosenOption: chosenOption(structure),
      text,
    };
  } catch (error) {
    return emptyRecord(file, text, "unreadable", (error as Error).message);
  }
}

/** Builds the shared DocStructure from a remark tree: front matter, root headings, code lines. */
export function structureFromTree(tree: Root, lines: string[]): DocStructure {
  const structure: DocStructure = { lines, frontMatter: null, headings: [], codeLines: new Set() };
  const first = tree.children[0];
  if (first && (first.type === "yaml" || (first.type as string) === "toml") && first.position) {
    structure.frontMatter = { kind: first.type === "yaml" ? "yaml" : "toml", startLine: first.position.start.line, endLine: first.position.end.line };
  }
  for (const node of tree.children) {
    if (node.type !== "heading" || !node.position) continue;
    const start = node.position.start.line;
    const end = node.position.end.line;
    const atx = end === start ? atxHeading(lines[start - 1] ?? "") : null;
    const raw = atx ? atx.raw : lines.slice(start - 1, Math.max(start, end - 1)).map((l) => l.trim()).join("\n");
    structure.headings.push({ depth: (node as Heading).depth, line: start, raw });
  }
  markCode(tree.children, structure.codeLines, lines);
  return structure;
}

// Only fenced code counts, as in the fast reader: indented code cannot be told from list continuation lines
// without a full parse, and both readers must see the same prose.
function markCode(nodes: RootContent[], into: Set<number>, lines: string[]): void {
  for (const node of nodes) {
    if (node.type === "code" && (node as Code).position && /^\s*(```|~~~)/.test(lines[node.position!.start.line - 1] ?? "")) {
      for (let n = node.position!.start.line; n <= node.position!.end.line; n++) into.add(n);
    } else if ("children" in node && Array.isArray(node.children)) markCode(node.children as RootContent[], into, lines);
  }
}

/** Every root heading with its body, up to the next heading of the same or higher level (trailing blank lines excluded). */
function sectionsOf(structure: DocStructure): AdrSection[] {
  return structure.headings.map((heading, index) => {
    let endLine = sectionEnd(structure, index);
    while (endLine > heading.line && (structure.lines[endLine - 1] ?? "").trim() === "") endLine--;
    const body = structure.lines.slice(heading.line, endLine).join("\n").trim();
    return { heading: inlineText(heading.raw), depth: heading.depth, line: heading.line, endLine, body };
  });
}

// The items of the first list under "Considered Options" (MADR 2-4) or "Considered Alternatives" (MADR 1).
function consideredOptions(tree: Root, structure: DocStructure, source: string): string[] {
  const heading = structure.headings.find((h) => h.depth >= 2 && /^considered (options|alternatives)$/.test(headingKey(h.raw)));
  if (!heading) return [];
  const index = tree.children.findIndex((node) => node.type === "heading" && node.position?.start.line === heading.line);
  for (const node of tree.children.slice(index + 1)) {
    if (node.type === "heading" && node.depth <= heading.depth) break;
    if (node.type !== "list") continue;
    return (node as List).children.flatMap((item: ListItem) => {
      const para = item.children[0];
      if (!para?.position || para.type !== "paragraph") return [];
      const text = inlineText(source.slice(para.position.start.offset, para.position.end.offset));
      return text ? [text] : [];
    });
  }
  return [];
}

const CHOSEN = /^\s*(?:[*+-]\s+)?(?:\*\*|__)?chosen (?:option|alternative)s?(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.+)$/i;
const CLOSING: Record<string, string> = { '"': '"', "'": "'", "“": "”", "‘": "’" };

/** The option named by `Chosen option: "…", because …` (or MADR 1's `Chosen Alternative:`), as plain text. */
export function chosenOption(structure: DocStructure): string | null {
  for (const [, line] of proseLines(structure, 1, structure.lines.length)) {
    const m = CHOSEN.exec(line);
    if (!m) continue;
    const value = m[1]!.trim();
    const close = CLOSING[value[0] ?? ""];
    if (close) {
      // The closing quote is the one followed by a comma, full stop or the end ("…", because …).
      for (let i = value.indexOf(close, 1); i > 0; i = value.indexOf(close, i + 1)) {
        if (/^\s*(?:[,.;]|$|because)/.test(value.slice(i + 1))) return inlineText(value.slice(1, i)) || null;
      }
    }
    return inlineText(value.replace(/,?\s*because\b[\s\S]*$/i, "").replace(/[.,;]+$/, "")) || null;
  }
  return null;
}
