// Full-text search over ADRs, shared by `adrgen search`, the MCP server and the static site.
export { toSearchDocument, type SearchDocument } from "./document.js";
export { SEARCH_OPTIONS, STORED_FIELDS } from "./options.js";
export { createSearcher, searchAdrs, passesFilters, type Searcher, type SearchFilters, type SearchHit } from "./search.js";
export { highlightRanges, matchingLines, type MatchLine } from "./lines.js";
export { foldText, processTerm, tokenize, STOP_WORDS } from "./tokenize.js";
export { hasAllTags, tagKey, tagProblem } from "./tags.js";
