import { usageError, type AdrgenError } from "../../domain/errors.js";
import type { Topic, TopicOption } from "./knowledge/schema.js";
import { containsPhrase, normalizeWords } from "./text.js";
import { compareIds } from "../../domain/compare.js";

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
  /** high: a topic phrase or two named options; medium: one named option, a word of the topic's id or several keywords; low: one keyword. */
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

// Phrases beat a word of the topic's own id, which beats a phrase reduced to one word by its
// filler ("should we use kubernetes"), which beats a named option, which beats keywords.
const PHRASE_POINTS = 10;
const ID_WORD_POINTS = 7;
const SHORT_PHRASE_POINTS = 6.5;
const OPTION_POINTS = 6;
const KEYWORD_POINTS = 2;
/** Id words too generic to name a topic on their own ("primary key", "object model", "multi-region"). */
const GENERIC_ID_WORDS = new Set(
  ["primary", "driven", "pattern", "model", "style", "platform", "query", "object", "multi", "management", "security", "transport", "strategy", "engine", "message", "event", "background", "container", "connection", "deployment"].map((w) => normalizeWords(w)[0]!),
);

interface Span {
  start: number;
  end: number;
}

interface Hits {
  topic: MatchableTopic;
  phrases: Span[];
  shortPhrases: Span[];
  idWords: Span[];
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

function findHits(words: string[], topic: MatchableTopic, idWords: Set<string>): Hits {
  const written = [...topic.match.phrases, ...(topic.id.includes("-") ? [topic.id.replace(/-/g, " ")] : [])];
  // "should we use kubernetes" loses its filler words; the one word left is no longer a phrase.
  const shrunk = (phrase: string) => normalizeWords(phrase).length === 1 && phrase.trim().split(/\s+/).length > 1;
  const phrases = unique(written.filter((p) => !shrunk(p)).map(normalizeWords));
  const shortPhrases = unique(written.filter(shrunk).map(normalizeWords));
  const keywords = unique(topic.match.keywords.map(normalizeWords));
  const options = topic.options.flatMap((option) => {
    const spans = unique([option.id.replace(/-/g, " "), option.name, ...option.aliases].map(normalizeWords)).flatMap((name) => spansOf(words, name));
    // The longest name at the earliest place stands for the option.
    spans.sort((a, b) => a.start - b.start || b.end - a.end);
    return spans[0] ? [{ ...spans[0], id: option.id }] : [];
  });
  const idWordSpans = words.flatMap((word, start) => (idWords.has(word) ? [{ start, end: start + 1 }] : []));
  return {
    topic,
    phrases: phrases.flatMap((p) => spansOf(words, p)),
    shortPhrases: shortPhrases.flatMap((p) => spansOf(words, p)),
    idWords: idWordSpans,
    options,
    keywords: keywords.flatMap((k) => spansOf(words, k)),
  };
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const within = (inner: Span, outer: Span) => outer.start <= inner.start && inner.end <= outer.end && outer.end - outer.start > inner.end - inner.start;

/** Maps a free-text title ("Kafka vs RabbitMQ", "how should we do auth?") to the best topic, or null when none fits. */
export function matchTopic<T extends MatchableTopic>(title: string, topics: T[]): TopicMatch<T> | null {
  // `new` matches one title three times (plan twice, then decide) against the same stubs.
  let byTitle = matches.get(topics);
  if (!byTitle) matches.set(topics, (byTitle = new Map()));
  if (!byTitle.has(title)) byTitle.set(title, computeMatch(title, topics));
  const match = byTitle.get(title) as TopicMatch<T> | null;
  return match && { ...match, namedOptions: [...match.namedOptions], alternatives: match.alternatives.map((a) => ({ ...a })) };
}

/** Earlier matches per topic list (the catalog's stubs array lives as long as its engine). */
const matches = new WeakMap<readonly MatchableTopic[], Map<string, TopicMatch<MatchableTopic> | null>>();

function computeMatch<T extends MatchableTopic>(title: string, topics: T[]): TopicMatch<T> | null {
  const words = normalizeWords(title);
  if (words.length === 0) return null;
  const idWords = uniqueIdWords(topics);
  const hits = topics.map((topic) => ({ ...findHits(words, topic, idWords.get(topic.id)!), topic }));
  // A longer phrase or option name of one topic claims its words: "database proxy" is not the
  // "database" topic, and "workflow engine" (a background-jobs option) is not the search engine.
  const claimedBy = (topic: MatchableTopic, span: Span) =>
    hits.some((h) => h.topic !== topic && (h.phrases.some((p) => within(span, p)) || h.options.some((o) => within(span, o))));
  const scored = hits
    .map((h) => {
      const phrases = h.phrases.filter((s) => !claimedBy(h.topic, s));
      const ids = h.idWords.filter((s) => !claimedBy(h.topic, s) && !phrases.some((p) => within(s, p) || (p.start === s.start && p.end === s.end)));
      const options = h.options.filter((s) => !claimedBy(h.topic, s));
      const keywords = h.keywords.filter((s) => !claimedBy(h.topic, s));
      const shorts = h.shortPhrases.filter((s) => !claimedBy(h.topic, s));
      // Words count once for a topic, as their strongest hit ("kubernetes" as keyword and option name scores as the option).
      const wordHits = [
        ...ids.map((span) => ({ span, points: ID_WORD_POINTS })),
        ...shorts.map((span) => ({ span, points: SHORT_PHRASE_POINTS })),
        ...options.map((span) => ({ span, points: OPTION_POINTS })),
        ...keywords.map((span) => ({ span, points: KEYWORD_POINTS })),
      ].sort((a, b) => b.points - a.points || a.span.start - b.span.start);
      const taken: Span[] = [];
      let score = phrases.reduce((sum, s) => sum + PHRASE_POINTS + (s.end - s.start), 0);
      for (const hit of wordHits) {
        if (taken.some((t) => overlaps(t, hit.span))) continue;
        taken.push(hit.span);
        score += hit.points;
      }
      return {
        topic: h.topic,
        score,
        phrases: phrases.length,
        strongWords: ids.length + shorts.length,
        options: options.sort((a, b) => a.start - b.start || compareIds(a.id, b.id)),
        keywords: keywords.length,
      };
    })
    .filter((s) => s.score > 0)
    // Deterministic: score, then phrase hits, then named options, then id.
    .sort((a, b) => b.score - a.score || b.phrases - a.phrases || b.options.length - a.options.length || compareIds(a.topic.id, b.topic.id));
  const best = scored[0];
  if (!best) return null;
  const confidence =
    best.phrases > 0 || best.options.length >= 2 ? "high" : best.options.length === 1 || best.strongWords > 0 || best.keywords >= 2 ? "medium" : "low";
  return {
    topic: best.topic,
    namedOptions: best.options.map((o) => o.id),
    confidence,
    score: best.score,
    alternatives: scored.slice(1, 4).map((s) => ({ id: s.topic.id, title: s.topic.title, score: s.score })),
  };
}

/** Per topic, the words of its id that no other topic's id has ("secrets" for secrets-management), minus generic ones. */
function uniqueIdWords(topics: MatchableTopic[]): Map<string, Set<string>> {
  const owners = new Map<string, Set<string>>();
  for (const topic of topics) {
    for (const word of normalizeWords(topic.id.replace(/-/g, " "))) owners.set(word, (owners.get(word) ?? new Set()).add(topic.id));
  }
  return new Map(
    topics.map((topic) => [
      topic.id,
      new Set(normalizeWords(topic.id.replace(/-/g, " ")).filter((w) => w.length >= 5 && owners.get(w)!.size === 1 && !GENERIC_ID_WORDS.has(w))),
    ]),
  );
}

/** Every topic with an example title phrase, sorted by id. */
export function listTopics(topics: MatchableTopic[]): TopicSummary[] {
  return [...topics]
    .sort((a, b) => compareIds(a.id, b.id))
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
