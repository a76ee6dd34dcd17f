// A search query as typed: words, "quoted phrases" and -excluded words.
import { foldedWords, processTerm, tokenize } from "./tokenize.js";

export interface ParsedQuery {
  /** Words that must match (phrase words included), as typed. */
  words: string[];
  /** Quoted phrases, folded to space-separated words. */
  phrases: string[];
  /** Terms a hit must not contain (already processed). */
  excluded: string[];
}

/** Splits a query into words, quoted phrases (an unclosed quote runs to the end) and `-word` exclusions. */
export function parseQuery(query: string): ParsedQuery {
  const parsed: ParsedQuery = { words: [], phrases: [], excluded: [] };
  const pattern = /"([^"]*)"?|(\S+)/g;
  for (const match of query.matchAll(pattern)) {
    if (match[1] !== undefined) {
      const phrase = foldedWords(match[1]);
      if (phrase === "") continue;
      parsed.phrases.push(phrase);
      parsed.words.push(...phrase.split(" "));
      continue;
    }
    const word = match[2]!;
    // `-kafka` excludes; `--json` or a lone dash is just text.
    if (/^-[\p{L}\p{N}]/u.test(word)) {
      for (const part of tokenize(word.slice(1))) {
        const term = processTerm(part);
        if (term) parsed.excluded.push(term);
      }
    } else parsed.words.push(word);
  }
  return parsed;
}

/** The words that survive stop-word removal: what MiniSearch is asked for. */
export function searchableTerms(words: string[]): string[] {
  const terms: string[] = [];
  for (const word of words) for (const part of tokenize(word)) {
    const term = processTerm(part);
    if (term && !terms.includes(term)) terms.push(term);
  }
  return terms;
}
