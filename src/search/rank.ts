// The one ranking of a query: `adrgen search`, the MCP server and the static site's browser script all
// call it, over documents in memory or over the site's prebuilt index, so the same query over the same
// ADRs lists them in the same order with the same scores everywhere. No Node imports (bundled for the browser).
import type MiniSearch from "minisearch";
import type { SearchDocument } from "./document.js";
import { parseQuery, searchableTerms } from "./query.js";
import { foldedWords, processTerm, tokenize } from "./tokenize.js";

/** What ranking reads of one document. */
export interface RankFields {
  title: string;
  tags: readonly string[];
  text: string;
  relPath: string;
}

/** The documents a query ranks, however they are held. */
export interface RankSource {
  /** The MiniSearch index (SEARCH_OPTIONS) over every document; called only when the query has index terms. */
  index(): MiniSearch<SearchDocument>;
  /** Every document id: a query of stop words only has no index terms and is counted in each document. */
  ids(): Iterable<string>;
  fields(id: string): RankFields | undefined;
  /** True when the document passes the caller's status and tag filters. */
  accepts(id: string): boolean;
}

/** One ranked document. */
export interface RankedHit {
  id: string;
  score: number;
  /** The document's words that matched (folded), for highlighting. */
  terms: string[];
}

/** A ranked query: its index terms, its phrases (folded) and every hit, best first. */
export interface RankedQuery {
  terms: string[];
  phrases: string[];
  hits: RankedHit[];
}

// Title, tags and body as one run of folded words, padded so phrases match whole words only.
function foldedDoc(doc: RankFields): string {
  return ` ${foldedWords(`${doc.title}\n${doc.tags.join(" ")}\n${doc.text}`)} `;
}

function containsAnyTerm(doc: RankFields, excluded: string[]): boolean {
  const words = new Set(tokenize(`${doc.title} ${doc.tags.join(" ")} ${doc.text}`).map((w) => processTerm(w)));
  return excluded.some((term) => words.has(term));
}

// How often a space-padded phrase occurs; repeats that share a space ("to be to be") each count.
function occurrences(text: string, padded: string): number {
  let count = 0;
  for (let at = text.indexOf(padded); at >= 0; at = text.indexOf(padded, at + padded.length - 1)) count++;
  return count;
}

// A query of stop words only ("to be") has no index terms: count its phrase in each document instead,
// three points for the title and one per occurrence up to five.
function scanForPhrase(source: RankSource, phrase: string): RankedHit[] {
  const hits: RankedHit[] = [];
  for (const id of source.ids()) {
    const doc = source.fields(id);
    if (!doc || !source.accepts(id)) continue;
    const inTitle = ` ${foldedWords(doc.title)} `.includes(` ${phrase} `) ? 3 : 0;
    const inBody = occurrences(foldedDoc(doc), ` ${phrase} `);
    if (inBody > 0) hits.push({ id, score: inTitle + Math.min(inBody, 5), terms: [] });
  }
  return hits;
}

// Every term must match (SEARCH_OPTIONS); when no ADR that passes the filters holds them all, any term
// will do, unless a phrase demands them all.
function searchIndex(source: RankSource, terms: string[], strict: boolean): RankedHit[] {
  const index = source.index();
  const filter = (result: { id: unknown }) => source.accepts(String(result.id));
  const query = terms.join(" ");
  let results = index.search(query, { filter });
  if (results.length === 0 && !strict) results = index.search(query, { filter, combineWith: "OR" });
  return results.map((result) => ({ id: String(result.id), score: result.score, terms: result.terms }));
}

/**
 * Ranks the documents for a query: index terms through MiniSearch (title > tags > body, prefixes, light
 * typo tolerance), "quoted phrases" as written, `-word` exclusions, stop-word-only queries by phrase
 * count. Ties are broken by path so the order is stable.
 */
export function rankQuery(query: string, source: RankSource): RankedQuery {
  const parsed = parseQuery(query);
  if (parsed.words.length === 0) return { terms: [], phrases: [], hits: [] };
  const terms = searchableTerms(parsed.words);
  const phrases = terms.length === 0 && parsed.phrases.length === 0 ? [foldedWords(parsed.words.join(" "))] : parsed.phrases;
  if (phrases.some((phrase) => phrase === "")) return { terms, phrases: [], hits: [] };
  let hits = terms.length === 0 ? scanForPhrase(source, phrases[0]!) : searchIndex(source, terms, phrases.length > 0);
  const doc = (id: string): RankFields => source.fields(id) ?? { title: "", tags: [], text: "", relPath: id };
  if (phrases.length > 0) hits = hits.filter((hit) => phrases.every((phrase) => foldedDoc(doc(hit.id)).includes(` ${phrase} `)));
  if (parsed.excluded.length > 0) hits = hits.filter((hit) => !containsAnyTerm(doc(hit.id), parsed.excluded));
  const path = new Map(hits.map((hit) => [hit.id, doc(hit.id).relPath]));
  hits.sort((a, b) => b.score - a.score || (path.get(a.id)! < path.get(b.id)! ? -1 : path.get(a.id)! > path.get(b.id)! ? 1 : 0));
  return { terms, phrases, hits };
}
