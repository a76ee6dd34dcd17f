// The lines of an ADR that best show why it matched, with the words to highlight.
import { foldedWords, processTerm, tokenizeWithOffsets } from "./tokenize.js";

/** A matching line: 1-based line of the file and its text (trimmed to about 160 characters around the match). */
export interface MatchLine {
  line: number;
  text: string;
}

const ASCII = /^[\x00-\x7f]*$/;

/** How wide a shown line may be. */
export const LINE_WIDTH = 160;

/** Character ranges of the words in `text` that are among the matched terms. */
export function highlightRanges(text: string, terms: ReadonlySet<string>): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const token of tokenizeWithOffsets(text)) {
    const term = processTerm(token.text);
    if (term && terms.has(term)) ranges.push([token.start, token.end]);
  }
  return ranges;
}

/** Cuts a long line to about LINE_WIDTH characters around its first highlighted word, marking cuts with "…". */
export function trimAround(text: string, ranges: Array<[number, number]>): string {
  if (text.length <= LINE_WIDTH) return text;
  const first = ranges[0]?.[0] ?? 0;
  const start = Math.max(0, Math.min(first - 40, text.length - LINE_WIDTH));
  const end = Math.min(text.length, start + LINE_WIDTH);
  return `${start > 0 ? "…" : ""}${text.slice(start, end).trim()}${end < text.length ? "…" : ""}`;
}

/**
 * The best lines of a plain text for a set of matched terms and phrases: lines with more distinct
 * terms (and a phrase) first, at most `max`, returned in file order.
 */
export function matchingLines(text: string, terms: ReadonlySet<string>, phrases: string[], max = 3): MatchLine[] {
  if (terms.size === 0 && phrases.length === 0) return [];
  const scored: Array<{ line: number; text: string; score: number }> = [];
  const lines = text.split("\n");
  const needles = [...terms, ...phrases.map((p) => p.split(" ")[0]!)];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === "") continue;
    // Cheap test first: an ASCII line that holds none of the terms as a substring cannot match.
    if (ASCII.test(line)) {
      const lower = line.toLowerCase();
      if (!needles.some((needle) => lower.includes(needle))) continue;
    }
    const ranges = highlightRanges(line, terms);
    const distinct = new Set(ranges.map(([s, e]) => processTerm(line.slice(s, e))));
    const padded = phrases.length > 0 ? ` ${foldedWords(line)} ` : "";
    const phraseHits = phrases.filter((p) => padded.includes(` ${p} `)).length;
    const score = distinct.size * 10 + phraseHits * 25 + ranges.length;
    if (score > 0) scored.push({ line: i + 1, text: trimAround(line, ranges), score });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.line - b.line)
    .slice(0, max)
    .sort((a, b) => a.line - b.line)
    .map(({ line, text: shown }) => ({ line, text: shown }));
}
