import { readFileSync } from "node:fs";
import path from "node:path";
import { loadDimensionQuestions, loadTopicFile, knowledgeDir, prebuilt, sourceLoaders } from "./knowledge/load.js";
import type { Question, Topic } from "./knowledge/schema.js";
import type { MatchableTopic } from "./match.js";
import { readTopicIndex, stubOf } from "./topic-index.js";
import { parseTopicYaml } from "./topic-yaml.js";
import { compareIds } from "../../domain/compare.js";

/** The knowledge base as the engine uses it: match data for every topic, full topics on demand. */
export interface TopicCatalog {
  /** Match data of every topic, sorted by id. */
  stubs(): MatchableTopic[];
  /** The full, validated topic (loaded once). */
  load(id: string): Topic;
  /** The generic per-dimension questions. */
  generic(): Question[];
}

/** A catalog over topics already in memory (tests, or callers that loaded the knowledge base themselves). */
export function catalogOf(topics: Topic[], generic: Question[]): TopicCatalog {
  const byId = new Map(topics.map((t) => [t.id, t]));
  const stubs = [...topics].sort((a, b) => compareIds(a.id, b.id)).map((t) => stubOf(t, `${t.id}.yaml`));
  return {
    stubs: () => stubs,
    load: (id) => byId.get(id) ?? missing(id),
    generic: () => generic,
  };
}

/** The shipped knowledge base: reads only match data up front and parses a topic file once it is chosen. */
export function catalogFromDisk(dir?: string): TopicCatalog {
  let root: string | undefined = dir;
  const base = () => (root ??= knowledgeDir());
  let index: ReturnType<typeof readTopicIndex> | undefined;
  let generic: Question[] | undefined;
  const loaded = new Map<string, Topic>();
  const stubs = () => (index ??= readTopicIndex(base()));
  return {
    stubs,
    load(id) {
      const cached = loaded.get(id);
      if (cached) return cached;
      const stub = stubs().find((s) => s.id === id);
      if (!stub) return missing(id);
      const topic = loadTopicFast(stub.file);
      loaded.set(id, topic);
      return topic;
    },
    generic: () => (generic ??= loadGenericFast(base())),
  };
}

/** A topic file through the subset reader; anything it cannot read, or that does not validate, goes through the full loader and its error messages. */
function loadTopicFast(file: string): Topic {
  // The build's copy was validated by the same schema, so a built adrgen loads neither YAML nor zod.
  const built = prebuilt(file);
  if (built !== undefined) return built as Topic;
  const result = sourceLoaders().topicSchema.safeParse(parseTopicYaml(readFileSync(file, "utf8")));
  return result.success ? result.data : loadTopicFile(file);
}

function loadGenericFast(dir: string): Question[] {
  const built = prebuilt(path.join(dir, "dimensions.yaml")) as { questions: Question[] } | undefined;
  if (built !== undefined) return built.questions;
  const result = sourceLoaders().dimensionsFileSchema.safeParse(parseTopicYaml(readFileSync(path.join(dir, "dimensions.yaml"), "utf8")));
  return result.success ? result.data.questions : loadDimensionQuestions(dir);
}

function missing(id: string): never {
  throw new Error(`Unknown knowledge-base topic ${id}`);
}
