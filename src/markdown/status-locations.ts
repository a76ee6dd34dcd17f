import type { StatusStyle } from "../domain/adr.js";
import { isBlank, type LineDoc } from "./lines.js";
import { findHeading, ownContent, type Outline } from "./outline.js";
import { readScalar, writeScalar } from "./yaml-scalar.js";

/** One place in a file where its status is stated, and how to rewrite it there. */
export interface StatusLocation {
  style: Exclude<StatusStyle, "none">;
  /** First line (0-based). */
  line: number;
  /** Lines the stated status takes. */
  count: number;
  /** The status text as written (without key, bullet or quotes). */
  value: string;
  /** The lines that state `newValue` in the same style as the old ones. */
  render(newValue: string): string[];
}

const EMPHASIS = "(?:\\*\\*|__)?";
const LABEL = `${EMPHASIS}status${EMPHASIS}\\s*:${EMPHASIS}[ \\t]*`;
const BULLET_RE = new RegExp(`^(\\uFEFF?\\s{0,3}[-*+]\\s+${LABEL})(.*?)(\\s*)$`, "i");
const LINE_RE = new RegExp(`^(\\uFEFF?\\s{0,3}${LABEL})(.*?)(\\s*)$`, "i");
const WRAPPED = /^(\*\*|__|\*|_|`)(.+)\1$/;

/** Splits emphasis around a value (`**Accepted**`) so a rewrite keeps it. */
function unwrap(value: string): { open: string; inner: string } {
  const match = WRAPPED.exec(value);
  return match ? { open: match[1]!, inner: match[2]! } : { open: "", inner: value };
}

function labelled(style: "bullet" | "line", line: number, match: RegExpExecArray): StatusLocation {
  const { open, inner } = unwrap(match[2]!);
  return {
    style,
    line,
    count: 1,
    value: inner,
    render: (newValue) => [`${match[1]}${open}${newValue}${open}${match[3]}`],
  };
}

/** Finds the `status:` key of YAML front matter (or `status = ` in TOML). */
function frontMatterLocation(doc: LineDoc, outline: Outline): StatusLocation | undefined {
  const fm = outline.frontMatter;
  if (!fm) return undefined;
  const keyRe = fm.kind === "yaml" ? /^(status[ \t]*:[ \t]*)(.*?)([ \t]*)$/i : /^(status[ \t]*=[ \t]*)(.*?)([ \t]*)$/i;
  for (let i = fm.start + 1; i < fm.end; i += 1) {
    const match = keyRe.exec(doc.lines[i]!);
    if (!match) continue;
    let count = 1;
    // A value continued on indented lines (`status:\n  accepted`) is replaced as a whole.
    while (i + count < fm.end && /^[ \t]+\S/.test(doc.lines[i + count]!)) count += 1;
    const raw = [match[2]!, ...doc.lines.slice(i + 1, i + count).map((l) => l.trim())].join(" ").trim();
    const scalar = readScalar(raw);
    return {
      style: "front-matter",
      line: i,
      count,
      value: scalar.value,
      render: (newValue) => [`${match[1]!.trimEnd()} ${writeScalar(newValue, scalar.quote, fm.kind)}${scalar.comment}`],
    };
  }
  return undefined;
}

/** Finds the first paragraph under a `## Status` heading (Nygard, adr-tools). */
function sectionLocation(doc: LineDoc, outline: Outline): StatusLocation | undefined {
  const heading = findHeading(outline, /^status$/i);
  if (!heading) return undefined;
  const { start, end } = ownContent(outline, heading, doc.lines.length);
  let first = start;
  while (first < end && isBlank(doc.lines[first])) first += 1;
  if (first >= end) {
    // An empty Status section: the status goes right under the heading.
    const closeGap = start === end ? [""] : [];
    return { style: "section", line: start, count: 0, value: "", render: (v) => ["", v, ...closeGap] };
  }
  let last = first;
  while (last + 1 < end && !isBlank(doc.lines[last + 1])) last += 1;
  // adr-tools separates relation lines with blank lines; hand edits sometimes do not, so keep them.
  let count = last - first + 1;
  for (let i = first + 1; i <= last; i += 1) {
    if (isRelationLine(doc.lines[i]!)) {
      count = i - first;
      break;
    }
  }
  const lines = doc.lines.slice(first, first + count);
  const bullet = /^(\s*[-*+]\s+)/.exec(lines[0]!)?.[1] ?? "";
  const { open, inner } = unwrap(lines.map((l) => l.trim()).join(" ").slice(bullet.trim().length).trim());
  return { style: "section", line: first, count, value: inner, render: (v) => [`${bullet}${open}${v}${open}`] };
}

/** A line such as `Superseded by [3. Title](0003-x.md)` or `Amends [2. X](0002-x.md)`. */
export function isRelationLine(line: string): boolean {
  return /^\s*(?:[-*+]\s+)?[A-Za-z][A-Za-z -]{1,40}\s\[[^\]]*\]\([^)]*\)\s*$/.test(line);
}

/** Finds a status badge (`![Status: accepted](…/status-accepted-…)`) on the parser's status line. */
function badgeLocation(doc: LineDoc, line: number | null, oldStatus: string | null): StatusLocation | undefined {
  if (line === null || !oldStatus) return undefined;
  const text = doc.lines[line];
  const match = text ? /!\[([^\]]*)\]\(([^)]*)\)/.exec(text) : null;
  if (!text || !match || !match[1]!.toLowerCase().includes(oldStatus.toLowerCase())) return undefined;
  const word = new RegExp(oldStatus.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi");
  return {
    style: "badge",
    line,
    count: 1,
    value: oldStatus,
    render: (v) => {
      const plain = v.replace(/\s*\[.*$/, "").trim();
      const badge = `![${match[1]!.replace(word, plain)}](${match[2]!.replace(word, encodeURIComponent(plain.toLowerCase()))})`;
      return [text.slice(0, match.index) + badge + text.slice(match.index + match[0].length)];
    },
  };
}

/**
 * Every place the file states its status, in reading order. Bullets and `Status:` lines count
 * only in the header (before the first `##`) or on the line the parser named, so a sentence
 * like "Status: see below" deep in the Context is never rewritten.
 */
export function findStatusLocations(doc: LineDoc, outline: Outline, parserLine: number | null, oldStatus: string | null): StatusLocation[] {
  const found: StatusLocation[] = [];
  const fm = frontMatterLocation(doc, outline);
  if (fm) found.push(fm);
  const firstH2 = outline.headings.find((h) => h.depth >= 2)?.index ?? doc.lines.length;
  const bodyStart = outline.frontMatter ? outline.frontMatter.end + 1 : 0;
  for (let i = bodyStart; i < doc.lines.length; i += 1) {
    if (outline.code.has(i) || (i >= firstH2 && i !== parserLine)) continue;
    const bullet = BULLET_RE.exec(doc.lines[i]!);
    if (bullet) {
      found.push(labelled("bullet", i, bullet));
      break;
    }
    const line = LINE_RE.exec(doc.lines[i]!);
    if (line && !/^\s*status\s*:\s*$/i.test(doc.lines[i]!)) {
      found.push(labelled("line", i, line));
      break;
    }
  }
  const section = sectionLocation(doc, outline);
  if (section) found.push(section);
  if (found.length === 0) {
    const badge = badgeLocation(doc, parserLine, oldStatus);
    if (badge) found.push(badge);
  }
  return found;
}
