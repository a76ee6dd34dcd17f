import { markSchemaConforming } from "../schema-conforming.js";
import type { DecideRequest, DecideResult, Engine } from "../types.js";
import { planQuestions } from "./answers.js";
import { catalogFromDisk, catalogOf, type TopicCatalog } from "./catalog.js";
import type { Question, Topic } from "./knowledge/schema.js";
import { matchTopic } from "./match.js";

export { catalogFromDisk, catalogOf, type TopicCatalog } from "./catalog.js";
export { listTopics, matchTopic, unknownTopicError, type MatchableTopic, type TopicMatch, type TopicSummary } from "./match.js";

export interface OfflineEngineOptions {
  /** Topics to decide from; default: the shipped knowledge base, read lazily. */
  topics?: Topic[];
  /** Generic per-dimension questions; default: knowledge/dimensions.yaml. */
  generic?: Question[];
}

/** The offline advisor: matches the title to a knowledge-base topic and scores its options against the repo and answers. */
export function createOfflineEngine(options: OfflineEngineOptions = {}): Engine {
  let catalog: TopicCatalog | undefined;
  // Nothing is read until the first call, and then only the match data plus the chosen topic.
  const knowledge = (): TopicCatalog => {
    if (catalog) return catalog;
    const disk = catalogFromDisk();
    const generic = options.generic ? () => options.generic! : disk.generic;
    catalog = options.topics ? catalogOf(options.topics, generic()) : { ...disk, generic };
    return catalog;
  };
  return {
    name: "offline",
    async plan({ title, context, given }) {
      const kb = knowledge();
      // An unknown topic still gets the generic questions: user-given options (--option) are scored on them.
      const match = matchTopic(title, kb.stubs());
      return planQuestions(kb.generic(), match ? kb.load(match.topic.id) : null, context, given);
    },
    async decide(request: DecideRequest): Promise<DecideResult> {
      const { decideOffline } = await import("./decide.js");
      const result = await decideOffline(request, knowledge());
      // Built from the build-validated knowledge base in the schema's output form (see schema-conforming.ts).
      markSchemaConforming(result.decision);
      return result;
    },
  };
}
