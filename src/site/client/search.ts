// Search over the prebuilt index in the browser, ranked as `adrgen search` ranks: the shared
// MiniSearch options and query syntax (all terms, then any term; "phrases"; -exclusions).
import MiniSearch from "minisearch";
import type { SearchDocument } from "../../search/document.js";
import { highlightRanges, matchingLines } from "../../search/lines.js";
import { SEARCH_OPTIONS } from "../../search/options.js";
import { parseQuery, searchableTerms } from "../../search/query.js";
import { foldedWords, processTerm, tokenize } from "../../search/tokenize.js";
import { matchesFilters, statusKey, type ViewState } from "./filter.js";
import { SEARCH_DATA_VERSION, type SiteSearchData } from "./search-data.js";

/** One result as the index page lists it. */
export interface SiteHit {
  id: string;
  number: number | null;
  title: string;
  status: string | null;
  tags: string[];
  dirLabel: string;
  /** Page path from the site root. */
  href: string;
  score: number;
  /** A matching line of the body (plain text) and the character ranges to highlight in it. */
  snippet: string;
  highlights: Array<[number, number]>;
}

/** A loaded search: the MiniSearch index plus page data. */
export interface SiteSearch {
  index: MiniSearch<SearchDocument>;
  data: SiteSearchData;
}

/** Loads the embedded data, or null when it is missing or of another version. */
export function loadSiteSearch(data: unknown): SiteSearch | null {
  const d = data as SiteSearchData | undefined;
  if (!d || d.version !== SEARCH_DATA_VERSION || typeof d.index !== "object" || d.index === null) return null;
  return { index: MiniSearch.loadJS<SearchDocument>(d.index as Parameters<typeof MiniSearch.loadJS>[0], SEARCH_OPTIONS), data: d };
}

interface Stored {
  id: string;
  number: number | null;
  title: string;
  status: string | null;
  tags: string[];
  relPath: string;
  dirLabel: string;
  score: number;
  terms: string[];
}

function wordsOf(hit: Stored, text: string): string {
  return ` ${foldedWords(`${hit.title}\n${hit.tags.join(" ")}\n${text}`)} `;
}

/** The ranked result of a query: how many ADRs match, and the first hits with their snippets. */
export interface SiteResults {
  total: number;
  hits: SiteHit[];
}

/**
 * Ranked hits for a query, narrowed by the state's status and tag filters. Snippets are made
 * for the first `limit` hits only: scanning every line of hundreds of long ADRs per keystroke
 * is what makes a search feel slow.
 */
export function searchSite(search: SiteSearch, query: string, state: ViewState, limit = Number.POSITIVE_INFINITY): SiteResults {
  const parsed = parseQuery(query);
  if (parsed.words.length === 0) return { total: 0, hits: [] };
  const terms = searchableTerms(parsed.words);
  const phrases = terms.length === 0 && parsed.phrases.length === 0 ? [foldedWords(parsed.words.join(" "))] : parsed.phrases;
  const textOf = (id: string) => search.data.docs[id]?.text ?? "";
  let hits: Stored[];
  if (terms.length === 0) {
    // Stop words only ("to be"): every document is a candidate for the phrase test below.
    hits = (search.index.search(MiniSearch.wildcard) as unknown as Stored[]).map((h) => ({ ...h, score: 1, terms: [] }));
  } else {
    const q = terms.join(" ");
    let results = search.index.search(q);
    if (results.length === 0 && phrases.length === 0) results = search.index.search(q, { combineWith: "OR" });
    hits = results as unknown as Stored[];
  }
  hits = hits.filter((h) => matchesFilters({ status: statusKey(h.status), tags: h.tags ?? [] }, state));
  if (phrases.length > 0) hits = hits.filter((h) => phrases.every((p) => wordsOf(h, textOf(h.id)).includes(` ${p} `)));
  if (parsed.excluded.length > 0) {
    hits = hits.filter((h) => {
      const words = new Set(tokenize(wordsOf(h, textOf(h.id))).map((w) => processTerm(w)));
      return !parsed.excluded.some((t) => words.has(t));
    });
  }
  hits.sort((a, b) => b.score - a.score || (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  const shown = hits.slice(0, limit).map((h) => {
    const text = textOf(h.id);
    const termSet = new Set([...h.terms, ...terms]);
    const line = matchingLines(text, termSet, phrases, 1)[0]?.text ?? firstLine(text);
    return {
      id: h.id,
      number: h.number,
      title: h.title,
      status: h.status,
      tags: h.tags ?? [],
      dirLabel: h.dirLabel ?? "",
      href: search.data.docs[h.id]?.href ?? "",
      score: h.score,
      snippet: line,
      highlights: highlightRanges(line, termSet),
    };
  });
  return { total: hits.length, hits: shown };
}

function firstLine(text: string): string {
  const line = text.split("\n").find((l) => l.trim() !== "") ?? "";
  return line.length > 160 ? `${line.slice(0, 159).trimEnd()}…` : line.trim();
}
