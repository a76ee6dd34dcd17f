// Rewrites an ADR's tags in place, where and how the file already states them: a front-matter
// list (block or flow), a comma-separated front-matter string, TOML, or a `Tags:` line or bullet.
// Every other byte is kept. Files that state no tags get them in the style of their format.
import { createRequire } from "node:module";
import { insertLines, isBlank, joinLines, replaceLines, splitLines, type LineDoc } from "./lines.js";
import { parseTomlArray, renderTomlArray, TagEditRefused } from "./edit-tags-toml.js";
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

// Refusals come from the TOML array editor too; callers catch them from here.
export { TagEditRefused };

type YamlModule = typeof import("yaml");
let yamlModule: YamlModule | undefined;

// Loaded only for an edit: the node ranges are the one reliable way to know where a folded or multi-line value ends.
function yaml(): YamlModule {
  yamlModule ??= createRequire(import.meta.url)("yaml") as YamlModule;
  return yamlModule;
}

// The last file line of the top-level `tags` value, from the YAML parser's node range; null when the
// front matter does not parse (the caller then keeps to the key's own line and lets the re-parse decide).
function yamlValueEnd(doc: LineDoc, fm: NonNullable<Outline["frontMatter"]>, keyLine: number): { last: number; valueEnd: number } | null {
  const lines = doc.lines.slice(fm.start + 1, fm.end);
  const body = lines.join("\n");
  const parsed = yaml().parseDocument(body, { uniqueKeys: false });
  const items = (parsed.contents as { items?: Array<{ key?: { value?: unknown; range?: number[] }; value?: { range?: number[] } | null }> } | null)?.items;
  if (!items) return null;
  const keyOffset = lines.slice(0, keyLine - fm.start - 1).reduce((n, l) => n + l.length + 1, 0);
  const pair = items.find((p) => p.key?.range?.[0] === keyOffset);
  const range = pair?.value?.range;
  if (!range) return null;
  const end = body.slice(0, range[1]).trimEnd().length;
  const last = fm.start + 1 + (body.slice(0, end).match(/\n/g)?.length ?? 0);
  const lineStart = body.lastIndexOf("\n", end - 1) + 1;
  return { last: Math.max(last, keyLine), valueEnd: end - lineStart };
}

// A `# comment` after the value on its last line, kept with its leading space.
function trailingComment(rest: string): string {
  const match = /^\s*(#.*)$/.exec(rest);
  return match ? ` ${match[1]!.trimEnd()}` : "";
}

const ITEM = /^([ \t]*-[ \t]*)(.*)$/;
const COMMENT_LINE = /^[ \t]*#/;

// A block list rewritten item by item: kept items keep their line (and comment), removed ones go,
// comment lines stay where they are, and new items follow the last kept one.
function renderBlockList(key: string, suffix: string, body: string[], tags: string[]): string[] {
  const prefix = body.map((l) => ITEM.exec(l)?.[1]).find((p) => p !== undefined) ?? "  - ";
  const kept = new Set<string>();
  const out: string[] = [];
  let insertAt = 0;
  for (const line of body) {
    if (COMMENT_LINE.test(line) || line.trim() === "") {
      out.push(line);
      continue;
    }
    const item = ITEM.exec(line);
    if (!item) throw new TagEditRefused("an item of the tags list spans several lines");
    const value = readScalar(item[2]!).value;
    if (tags.includes(value) && !kept.has(value)) {
      kept.add(value);
      out.push(line);
      insertAt = out.length;
    }
  }
  const added = tags.filter((t) => !kept.has(t)).map((t) => `${prefix}${yamlItem(t)}`);
  out.splice(insertAt, 0, ...added);
  if (tags.length === 0) return [`${key} []${suffix}`, ...out];
  // Kept items keep the file's order; when that differs from the asked order, the list is written afresh.
  const order = out.filter((l) => !COMMENT_LINE.test(l) && l.trim() !== "").map((l) => readScalar(ITEM.exec(l)![2]!).value);
  if (order.join("\0") !== tags.join("\0")) return [`${key}${suffix}`, ...body.filter((l) => COMMENT_LINE.test(l)), ...tags.map((t) => `${prefix}${yamlItem(t)}`)];
  return [`${key}${suffix}`, ...out];
}

// The `tags` key of YAML front matter: its line, how many lines its value spans, and its lines in the new state.
function yamlLocation(doc: LineDoc, fm: NonNullable<Outline["frontMatter"]>): { line: number; count: number; render: (tags: string[]) => string[] } | null {
  for (let i = fm.start + 1; i < fm.end; i++) {
    const match = YAML_KEY.exec(doc.lines[i]!);
    if (!match) continue;
    const key = match[1]!;
    const value = match[2]!;
    const extent = yamlValueEnd(doc, fm, i);
    const last = extent?.last ?? i;
    const count = last - i + 1;
    const lastLine = doc.lines[last]!;
    const comment = extent ? trailingComment(lastLine.slice(extent.valueEnd)) : "";
    if (value.startsWith("[")) {
      return { line: i, count, render: (tags) => [`${key} ${flowList(tags)}${comment}`] };
    }
    // `tags: ~` / `tags: null` state no tags: they become a block list like an empty `tags:`.
    if (value !== "" && !value.startsWith("#") && !/^(?:~|null)(?:\s+#.*)?$/i.test(value)) {
      // A folded, literal or multi-line quoted scalar becomes one line in the same quoting (block scalars plain).
      const single = count === 1 && !/^[>|]/.test(value);
      const scalar = single ? readScalar(value) : { quote: value[0] === '"' || value[0] === "'" ? (value[0] as '"' | "'") : ("" as const), comment };
      const headerComment = single ? "" : /^[>|][-+0-9]*(\s+#.*)$/.exec(value)?.[1] ?? "";
      // A plain value that starts like a number (`1.50`, `1e3`) would read back as one: it gets quotes.
      const quoteFor = (text: string) => (scalar.quote === "" && /^[+-]?[.\d]/.test(text) ? '"' : scalar.quote);
      const scalarLine = (text: string) => `${key} ${writeScalar(text, quoteFor(text), "yaml")}${scalar.comment}${headerComment}`;
      return { line: i, count, render: (tags) => [tags.length === 0 ? `${key} []${scalar.comment}${headerComment}` : scalarLine(tags.join(", "))] };
    }
    // The parser's range ends at the last item; comment lines after it belong to whatever follows.
    let end = i + 1;
    if (extent) end = last + 1;
    else while (end < fm.end && (/^[ \t]+\S/.test(doc.lines[end]!) || /^-(?:\s|$)/.test(doc.lines[end]!))) end++;
    const own = /#.*$/.exec(value)?.[0] ?? "";
    const suffix = own === "" ? "" : ` ${own}`;
    const body = doc.lines.slice(i + 1, end);
    return { line: i, count: end - i, render: (tags) => renderBlockList(key, suffix, body, tags) };
  }
  return null;
}

function tomlLine(key: string, tags: string[]): string {
  return `${key} [${tags.map((t) => JSON.stringify(t)).join(", ")}]`;
}

// A TOML `tags = "a, b"` scalar (not an array): the comment after it, kept when it becomes an array.
function tomlScalarComment(line: string): string {
  const value = line.slice(line.indexOf("=") + 1).trimStart();
  if (value.startsWith('"""') || value.startsWith("'''")) throw new TagEditRefused("the TOML tags value uses a multi-line string");
  const quote = value[0] === '"' || value[0] === "'" ? value[0] : "";
  if (quote === "") return trailingComment(value.replace(/^[^\s#]*/, ""));
  let j = 1;
  while (j < value.length && value[j] !== quote) j += quote === '"' && value[j] === "\\" ? 2 : 1;
  return trailingComment(value.slice(j + 1));
}

function editFrontMatter(doc: LineDoc, fm: NonNullable<Outline["frontMatter"]>, tags: string[]): void {
  if (fm.kind === "toml") {
    for (let i = fm.start + 1; i < fm.end; i++) {
      const match = TOML_KEY.exec(doc.lines[i]!);
      if (!match) continue;
      const array = parseTomlArray(doc.lines.slice(i, fm.end));
      if (array) return replaceLines(doc, i, array.count, renderTomlArray(array, tags));
      return replaceLines(doc, i, 1, [`${tomlLine(match[1]!, tags)}${tomlScalarComment(doc.lines[i]!)}`]);
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
    // A trailing `<!-- … -->` (log4brains templates carry `<!-- optional -->`) is not a tag and stays.
    const note = /\s*<!--.*?-->\s*$/.exec(match[2]!)?.[0] ?? "";
    const old = match[2]!.slice(0, match[2]!.length - note.length);
    const value = fieldValue(old, tags, record.format);
    const kept = note === "" ? "" : value === "" ? note.trimStart() : note;
    replaceLines(doc, field, 1, [`${match[1]}${value === "" ? "" : ` ${value}`}${value === "" && kept !== "" ? " " : ""}${kept}${match[3]}`]);
  } else if (fm) editFrontMatter(doc, fm, tags);
  else if (tags.length === 0) return text;
  else if (record.format === "nygard") insertNygardLine(doc, outline, tags);
  else if (record.format === "madr2" || record.format === "madr1" || record.format === "log4brains") insertBullet(doc, outline, record.format, tags);
  else if (record.format === "madr4" || record.format === "madr3") addFrontMatter(doc, tags);
  else return null;
  return joinLines(doc);
}
