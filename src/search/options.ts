// The one MiniSearch configuration: the CLI, the MCP server and the static site's prebuilt
// browser index all use it, so every surface ranks alike. No Node imports (bundled for the browser).
import type { Options } from "minisearch";
import type { SearchDocument } from "./document.js";
import { processTerm, tokenize } from "./tokenize.js";

/** Fields a hit carries without the document itself (what the site shows in its result list). */
export const STORED_FIELDS = ["number", "title", "status", "date", "tags", "relPath", "dirLabel"] as const;

/** Prefix matching only for terms of three characters or more: "ka" should not match every "kafka…" and "karma". */
export function prefixFor(term: string): boolean {
  return term.length >= 3;
}

/** Light typo tolerance: one edit for terms of six or more characters, two from eleven. */
export function fuzzyFor(term: string): number | false {
  if (term.length >= 11) return 2;
  return term.length >= 6 ? 1 : false;
}

/** MiniSearch constructor options: fields title/tags/text, title boosted over tags over text. */
export const SEARCH_OPTIONS: Options<SearchDocument> = {
  idField: "id",
  fields: ["title", "tags", "text"],
  storeFields: [...STORED_FIELDS],
  // Tags (a list) reach the tokenizer as "a,b" through MiniSearch's default extractField, and stay a list when stored.
  tokenize: (text) => tokenize(text),
  processTerm: (term) => processTerm(term),
  searchOptions: {
    boost: { title: 3, tags: 2, text: 1 },
    prefix: (term) => prefixFor(term),
    fuzzy: (term) => fuzzyFor(term),
    maxFuzzy: 2,
    // Every term must match; searchAdrs widens to any term when that finds nothing.
    combineWith: "AND",
  },
};
