// Collects what a file states (front matter, H1, `Key: value` fields, status section, badges, relation lines)
// from a DocStructure. Both readers call this, so they read the same things the same way.
import { parseFrontMatter, type FrontMatterKind, type FrontMatterResult } from "./frontmatter.js";
import { parseRelationText, type Relation } from "./relations.js";
import { sectionEnd, type DocStructure, type HeadingInfo } from "./structure.js";
import { dropComments, inlineText, stripListMarker } from "./text.js";

/** A `Status: x` / `* Deciders: a, b` line before the first section. */
export interface Field {
  /** Normalised key: status, date, deciders, consulted, informed, tags. */
  key: string;
  value: string;
  line: number;
  style: "bullet" | "line";
}

export interface Evidence {
  frontMatter: (FrontMatterResult & { kind: FrontMatterKind; startLine: number; endLine: number }) | null;
  h1: HeadingInfo | null;
  fields: Field[];
  badges: Array<{ alt: string; url: string; line: number }>;
  /** The first statement under a `## Status` heading. */
  statusSection: { value: string; line: number } | null;
  hasStatusSection: boolean;
  /** Supersede/link statements in the Status and Links sections. */
  relations: Array<Relation & { line: number }>;
  /** Lower-cased texts of level 2+ headings. */
  headingTexts: Set<string>;
}

const FIELD = /^(?:\*\*|__)?(status|date|deciders|decision[- ]makers|consulted|informed|tags)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.*)$/i;
const BADGE = /!\[([^\]]*)\]\(\s*<?([^)\s>]+)/g;
/** Sections whose bullets state relations: MADR 2 / log4brains `Links`, MADR 3/4 `More Information`. */
const RELATION_LISTS = new Set(["links", "more information"]);

/** Plain, lower-cased heading text for matching section names ("Status:", "**Links**" → "links"). */
export function headingKey(raw: string): string {
  return inlineText(raw).toLowerCase().replace(/[\s:]+$/, "").trim();
}

/** Reads everything the interpretation needs from a file's structure. */
export function collectEvidence(structure: DocStructure): Evidence {
  const { lines, headings, codeLines } = structure;
  const fm = structure.frontMatter;
  let frontMatter: Evidence["frontMatter"] = null;
  if (fm) {
    const parsed = parseFrontMatter(fm.kind, lines.slice(fm.startLine, fm.endLine - 1).join("\n"), fm.startLine + 1);
    frontMatter = { data: parsed.data, kind: fm.kind, startLine: fm.startLine, endLine: fm.endLine };
    if (parsed.error) frontMatter.error = parsed.error;
  }
  let h1: HeadingInfo | null = null;
  let firstSection: HeadingInfo | null = null;
  const headingLines = new Set<number>();
  for (const h of headings) {
    headingLines.add(h.line);
    if (h.depth === 1) h1 ??= h;
    else firstSection ??= h;
  }
  const evidence: Evidence = {
    frontMatter,
    h1,
    fields: [],
    badges: [],
    statusSection: null,
    hasStatusSection: false,
    relations: [],
    headingTexts: new Set(),
  };
  // Index loops rather than iterators and closures: this runs once per ADR when listing, mostly cold.
  const preambleEnd = firstSection ? firstSection.line - 1 : lines.length;
  for (let n = (fm?.endLine ?? 0) + 1; n <= preambleEnd; n++) {
    const text = lines[n - 1]!;
    if (!text.includes(":") || codeLines.has(n) || headingLines.has(n)) continue;
    const { text: body, bullet } = stripListMarker(text);
    const m = FIELD.exec(body);
    if (m) evidence.fields.push({ key: fieldKey(m[1]!), value: cleanValue(m[2]!), line: n, style: bullet ? "bullet" : "line" });
    if (text.includes("![")) for (const b of text.matchAll(BADGE)) evidence.badges.push({ alt: b[1]!, url: b[2]!, line: n });
  }
  for (let index = 0; index < headings.length; index++) {
    const heading = headings[index]!;
    if (heading.depth < 2) continue;
    const key = headingKey(heading.raw);
    evidence.headingTexts.add(key);
    if (key !== "status" && !RELATION_LISTS.has(key)) continue;
    const end = sectionEnd(structure, index);
    const isStatus = key === "status" && !evidence.hasStatusSection;
    if (isStatus) evidence.hasStatusSection = true;
    for (let n = heading.line + 1; n <= end; n++) {
      if (codeLines.has(n) || headingLines.has(n)) continue;
      const text = lines[n - 1]!;
      if (isStatus && evidence.statusSection === null) evidence.statusSection = statement(text, n);
      // Status sections hold adr-tools relation lines; Links / More Information hold relation bullets.
      const item = stripListMarker(text);
      if (!item.bullet && key !== "status") continue;
      const relation = parseRelationText(item.text, n);
      if (relation) evidence.relations.push({ ...relation, line: n });
    }
  }
  return evidence;
}

function fieldKey(key: string): string {
  const k = key.toLowerCase();
  return k === "decision makers" || k === "decision-makers" ? "deciders" : k;
}

// Values lose trailing template comments and stray closing emphasis ("Accepted**").
function cleanValue(value: string): string {
  return dropComments(value).replace(/^(\*\*|__)|(\*\*|__)$/g, "").trim();
}

// The status is the first non-blank line under the heading; a `Status:` key or list marker in front is dropped.
function statement(text: string, line: number): { value: string; line: number } | null {
  const clean = dropComments(text);
  if (clean === "") return null;
  const { text: item } = stripListMarker(clean);
  const field = FIELD.exec(item);
  const value = field && field[1]!.toLowerCase() === "status" ? field[2]! : item;
  return { value: cleanValue(value), line };
}
