// How ADR text becomes search terms. Shared by the CLI and the static site's browser index,
// so this file imports nothing from Node.

/** Words so common in ADRs that matching them says nothing about a decision. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "its", "of",
  "on", "or", "that", "the", "this", "to", "use", "we", "was", "will", "with",
]);

/** One word of a text with its position, so a matching line can highlight it. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

// Letters and digits only: kebab-case and snake_case ("event-sourcing", "read_model") split into words.
const WORD = /[\p{L}\p{N}]+/gu;
const MARKS = /\p{M}+/gu;
const PLAIN = /^[A-Za-z0-9]+$/;
const ASCII = /^[\x00-\x7f]*$/;
const ASCII_WORD = /[a-z0-9]+/g;
// In unfolded text a decomposed accent belongs to the word it follows.
const WORD_WITH_MARKS = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/** Lower-cases and strips accents (NFD, combining marks dropped): "Décision" → "decision". */
export function foldText(text: string): string {
  return text.normalize("NFD").replace(MARKS, "").toLowerCase();
}

/** Every word of a text with its UTF-16 offsets in that text. */
export function tokenizeWithOffsets(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD_WITH_MARKS)) tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  return tokens;
}

/** Splits a text into words (the MiniSearch `tokenize` option). */
export function tokenize(text: string): string[] {
  // ASCII text (most ADRs) needs no Unicode folding; the regex over it is several times faster.
  if (ASCII.test(text)) return text.toLowerCase().match(ASCII_WORD) ?? [];
  // Folding first keeps a decomposed accent ("e" + U+0301) inside its word.
  return foldText(text).match(WORD) ?? [];
}

/** Normalises a word into a term, or null for a stop word (the MiniSearch `processTerm` option). */
export function processTerm(term: string): string | null {
  // Most words are plain ASCII: skip the Unicode normalisation for them.
  const folded = PLAIN.test(term) ? term.toLowerCase() : foldText(term);
  return folded === "" || STOP_WORDS.has(folded) ? null : folded;
}

/** A text as one space-separated run of folded words: what phrase matching compares. */
export function foldedWords(text: string): string {
  return tokenize(text).join(" ");
}
