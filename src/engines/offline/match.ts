import { usageError, type AdrgenError } from "../../domain/errors.js";
import type { Topic, TopicOption } from "./knowledge/schema.js";
import { containsPhrase, normalizeWords } from "./text.js";

/** What matching reads from a topic: a loaded topic or just its match data (see topic-index.ts). */
export interface MatchableTopic {
  id: string;
  title: string;
  match: Pick<Topic["match"], "phrases" | "keywords">;
  options: Array<Pick<TopicOption, "id" | "name" | "aliases">>;
}

/** How a free-text title maps onto a knowledge-base topic. */
export interface TopicMatch<T extends MatchableTopic = Topic> {
  topic: T;
  /** Ids of the topic's options the title names (by id, name or alias), in title order. */
  namedOptions: string[];
  /** high: a topic phrase or two named options; medium: one named option or several keywords; low: one keyword. */
  confidence: "high" | "medium" | "low";
  score: number;
  /** Other topics that also matched, best first (for "did you mean"). */
  alternatives: Array<{ id: string; title: string; score: number }>;
}

/** A topic as the unknown-topic message and `questions --list` show it. */
export interface TopicSummary {
  id: string;
  title: string;
  example: string;
}

// Phrases beat named options beat keywords; longer phrases are more specific.
const PHRASE_POINTS = 10;
const OPTION_POINTS = 6;
const KEYWORD_POINTS = 2;

interface Span {
  start: number;
  end: number;
}

interface Hits {
  topic: MatchableTopic;
  phrases: Span[];
  options: Array<Span & { id: string }>;
  keywords: Span[];
}

/** Every place `phrase` occurs in `words`. */
function spansOf(words: string[], phrase: string[]): Span[] {
  const spans: Span[] = [];
  for (let from = 0; from + phrase.length <= words.length; ) {
    const at = containsPhrase(words.slice(from), phrase);
    if (at < 0) break;
    spans.push({ start: from + at, end: from + at + phrase.length });
    from += at + 1;
  }
  return spans;
}

function unique(list: string[][]): string[][] {
  const seen = new Set<string>();
  return list.filter((words) => {
    const key = words.join(" ");
    if (words.length === 0 || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function findHits(words: string[], topic: MatchableTopic): Hits {
  const phrases = unique([...topic.match.phrases, ...(topic.id.includes("-") ? [topic.id.replace(/-/g, " ")] : [])].map(normalizeWords));
  const keywords = unique(topic.match.keywords.map(normalizeWords));
  const options = topic.options.flatMap((option) => {
    const spans = unique([option.id.replace(/-/g, " "), option.name, ...option.aliases].map(normalizeWords)).flatMap((name) => spansOf(words, name));
    // The longest name at the earliest place stands for the option.
    spans.sort((a, b) => a.start - b.start || b.end - a.end);
    return spans[0] ? [{ ...spans[0], id: option.id }] : [];
  });
  return {
    topic,
    phrases: phrases.flatMap((p) => spansOf(words, p)),
    options,
    keywords: keywords.flatMap((k) => spansOf(words, k)),
  };
}

const within = (inner: Span, outer: Span) => outer.start <= inner.start && inner.end <= outer.end && outer.end - outer.start > inner.end - inner.start;

/** Maps a free-text title ("Kafka vs RabbitMQ", "how should we do auth?") to the best topic, or null when none fits. */
export function matchTopic<T extends MatchableTopic>(title: string, topics: T[]): TopicMatch<T> | null {
  const words = normalizeWords(title);
  if (words.length === 0) return null;
  const hits = topics.map((topic) => ({ ...findHits(words, topic), topic }));
  // A longer phrase of one topic claims its words: "database proxy" is not the "database" topic.
  const claimedBy = (topic: MatchableTopic, span: Span) => hits.some((h) => h.topic !== topic && h.phrases.some((p) => within(span, p)));
  const scored = hits
    .map((h) => {
      const phrases = h.phrases.filter((s) => !claimedBy(h.topic, s));
      const options = h.options.filter((s) => !claimedBy(h.topic, s));
      const keywords = h.keywords.filter((s) => !claimedBy(h.topic, s));
      const score = phrases.reduce((sum, s) => sum + PHRASE_POINTS + (s.end - s.start), 0) + OPTION_POINTS * options.length + KEYWORD_POINTS * keywords.length;
      return { topic: h.topic, score, phrases: phrases.length, options: options.sort((a, b) => a.start - b.start || a.id.localeCompare(b.id)), keywords: keywords.length };
    })
    .filter((s) => s.score > 0)
    // Deterministic: score, then phrase hits, then named options, then id.
    .sort((a, b) => b.score - a.score || b.phrases - a.phrases || b.options.length - a.options.length || a.topic.id.localeCompare(b.topic.id));
  const best = scored[0];
  if (!best) return null;
  const confidence = best.phrases > 0 || best.options.length >= 2 ? "high" : best.options.length === 1 || best.keywords >= 2 ? "medium" : "low";
  return {
    topic: best.topic,
    namedOptions: best.options.map((o) => o.id),
    confidence,
    score: best.score,
    alternatives: scored.slice(1, 4).map((s) => ({ id: s.topic.id, title: s.topic.title, score: s.score })),
  };
}

/** Every topic with an example title phrase, sorted by id. */
export function listTopics(topics: MatchableTopic[]): TopicSummary[] {
  return [...topics]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((topic) => ({ id: topic.id, title: topic.title, example: topic.match.phrases[0] ?? topic.title }));
}

/** The usage error for a title no topic matches: lists the topics and the two ways forward. */
export function unknownTopicError(title: string, topics: MatchableTopic[]): AdrgenError {
  const lines = listTopics(topics).map((t) => `  ${t.id.padEnd(26)} ${t.title} (e.g. "${t.example}")`);
  return usageError(
    `No knowledge-base topic matches "${title.trim()}". Known topics:\n${lines.join("\n")}`,
    "Use a title with one of these phrases, name the options to compare with --option A --option B (scored on generic criteria; their facts must be filled in), or use the Anthropic engine (set ANTHROPIC_API_KEY).",
  );
}
