// Ranked full-text search over ADRs: MiniSearch with the shared options, plus quoted phrases,
// -word exclusions, status/tag filters and the matching lines of each hit.
import MiniSearch from "minisearch";
import type { SearchDocument } from "./document.js";
import { matchingLines, type MatchLine } from "./lines.js";
import { SEARCH_OPTIONS } from "./options.js";
import { parseQuery, searchableTerms } from "./query.js";
import { hasAllTags } from "./tags.js";
import { foldedWords, processTerm, tokenize } from "./tokenize.js";

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

// Title, tags and body as one run of folded words, padded so phrases match whole words only.
function foldedDoc(doc: SearchDocument): string {
  return ` ${foldedWords(`${doc.title}\n${doc.tags.join(" ")}\n${doc.text}`)} `;
}

function containsAnyTerm(doc: SearchDocument, excluded: string[]): boolean {
  const words = new Set(tokenize(`${doc.title} ${doc.tags.join(" ")} ${doc.text}`).map((w) => processTerm(w)));
  return excluded.some((term) => words.has(term));
}

interface Ranked {
  doc: SearchDocument;
  score: number;
  terms: string[];
}

// A query of stop words only ("to be") has no index terms: count its phrase in each document instead.
function scanForPhrase(docs: SearchDocument[], phrase: string): Ranked[] {
  const ranked: Ranked[] = [];
  for (const doc of docs) {
    const inTitle = ` ${foldedWords(doc.title)} `.includes(` ${phrase} `) ? 3 : 0;
    const inBody = foldedDoc(doc).split(` ${phrase} `).length - 1;
    if (inBody > 0) ranked.push({ doc, score: inTitle + Math.min(inBody, 5), terms: [] });
  }
  return ranked;
}

/** A search over a fixed set of documents: the index is built once, on the first query that needs it. */
export type Searcher = (query: string, filters?: SearchFilters, limit?: number) => SearchHit[];

/** Builds a searcher for many queries over the same documents (searchAdrs runs one query). */
export function createSearcher(docs: SearchDocument[]): Searcher {
  const byId = new Map(docs.map((doc) => [doc.id, doc]));
  let index: MiniSearch<SearchDocument> | undefined;
  const rank = (terms: string[], filters: SearchFilters, strict: boolean): Ranked[] => {
    if (!index) {
      index = new MiniSearch<SearchDocument>(SEARCH_OPTIONS);
      index.addAll(docs);
    }
    const filter = (result: { id: unknown }) => passesFilters(byId.get(String(result.id))!, filters);
    const query = terms.join(" ");
    let results = index.search(query, { filter });
    // No ADR holds every term: rank those that hold any, unless a phrase demands them all.
    if (results.length === 0 && !strict) results = index.search(query, { filter, combineWith: "OR" });
    return results.map((result) => ({ doc: byId.get(String(result.id))!, score: result.score, terms: result.terms }));
  };
  return (query, filters = {}, limit = 20) => {
    const parsed = parseQuery(query);
    if (parsed.words.length === 0) return [];
    const terms = searchableTerms(parsed.words);
    const phrases = terms.length === 0 && parsed.phrases.length === 0 ? [foldedWords(parsed.words.join(" "))] : parsed.phrases;
    let ranked = terms.length === 0 ? scanForPhrase(docs.filter((doc) => passesFilters(doc, filters)), phrases[0]!) : rank(terms, filters, phrases.length > 0);
    if (phrases.length > 0) ranked = ranked.filter((r) => phrases.every((phrase) => foldedDoc(r.doc).includes(` ${phrase} `)));
    if (parsed.excluded.length > 0) ranked = ranked.filter((r) => !containsAnyTerm(r.doc, parsed.excluded));
    ranked.sort((a, b) => b.score - a.score || (a.doc.relPath < b.doc.relPath ? -1 : a.doc.relPath > b.doc.relPath ? 1 : 0));
    return ranked.slice(0, Math.max(1, limit)).map((r) => ({
      doc: r.doc,
      score: Math.round(r.score * 1000) / 1000,
      matches: matchingLines(r.doc.text, new Set(r.terms), phrases),
      terms: r.terms,
    }));
  };
}

/**
 * Searches ADRs: every term must match (title > tags > body, prefixes from three letters, one typo in
 * long words); when no ADR matches every term, any term will do. "Quoted phrases" must appear as
 * written, `-word` excludes. Ties are broken by path so results are stable.
 */
export function searchAdrs(docs: SearchDocument[], query: string, filters: SearchFilters = {}, limit = 20): SearchHit[] {
  // Filtering first keeps the index small when filters leave few ADRs.
  const candidates = docs.filter((doc) => passesFilters(doc, filters));
  return candidates.length === 0 ? [] : createSearcher(candidates)(query, {}, limit);
}
