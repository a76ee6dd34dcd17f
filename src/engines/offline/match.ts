import { usageError, type AdrgenError } from "../../domain/errors.js";
import { normalizeWords, containsPhrase } from "./text.js";
import type { Topic } from "./knowledge/schema.js";

/** How a free-text title maps onto a knowledge-base topic. */
export interface TopicMatch {
  topic: Topic;
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

interface Scored {
  topic: Topic;
  index: number;
  score: number;
  phrases: number;
  options: Array<{ id: string; at: number }>;
  keywords: number;
}

/** Where in `title` an option is named (id, name or any alias), or -1. */
function optionPosition(title: string[], option: Topic["options"][number]): number {
  let best = -1;
  for (const name of [option.id.replace(/-/g, " "), option.name, ...option.aliases]) {
    const at = containsPhrase(title, normalizeWords(name));
    if (at >= 0 && (best < 0 || at < best)) best = at;
  }
  return best;
}

function scoreTopic(title: string[], topic: Topic, index: number): Scored {
  let score = 0;
  let phrases = 0;
  const phraseList = [...topic.match.phrases];
  if (topic.id.includes("-")) phraseList.push(topic.id.replace(/-/g, " "));
  const seenPhrases = new Set<string>();
  for (const phrase of phraseList) {
    const words = normalizeWords(phrase);
    const key = words.join(" ");
    if (words.length === 0 || seenPhrases.has(key)) continue;
    seenPhrases.add(key);
    if (containsPhrase(title, words) >= 0) {
      phrases++;
      score += PHRASE_POINTS + words.length;
    }
  }
  const options: Array<{ id: string; at: number }> = [];
  for (const option of topic.options) {
    const at = optionPosition(title, option);
    if (at >= 0) options.push({ id: option.id, at });
  }
  score += OPTION_POINTS * options.length;
  let keywords = 0;
  const titleWords = new Set(title);
  for (const keyword of new Set(topic.match.keywords.map((k) => normalizeWords(k).join(" ")))) {
    if (!keyword) continue;
    const hit = keyword.includes(" ") ? containsPhrase(title, keyword.split(" ")) >= 0 : titleWords.has(keyword);
    if (hit) keywords++;
  }
  score += KEYWORD_POINTS * keywords;
  return { topic, index, score, phrases, options: options.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id)), keywords };
}

/** Maps a free-text title ("Kafka vs RabbitMQ", "how should we do auth?") to the best topic, or null when none fits. */
export function matchTopic(title: string, topics: Topic[]): TopicMatch | null {
  const words = normalizeWords(title);
  if (words.length === 0) return null;
  const scored = topics
    .map((topic, index) => scoreTopic(words, topic, index))
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
export function listTopics(topics: Topic[]): TopicSummary[] {
  return [...topics]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((topic) => ({ id: topic.id, title: topic.title, example: topic.match.phrases[0] ?? topic.title }));
}

/** The usage error for a title no topic matches: lists the topics and the two ways forward. */
export function unknownTopicError(title: string, topics: Topic[]): AdrgenError {
  const lines = listTopics(topics).map((t) => `  ${t.id.padEnd(26)} ${t.title} (e.g. "${t.example}")`);
  return usageError(
    `No knowledge-base topic matches "${title.trim()}". Known topics:\n${lines.join("\n")}`,
    'Use a title with one of these phrases, name the options to compare with --option A --option B (scored on generic criteria; their facts must be filled in), or use the Anthropic engine (set ANTHROPIC_API_KEY).',
  );
}
