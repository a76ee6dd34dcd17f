// GFM for one file at a time: remark-gfm's five extensions (the same packages, options and order), each
// enabled only when the file's text could hold its construct. Trying every extension at every character is
// most of what GFM costs remark (about half of a cold site build); a construct that cannot occur parses the
// same with or without its extension, so the HTML is unchanged (test/site/gfm-select.test.ts compares both
// on the real-world corpus, the site fixtures and generated edge cases).
import type { Extension as FromMarkdownExtension } from "mdast-util-from-markdown";
import { gfmAutolinkLiteralFromMarkdown } from "mdast-util-gfm-autolink-literal";
import { gfmFootnoteFromMarkdown } from "mdast-util-gfm-footnote";
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTaskListItemFromMarkdown } from "mdast-util-gfm-task-list-item";
import { gfmAutolinkLiteral } from "micromark-extension-gfm-autolink-literal";
import { gfmFootnote } from "micromark-extension-gfm-footnote";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import type { Extension as MicromarkExtension } from "micromark-util-types";
import { combineExtensions } from "micromark-util-combine-extensions";
import type { Processor } from "unified";

/** Which GFM constructs a text may contain (false only when it certainly cannot). */
export interface GfmFeatures {
  autolinkLiteral: boolean;
  footnote: boolean;
  strikethrough: boolean;
  table: boolean;
  taskListItem: boolean;
}

/** Every GFM extension: what remark-gfm enables. */
export const ALL_GFM_FEATURES: GfmFeatures = { autolinkLiteral: true, footnote: true, strikethrough: true, table: true, taskListItem: true };

// remark-gfm's order (micromark-extension-gfm, mdast-util-gfm): the order decides which construct is tried first.
const PARTS: ReadonlyArray<{ feature: keyof GfmFeatures; syntax: () => MicromarkExtension; fromMarkdown: () => FromMarkdownExtension }> = [
  { feature: "autolinkLiteral", syntax: gfmAutolinkLiteral, fromMarkdown: gfmAutolinkLiteralFromMarkdown },
  { feature: "footnote", syntax: gfmFootnote, fromMarkdown: gfmFootnoteFromMarkdown },
  // remark-gfm without options hands the strikethrough extension an empty options object.
  { feature: "strikethrough", syntax: () => gfmStrikethrough({}), fromMarkdown: gfmStrikethroughFromMarkdown },
  { feature: "table", syntax: gfmTable, fromMarkdown: gfmTableFromMarkdown },
  { feature: "taskListItem", syntax: gfmTaskListItem, fromMarkdown: gfmTaskListItemFromMarkdown },
];

// A backslash escape only removes itself; a character reference (`&#64;`, `&commat;`) can decode to any
// character, so a text with one may hold an address or URL that its source does not show.
const CHARACTER_REFERENCE = /&[#A-Za-z]/;
const LITERAL_AUTOLINK = /@|:\/\/|www\./i;
// A table needs a `|`, or a delimiter row of one cell whose colon marks the alignment (`a\n:-` is a table).
const TABLE = /\||:[ \t]*-|-[ \t]*:/;
// `[ ]`, `[x]`, `[X]`, and the tab and line-ending forms micromark also accepts.
const TASK_CHECK = /\[(?:[ \t\n\rxX]|\r\n)\]/;

/** The GFM constructs `source` could contain; each false one cannot occur, so its extension can be left out. */
export function gfmFeaturesOf(source: string): GfmFeatures {
  return {
    // The extension's text transform also links addresses and URLs in decoded text (escapes, references).
    autolinkLiteral: CHARACTER_REFERENCE.test(source) || LITERAL_AUTOLINK.test(source.includes("\\") ? source.replaceAll("\\", "") : source),
    footnote: source.includes("[^"),
    strikethrough: source.includes("~"),
    table: TABLE.test(source),
    taskListItem: TASK_CHECK.test(source),
  };
}

/** A small number naming a feature set (one bit per extension), for caching one processor per set. */
export function gfmFeaturesKey(features: GfmFeatures): number {
  return PARTS.reduce((key, part, bit) => (features[part.feature] ? key | (1 << bit) : key), 0);
}

/** unified plugin: the GFM extensions of `features`, added as remark-gfm adds them (parsing only). */
export function remarkGfmSelected(this: Processor, features: GfmFeatures): void {
  const parts = PARTS.filter((part) => features[part.feature]);
  if (parts.length === 0) return;
  const data = this.data();
  (data.micromarkExtensions ??= []).push(combineExtensions(parts.map((part) => part.syntax())));
  (data.fromMarkdownExtensions ??= []).push(parts.map((part) => part.fromMarkdown()));
}
