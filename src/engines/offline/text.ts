/** Words that never identify a topic or an option. */
const STOP_WORDS = new Set([
  "a", "an", "the", "and", "or", "vs", "versus", "v", "for", "of", "to", "in", "on", "our", "we", "should", "do",
  "how", "what", "which", "choose", "choosing", "pick", "select", "decide", "use", "using", "with", "is", "it",
  "be", "new", "between", "between", "strategy", "approach", "us", "my", "your", "this", "that", "as", "by", "at",
]);

/**
 * A crude stem that maps singular and plural to the same form ("caches"/"cache" → "cach",
 * "queries"/"query" → "query", "boxes"/"box" → "box"); only used to compare words, never shown.
 */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  let w = word;
  if (w.endsWith("ies") && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith("s") && !/(ss|us|is|os)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith("e") && w.length > 3) w = w.slice(0, -1);
  return w;
}

/**
 * Matching and condition checks normalise the same topic phrases, option names and technology
 * names again and again (plan, then decide); repeats are a lookup. Callers get their own copy.
 */
const normalized = new Map<string, readonly string[]>();

/**
 * Lower-cases, splits on anything that is not a letter or digit ("pub/sub" → "pub sub",
 * "ci/cd" → "ci cd"), drops stop words and stems plurals, so titles and phrases compare alike.
 */
export function normalizeWords(text: string): string[] {
  let words = normalized.get(text);
  if (words === undefined) {
    words = text
      .normalize("NFKD")
      .toLowerCase()
      .replace(/[\u0300-\u036f]/g, "")
      .split(/[^a-z0-9]+/)
      .filter((word) => word.length > 0 && !STOP_WORDS.has(word))
      .map(stem);
    // Bounded, for long-lived processes (adrgen mcp) that match many titles.
    if (normalized.size >= 20_000) normalized.clear();
    normalized.set(text, words);
  }
  return words.slice();
}

/** Index where `phrase` occurs as consecutive words of `words`, or -1. */
export function containsPhrase(words: string[], phrase: string[]): number {
  if (phrase.length === 0 || phrase.length > words.length) return -1;
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (words[i + j] !== phrase[j]) continue outer;
    return i;
  }
  return -1;
}

/** Rounds to two decimals for display and stable comparison. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** A technology name as the scanner spells it: lower-case, hyphen-separated ("Redis Streams" → "redis-streams"). */
export function kebab(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}
