/** Words that never identify a topic or an option. */
const STOP_WORDS = new Set([
  "a", "an", "the", "and", "or", "vs", "versus", "v", "for", "of", "to", "in", "on", "our", "we", "should", "do",
  "how", "what", "which", "choose", "choosing", "pick", "select", "decide", "use", "using", "with", "is", "it",
  "be", "new", "between", "between", "strategy", "approach", "us", "my", "your", "this", "that", "as", "by", "at",
]);

/** Singular form for simple English plurals ("queues" → "queue", "replicas" → "replica", "queries" → "query"). */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is|os)$/.test(word)) return word;
  if (/(sses|xes|ches|shes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s")) return word.slice(0, -1);
  return word;
}

/**
 * Lower-cases, splits on anything that is not a letter or digit ("pub/sub" → "pub sub",
 * "ci/cd" → "ci cd"), drops stop words and stems plurals, so titles and phrases compare alike.
 */
export function normalizeWords(text: string): string[] {
  return text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0 && !STOP_WORDS.has(word))
    .map(stem);
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
