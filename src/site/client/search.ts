// Search over the prebuilt index in the browser, ranked by the same code as `adrgen search`
// (search/rank.ts): the same query steps, filters applied inside the search, the same scores.
import MiniSearch from "minisearch";
import type { SearchDocument } from "../../search/document.js";
import { highlightRanges, matchingLines } from "../../search/lines.js";
import { SEARCH_OPTIONS } from "../../search/options.js";
import { rankQuery, type RankSource } from "../../search/rank.js";
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

// What MiniSearch stores per ADR (STORED_FIELDS): what a hit shows without the document itself.
interface Stored {
  number: number | null;
  title: string;
  status: string | null;
  tags: string[];
  relPath: string;
  dirLabel: string;
}

function storedOf(search: SiteSearch, id: string): Stored | undefined {
  return search.index.getStoredFields(id) as Stored | undefined;
}

/** The prebuilt index and page data as the shared ranking reads them, narrowed by the view's filters. */
function rankSource(search: SiteSearch, state: ViewState): RankSource {
  return {
    index: () => search.index,
    ids: () => Object.keys(search.data.docs),
    fields: (id) => {
      const stored = storedOf(search, id);
      return stored && { title: stored.title, tags: stored.tags ?? [], text: search.data.docs[id]?.text ?? "", relPath: stored.relPath };
    },
    accepts: (id) => {
      const stored = storedOf(search, id);
      return stored !== undefined && matchesFilters({ status: statusKey(stored.status), tags: stored.tags ?? [] }, state);
    },
  };
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
  const { terms, phrases, hits } = rankQuery(query, rankSource(search, state));
  const shown = hits.slice(0, limit).map((hit) => {
    const stored = storedOf(search, hit.id)!;
    const text = search.data.docs[hit.id]?.text ?? "";
    const termSet = new Set([...hit.terms, ...terms]);
    const line = matchingLines(text, termSet, phrases, 1)[0]?.text ?? firstLine(text);
    return {
      id: hit.id,
      number: stored.number,
      title: stored.title,
      status: stored.status,
      tags: stored.tags ?? [],
      dirLabel: stored.dirLabel ?? "",
      href: search.data.docs[hit.id]?.href ?? "",
      score: hit.score,
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
