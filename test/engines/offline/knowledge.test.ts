import { describe, expect, it } from "@jest/globals";
import { checkTopic } from "../../../src/engines/offline/knowledge/check.js";
import { loadDimensionQuestions, loadTopics } from "../../../src/engines/offline/knowledge/load.js";

describe("knowledge base", () => {
  const generic = loadDimensionQuestions();

  it("has generic questions for all seven dimensions", () => {
    const dimensions = new Set(generic.map((q) => q.dimension));
    expect([...dimensions].sort()).toEqual(["budget", "consistency", "integration", "latency", "scale", "security", "team"]);
  });

  it("every topic validates and its cross-references resolve", () => {
    const topics = loadTopics();
    const problems = topics.flatMap((topic) => checkTopic(topic, generic));
    expect(problems).toEqual([]);
  });

  it("topic ids are unique and match phrases do not collide", () => {
    const topics = loadTopics();
    const ids = topics.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    const owners = new Map<string, string>();
    const collisions: string[] = [];
    for (const topic of topics) {
      for (const phrase of topic.match.phrases.map((p) => p.toLowerCase())) {
        const owner = owners.get(phrase);
        if (owner && owner !== topic.id) collisions.push(`"${phrase}" in ${owner} and ${topic.id}`);
        owners.set(phrase, topic.id);
      }
    }
    expect(collisions).toEqual([]);
  });
});
