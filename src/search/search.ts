// Ranked full-text search over ADRs in memory: the shared ranking (rank.ts) with status/tag filters,
// plus the matching lines of each hit.
import MiniSearch from "minisearch";
import type { SearchDocument } from "./document.js";
import { matchingLines, type MatchLine } from "./lines.js";
import { SEARCH_OPTIONS } from "./options.js";
import { rankQuery, type RankSource } from "./rank.js";
import { hasAllTags } from "./tags.js";

/** Narrowing besides the query: any of the statuses, all of the tags. */
export interface SearchFilters {
  status?: string[] | undefined;
  tags?: string[] | undefined;
}

/** One ranked result. */
export interface SearchHit {
  doc: SearchDocument;
  score: number;
  /** The best matching lines of the file (1-based), in file order. */
  matches: MatchLine[];
  /** The document's words that matched (folded), for highlighting. */
  terms: string[];
}

/** True when a document passes the status and tag filters. */
export function passesFilters(doc: SearchDocument, filters: SearchFilters): boolean {
  const statuses = (filters.status ?? []).map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (statuses.length > 0 && (doc.status === null || !statuses.includes(doc.status.toLowerCase()))) return false;
  return hasAllTags(doc.tags, filters.tags ?? []);
}

/** A search over a fixed set of documents: the index is built once, on the first query that needs it. */
export type Searcher = (query: string, filters?: SearchFilters, limit?: number) => SearchHit[];

/** Builds a searcher for many queries over the same documents (searchAdrs runs one query). */
export function createSearcher(docs: SearchDocument[]): Searcher {
  const byId = new Map(docs.map((doc) => [doc.id, doc]));
  let index: MiniSearch<SearchDocument> | undefined;
  const indexOnce = (): MiniSearch<SearchDocument> => {
    if (!index) {
      index = new MiniSearch<SearchDocument>(SEARCH_OPTIONS);
      index.addAll(docs);
    }
    return index;
  };
  return (query, filters = {}, limit = 20) => {
    const source: RankSource = {
      index: indexOnce,
      ids: () => byId.keys(),
      fields: (id) => byId.get(id),
      accepts: (id) => passesFilters(byId.get(id)!, filters),
    };
    const { phrases, hits } = rankQuery(query, source);
    return hits.slice(0, Math.max(1, limit)).map((hit) => {
      const doc = byId.get(hit.id)!;
      return { doc, score: Math.round(hit.score * 1000) / 1000, matches: matchingLines(doc.text, new Set(hit.terms), phrases), terms: hit.terms };
    });
  };
}

/**
 * Searches ADRs: every term must match (title > tags > body, prefixes from three letters, one typo in
 * long words); when no ADR matches every term, any term will do. "Quoted phrases" must appear as
 * written, `-word` excludes. Ties are broken by path so results are stable.
 */
export function searchAdrs(docs: SearchDocument[], query: string, filters: SearchFilters = {}, limit = 20): SearchHit[] {
  // The index covers every ADR and filters narrow its results, as on the site: term weights (how rare a
  // word is) then come from the whole decision log, so a filtered search ranks as the site's does.
  if (!docs.some((doc) => passesFilters(doc, filters))) return [];
  return createSearcher(docs)(query, filters, limit);
}
