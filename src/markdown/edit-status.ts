import { insertLines, isBlank, joinLines, replaceLines, splitLines, type LineDoc } from "./lines.js";
import { findHeading, findTitle, lastNonBlank, ownContent, scanOutline, stripBom, type Outline } from "./outline.js";
import { findStatusLocations, type StatusLocation } from "./status-locations.js";
import { writeScalar } from "./yaml-scalar.js";
import {
  capitalize,
  escapeRegExp,
  madrLabel,
  markdownLink,
  normalizeStatusText,
  nygardLabel,
  type AdrTarget,
  type EditableRecord,
} from "./edit-target.js";

export interface SetStatusOptions {
  /** With status `superseded`: the ADR that supersedes this one, written as a link. */
  supersededBy?: AdrTarget;
}

/** Writes `word` in the letter case the old status used (`Accepted`, `accepted`, `ACCEPTED`). */
function inCaseOf(word: string, old: string | null, capitalByDefault: boolean): string {
  const letters = (old ?? "").replace(/[^A-Za-z]/g, "");
  if (letters.length > 1 && letters === letters.toUpperCase()) return word.toUpperCase();
  if (letters.length > 0) return /^[^A-Za-z]*[A-Z]/.test(old!) ? capitalize(word) : word.toLowerCase();
  return capitalByDefault ? capitalize(word) : word.toLowerCase();
}

/** The status text for one location style: `superseded by [ADR-0005](0005-x.md)` or `Superseded by [5. X](0005-x.md)`. */
function statusValue(status: string, style: StatusLocation["style"] | "insert-section", old: string | null, opts: SetStatusOptions): string {
  const section = style === "section" || style === "insert-section";
  const by = status === "superseded" ? opts.supersededBy : undefined;
  if (!by) return inCaseOf(status, old, section);
  const label = section ? nygardLabel(by) : madrLabel(by);
  return `${inCaseOf("superseded by", old, section)} ${markdownLink(label, by.href)}`;
}

/** True when a stated status already says "superseded by" the target (so re-running changes nothing). */
function alreadySupersededBy(value: string, target: AdrTarget): boolean {
  return /^\W*superseded\s+by\b/i.test(value) && value.includes(`(${target.href})`);
}

/** Picks the location the parser reported, else the first found (front matter, bullet/line, section). */
function primaryLocation(locations: StatusLocation[], record: EditableRecord): StatusLocation {
  const parserIndex = record.statusLine === null ? -1 : record.statusLine - 1;
  return (
    locations.find((l) => l.style === record.statusStyle && parserIndex >= l.line && parserIndex < l.line + Math.max(l.count, 1)) ??
    locations.find((l) => l.style === record.statusStyle) ??
    locations[0]!
  );
}

/**
 * Sets the status in whichever style the file already uses and changes nothing else.
 * A status mirrored in a second place (front matter and a `## Status` section) is updated in both.
 * When the file states no status, one is added in the style of its format.
 */
export function setStatus(text: string, record: EditableRecord, status: string, opts: SetStatusOptions = {}): string {
  const doc = splitLines(text);
  const outline = scanOutline(doc);
  const locations = findStatusLocations(doc, outline, record.statusLine === null ? null : record.statusLine - 1, record.status);
  if (locations.length === 0) {
    insertStatus(doc, outline, record.format, status, opts);
    return joinLines(doc);
  }
  const primary = primaryLocation(locations, record);
  const same = normalizeStatusText(primary.value);
  const targets = locations.filter((l) => l === primary || (l.value !== "" && normalizeStatusText(l.value) === same));
  // Bottom-up, so earlier line numbers stay valid while later ones change.
  for (const location of [...targets].sort((a, b) => b.line - a.line)) {
    if (opts.supersededBy && status === "superseded") {
      if (location.style === "section" && sectionMentions(doc, outline, opts.supersededBy)) continue;
      if (location.style !== "section" && alreadySupersededBy(location.value, opts.supersededBy)) continue;
    }
    const value = statusValue(status, location.style, location.value || null, opts);
    const keepOld = location.style === "section" && opts.supersededBy && /^\W*superseded\s+by\b/i.test(location.value);
    // An ADR superseded twice keeps both lines, as adr-tools does.
    const lines = keepOld
      ? [...doc.lines.slice(location.line, location.line + location.count), "", ...location.render(value)]
      : location.render(value);
    replaceLines(doc, location.line, location.count, lines);
  }
  return joinLines(doc);
}

function sectionMentions(doc: LineDoc, outline: Outline, target: AdrTarget): boolean {
  const heading = findHeading(outline, /^status$/i);
  if (!heading) return false;
  const { start, end } = ownContent(outline, heading, doc.lines.length);
  const pattern = new RegExp(`^\\W*superseded\\s+by\\s.*\\(<?${escapeRegExp(target.href)}>?\\)`, "i");
  return doc.lines.slice(start, end).some((line) => pattern.test(line));
}

/** Adds a status to a file that states none: front matter (MADR 3/4), a bullet (MADR 1/2, log4brains) or a Status section (Nygard). */
function insertStatus(doc: LineDoc, outline: Outline, format: string, status: string, opts: SetStatusOptions): void {
  if (format === "nygard") return insertStatusSection(doc, outline, statusValue(status, "insert-section", null, opts));
  if (format === "madr2" || format === "madr1" || format === "log4brains") {
    return insertStatusBullet(doc, outline, format, statusValue(status, "bullet", null, opts));
  }
  const value = statusValue(status, "front-matter", null, opts);
  const fm = outline.frontMatter;
  if (fm) {
    const line = fm.kind === "yaml" ? `status: ${writeScalar(value, "", "yaml")}` : `status = ${writeScalar(value, "", "toml")}`;
    return insertLines(doc, fm.end, [line]);
  }
  const first = doc.lines[0] ?? "";
  const bom = first.startsWith("\uFEFF") ? "\uFEFF" : "";
  if (bom) doc.lines[0] = stripBom(first);
  const block = [`${bom}---`, `status: ${writeScalar(value, "", "yaml")}`, "---"];
  insertLines(doc, 0, doc.lines.length > 0 && !isBlank(doc.lines[0]) ? [...block, ""] : block);
}

function insertStatusBullet(doc: LineDoc, outline: Outline, format: string, value: string): void {
  const title = findTitle(outline);
  const after = title ? title.index + title.span : outline.frontMatter ? outline.frontMatter.end + 1 : 0;
  let next = after;
  while (next < doc.lines.length && isBlank(doc.lines[next])) next += 1;
  const listItem = /^(\s{0,3}[-*+])\s+/.exec(doc.lines[next] ?? "");
  if (listItem && next < (outline.headings.find((h) => h.index >= after)?.index ?? doc.lines.length)) {
    // Header bullets (Deciders, Date) already follow the title: Status becomes the first of them.
    return insertLines(doc, next, [`${listItem[1]} Status: ${value}`]);
  }
  const marker = format === "log4brains" ? "-" : "*";
  const lines = ["", `${marker} Status: ${value}`];
  if (after < doc.lines.length && !isBlank(doc.lines[after])) lines.push("");
  insertLines(doc, after, title ? lines : lines.slice(1));
}

/** Adds `## Status` with a paragraph before the first `##` section (adr-tools order: title, date, status, context). */
export function insertStatusSection(doc: LineDoc, outline: Outline, paragraph: string): void {
  const title = findTitle(outline);
  const firstSection = outline.headings.find((h) => h.depth >= 2 && (!title || h.index > title.index));
  const level = "#".repeat(firstSection?.depth ?? 2);
  if (firstSection) return insertLines(doc, firstSection.index, [`${level} Status`, "", paragraph, ""]);
  const last = lastNonBlank(doc, 0, doc.lines.length);
  insertLines(doc, last + 1, last >= 0 ? ["", `${level} Status`, "", paragraph] : [`${level} Status`, "", paragraph]);
}
