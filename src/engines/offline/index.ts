import type { DecideRequest, DecideResult, Engine } from "../types.js";
import { planQuestions } from "./answers.js";
import { loadDimensionQuestions, loadTopics } from "./knowledge/load.js";
import type { Question, Topic } from "./knowledge/schema.js";
import { matchTopic } from "./match.js";

export { listTopics, matchTopic, unknownTopicError, type TopicMatch, type TopicSummary } from "./match.js";

export interface OfflineEngineOptions {
  /** Topics to decide from; default: the shipped knowledge base. */
  topics?: Topic[];
  /** Generic per-dimension questions; default: knowledge/dimensions.yaml. */
  generic?: Question[];
}

/** The offline advisor: matches the title to a knowledge-base topic and scores its options against the repo and answers. */
export function createOfflineEngine(options: OfflineEngineOptions = {}): Engine {
  let topics = options.topics;
  let generic = options.generic;
  // Loaded on first use so constructing the engine costs nothing.
  const knowledge = () => {
    topics ??= loadTopics();
    generic ??= loadDimensionQuestions();
    return { topics, generic };
  };
  return {
    name: "offline",
    async plan({ title, context, given }) {
      const { topics, generic } = knowledge();
      // An unknown topic still gets the generic questions: user-given options (--option) are scored on them.
      const match = matchTopic(title, topics);
      return planQuestions(generic, match?.topic ?? null, context, given);
    },
    async decide(request: DecideRequest): Promise<DecideResult> {
      const { topics, generic } = knowledge();
      const { decideOffline } = await import("./decide.js");
      return decideOffline(request, topics, generic);
    },
  };
}
