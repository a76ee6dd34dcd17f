// Collects what a file states (front matter, H1, `Key: value` fields, status section, badges, relation lines)
// from a DocStructure. Both readers call this, so they read the same things the same way.
import { parseFrontMatter, type FrontMatterKind, type FrontMatterResult } from "./frontmatter.js";
import { parseRelationText, type Relation } from "./relations.js";
import { proseLines, sectionEnd, type DocStructure, type HeadingInfo } from "./structure.js";
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

/** Plain, lower-cased heading text for matching section names ("Status:", "**Links**" → "links"). */
export function headingKey(raw: string): string {
  return inlineText(raw).toLowerCase().replace(/[\s:]+$/, "").trim();
}

/** Reads everything the interpretation needs from a file's structure. */
export function collectEvidence(structure: DocStructure): Evidence {
  const { lines, headings } = structure;
  const fm = structure.frontMatter;
  const frontMatter = fm
    ? { ...parseFrontMatter(fm.kind, lines.slice(fm.startLine, fm.endLine - 1).join("\n"), fm.startLine + 1), ...fm }
    : null;
  const h1 = headings.find((h) => h.depth === 1) ?? null;
  const firstSection = headings.find((h) => h.depth >= 2);
  const preambleEnd = (firstSection?.line ?? lines.length + 1) - 1;
  const headingLines = new Set(headings.map((h) => h.line));
  const fields: Field[] = [];
  const badges: Evidence["badges"] = [];
  for (const [n, text] of proseLines(structure, (fm?.endLine ?? 0) + 1, preambleEnd)) {
    if (headingLines.has(n)) continue;
    if (!text.includes(":")) continue;
    const { text: body, bullet } = stripListMarker(text);
    const m = FIELD.exec(body);
    if (m) fields.push({ key: fieldKey(m[1]!), value: cleanValue(m[2]!), line: n, style: bullet ? "bullet" : "line" });
    if (text.includes("![")) for (const b of text.matchAll(BADGE)) badges.push({ alt: b[1]!, url: b[2]!, line: n });
  }
  const evidence: Evidence = {
    frontMatter,
    h1,
    fields,
    badges,
    statusSection: null,
    hasStatusSection: false,
    relations: [],
    headingTexts: new Set(),
  };
  headings.forEach((heading, index) => {
    if (heading.depth < 2) return;
    const key = headingKey(heading.raw);
    evidence.headingTexts.add(key);
    if (key !== "status" && key !== "links") return;
    const body = proseLines(structure, heading.line + 1, sectionEnd(structure, index)).filter(([n]) => !headingLines.has(n));
    if (key === "status" && !evidence.hasStatusSection) {
      evidence.hasStatusSection = true;
      evidence.statusSection = firstStatement(body);
    }
    for (const [n, text] of body) {
      const relation = parseRelationText(stripListMarker(text).text, n);
      if (relation) evidence.relations.push({ ...relation, line: n });
    }
  });
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
function firstStatement(body: Array<[number, string]>): { value: string; line: number } | null {
  for (const [n, text] of body) {
    const clean = dropComments(text);
    if (clean === "") continue;
    const { text: item } = stripListMarker(clean);
    const field = FIELD.exec(item);
    const value = field && field[1]!.toLowerCase() === "status" ? field[2]! : item;
    return { value: cleanValue(value), line: n };
  }
  return null;
}
