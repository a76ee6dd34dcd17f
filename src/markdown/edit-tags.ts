// Rewrites an ADR's tags in place, where and how the file already states them: a front-matter
// list (block or flow), a comma-separated front-matter string, TOML, or a `Tags:` line or bullet.
// Every other byte is kept. Files that state no tags get them in the style of their format.
import { insertLines, isBlank, joinLines, replaceLines, splitLines, type LineDoc } from "./lines.js";
import { findTitle, scanOutline, stripBom, type Outline } from "./outline.js";
import { readScalar, writeScalar } from "./yaml-scalar.js";

/** The parts of a parsed ADR the tag edit consults. */
export interface TaggableRecord {
  format: string;
}

const YAML_KEY = /^(tags[ \t]*:)[ \t]*(.*?)[ \t]*$/i;
const TOML_KEY = /^(tags[ \t]*=)[ \t]*(.*?)[ \t]*$/i;
const FIELD = /^(\uFEFF?\s{0,3}(?:[-*+]\s+)?(?:\*\*|__)?tags(?:\*\*|__)?\s*:(?:\*\*|__)?)[ \t]*(.*?)([ \t]*)$/i;
const HEADER_BULLET = /^\s{0,3}([-*+])\s+(?:\*\*|__)?[A-Za-z][A-Za-z -]*(?:\*\*|__)?\s*:/;
const DATE_LINE = /^\s{0,3}(?:[-*+]\s+)?(?:\*\*|__)?date(?:\*\*|__)?\s*:/i;

/** A tag as a YAML list item; one that starts like a number (`2024`, `1e3`, `0x1`) is quoted so it stays text. */
export function yamlItem(tag: string): string {
  return /^[+-]?[.\d]/.test(tag) ? `"${tag.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"` : writeScalar(tag, "", "yaml");
}

function flowList(tags: string[]): string {
  return `[${tags.map(yamlItem).join(", ")}]`;
}

// The `tags` key of YAML front matter: its line, how many lines its value spans, and its lines in the new state.
function yamlLocation(doc: LineDoc, fm: NonNullable<Outline["frontMatter"]>): { line: number; count: number; render: (tags: string[]) => string[] } | null {
  for (let i = fm.start + 1; i < fm.end; i++) {
    const match = YAML_KEY.exec(doc.lines[i]!);
    if (!match) continue;
    const key = match[1]!;
    const value = match[2]!;
    if (value.startsWith("[")) {
      let count = 1;
      while (!doc.lines[i + count - 1]!.includes("]") && i + count < fm.end) count++;
      return { line: i, count, render: (tags) => [`${key} ${flowList(tags)}`] };
    }
    // `tags: ~` / `tags: null` state no tags: they become a block list like an empty `tags:`.
    if (value !== "" && !value.startsWith("#") && !/^(?:~|null)(?:\s+#.*)?$/i.test(value)) {
      const scalar = readScalar(value);
      return { line: i, count: 1, render: (tags) => [tags.length === 0 ? `${key} []` : `${key} ${writeScalar(tags.join(", "), scalar.quote, "yaml")}${scalar.comment}`] };
    }
    let count = 1;
    let prefix = "  - ";
    while (i + count < fm.end && (/^[ \t]+\S/.test(doc.lines[i + count]!) || /^-(?:\s|$)/.test(doc.lines[i + count]!))) {
      if (count === 1) prefix = /^(\s*-\s*)/.exec(doc.lines[i + count]!)?.[1] ?? prefix;
      count++;
    }
    const comment = /#.*$/.exec(value)?.[0] ?? "";
    const suffix = comment === "" ? "" : ` ${comment}`;
    return { line: i, count, render: (tags) => (tags.length === 0 ? [`${key} []${suffix}`] : [`${key}${suffix}`, ...tags.map((t) => `${prefix}${yamlItem(t)}`)]) };
  }
  return null;
}

function tomlLine(key: string, tags: string[]): string {
  return `${key} [${tags.map((t) => JSON.stringify(t)).join(", ")}]`;
}

function editFrontMatter(doc: LineDoc, fm: NonNullable<Outline["frontMatter"]>, tags: string[]): void {
  if (fm.kind === "toml") {
    for (let i = fm.start + 1; i < fm.end; i++) {
      const match = TOML_KEY.exec(doc.lines[i]!);
      if (match) return replaceLines(doc, i, 1, [tomlLine(match[1]!, tags)]);
    }
    if (tags.length > 0) insertLines(doc, fm.end, [tomlLine("tags =", tags)]);
    return;
  }
  const location = yamlLocation(doc, fm);
  if (location) return replaceLines(doc, location.line, location.count, location.render(tags));
  if (tags.length > 0) insertLines(doc, fm.end, ["tags:", ...tags.map((t) => `  - ${yamlItem(t)}`)]);
}

// A `Tags:` line or bullet before the first section (log4brains, Nygard as adrgen writes it).
function findField(doc: LineDoc, outline: Outline): number {
  const start = outline.frontMatter ? outline.frontMatter.end + 1 : 0;
  const end = outline.headings.find((h) => h.depth >= 2)?.index ?? doc.lines.length;
  for (let i = start; i < end; i++) if (!outline.code.has(i) && FIELD.test(doc.lines[i]!)) return i;
  return -1;
}

function fieldValue(old: string, tags: string[], format: string): string {
  const spaced = old.trim() !== "" ? !old.includes(",") && /\S\s+\S/.test(old.trim()) : format === "log4brains";
  return tags.join(spaced ? " " : ", ");
}

function preambleEnd(doc: LineDoc, outline: Outline): number {
  return outline.headings.find((h) => h.depth >= 2)?.index ?? doc.lines.length;
}

// MADR 1/2 and log4brains: a bullet after the last header bullet (Status, Deciders, Date), or under the title.
function insertBullet(doc: LineDoc, outline: Outline, format: string, tags: string[]): void {
  const title = findTitle(outline);
  const after = title ? title.index + title.span : outline.frontMatter ? outline.frontMatter.end + 1 : 0;
  const end = preambleEnd(doc, outline);
  let last = -1;
  let marker = format === "log4brains" ? "-" : "*";
  for (let i = after; i < end; i++) {
    const bullet = HEADER_BULLET.exec(doc.lines[i]!);
    if (bullet) {
      last = i;
      marker = bullet[1]!;
    } else if (last >= 0) break;
  }
  const line = `${marker} Tags: ${fieldValue("", tags, format)}`;
  if (last >= 0) return insertLines(doc, last + 1, [line]);
  const lines = ["", line];
  if (after < doc.lines.length && !isBlank(doc.lines[after])) lines.push("");
  insertLines(doc, after, title ? lines : lines.slice(1));
}

// Nygard / adr-tools: `Tags: a, b` as its own paragraph after the `Date:` line, else under the title.
function insertNygardLine(doc: LineDoc, outline: Outline, tags: string[]): void {
  const title = findTitle(outline);
  const after = title ? title.index + title.span : 0;
  const end = preambleEnd(doc, outline);
  let at = after;
  for (let i = after; i < end; i++) if (DATE_LINE.test(doc.lines[i]!)) at = i + 1;
  const lines = ["", `Tags: ${tags.join(", ")}`];
  if (at < doc.lines.length && !isBlank(doc.lines[at])) lines.push("");
  insertLines(doc, at, lines);
}

function addFrontMatter(doc: LineDoc, tags: string[]): void {
  const first = doc.lines[0] ?? "";
  const bom = first.startsWith("\uFEFF") ? "\uFEFF" : "";
  if (bom) doc.lines[0] = stripBom(first);
  const block = [`${bom}---`, "tags:", ...tags.map((t) => `  - ${yamlItem(t)}`), "---"];
  insertLines(doc, 0, doc.lines.length > 0 && !isBlank(doc.lines[0]) ? [...block, ""] : block);
}

/**
 * Sets an ADR's tags to `tags` where the file states them, changing nothing else. Returns null when
 * the file states none and its format has no place for them (neither MADR, Nygard nor log4brains).
 */
export function setTags(text: string, record: TaggableRecord, tags: string[]): string | null {
  const doc = splitLines(text);
  const outline = scanOutline(doc);
  const fm = outline.frontMatter;
  const hasFmTags = fm ? (fm.kind === "yaml" ? yamlLocation(doc, fm) !== null : doc.lines.slice(fm.start + 1, fm.end).some((l) => TOML_KEY.test(l))) : false;
  const field = hasFmTags ? -1 : findField(doc, outline);
  if (field >= 0) {
    const match = FIELD.exec(doc.lines[field]!)!;
    const value = fieldValue(match[2]!, tags, record.format);
    replaceLines(doc, field, 1, [`${match[1]}${value === "" ? "" : ` ${value}`}${match[3]}`]);
  } else if (fm) editFrontMatter(doc, fm, tags);
  else if (tags.length === 0) return text;
  else if (record.format === "nygard") insertNygardLine(doc, outline, tags);
  else if (record.format === "madr2" || record.format === "madr1" || record.format === "log4brains") insertBullet(doc, outline, record.format, tags);
  else if (record.format === "madr4" || record.format === "madr3") addFrontMatter(doc, tags);
  else return null;
  return joinLines(doc);
}
