import { describe, expect, it } from "@jest/globals";
import type { ResolvedAnswer } from "../../../src/clarify/types.js";
import { answerFacts, dimensionStatuses, relevantNames, repoFacts } from "../../../src/engines/offline/facts.js";
import { makeContext, topics } from "./helpers.js";

const broker = topics.find((t) => t.id === "message-broker")!;
const answer = (key: string, source: ResolvedAnswer["source"], dimension: ResolvedAnswer["dimension"], evidence: ResolvedAnswer["evidence"] = []): ResolvedAnswer => ({ key, dimension, value: "v", source, statement: `${key} statement.`, evidence });

describe("repo facts", () => {
  it("names the technologies the topic's rules and options refer to", () => {
    const names = relevantNames(broker);
    for (const name of ["kafka", "rabbitmq", "redis", "bullmq", "celery", "aws", "amazon-mq"]) expect(names).toContain(name);
    expect(names).not.toContain("postgresql");
  });

  it("reports relevant items, service images and earlier ADRs with evidence, and nothing else", () => {
    const context = makeContext({
      items: { caches: [["redis", "docker-compose.yml", 15]], datastores: [["postgresql", "docker-compose.yml", 9]], languages: [["go", "go.mod", 3]] },
      services: [{ name: "mq", image: "rabbitmq:3-management", line: 20 }, { name: "cache", image: "redis:7", line: 14 }],
      decisions: [{ title: "Use Kafka for events", status: "Accepted", file: "docs/adr/0002-kafka.md" }, { title: "Use Go", status: "Accepted" }],
    });
    const { facts, mentions } = repoFacts(broker, context, "go");
    expect(facts).toEqual([
      { statement: "The repository uses redis (cache).", source: "repo", evidence: ["docker-compose.yml:15"], dimension: "integration" },
      { statement: "The main language is go.", source: "repo", evidence: ["go.mod:3"], dimension: "team" },
      { statement: 'Service "mq" runs the image rabbitmq:3-management (compose).', source: "repo", evidence: ["docker-compose.yml:20"], dimension: "integration" },
      { statement: 'An earlier ADR, "Use Kafka for events", is accepted.', source: "repo", evidence: ["docs/adr/0002-kafka.md"], dimension: "integration" },
    ]);
    expect(mentions).toEqual(["redis (docker-compose.yml:15)", "main language go (go.mod:3)", "service mq running rabbitmq:3-management (docker-compose.yml:20)", 'the accepted ADR "Use Kafka for events" (docs/adr/0002-kafka.md)']);
  });
});

describe("answer facts and dimension statuses", () => {
  it("keeps repo evidence, and states a repo answer with nothing to cite as an assumption", () => {
    const facts = answerFacts([answer("integration.cloud", "repo", "integration", [{ file: "main.tf", line: 2 }]), answer("x.y", "repo", "scale"), answer("scale.rps", "answer", "scale")]);
    expect(facts).toEqual([
      { statement: "integration.cloud statement.", source: "repo", evidence: ["main.tf:2"], dimension: "integration" },
      { statement: "x.y statement. (inferred from what the repository lacks)", source: "assumption", evidence: [], dimension: "scale" },
      { statement: "scale.rps statement.", source: "answer", evidence: [], dimension: "scale" },
    ]);
  });

  it("gives every dimension a source: assumed only when all its answers are assumed", () => {
    const statuses = dimensionStatuses([answer("scale.a", "assumption", "scale"), answer("scale.b", "answer", "scale"), answer("budget.a", "repo", "budget"), answer("team.a", "assumption", "team")]);
    expect(statuses.map((s) => [s.dimension, s.source])).toEqual([
      ["scale", "answer"], ["latency", "assumption"], ["consistency", "assumption"], ["budget", "repo"], ["team", "assumption"], ["security", "assumption"], ["integration", "assumption"],
    ]);
    expect(statuses[0]!.summary).toBe("scale.a statement (assumed). scale.b statement (answered).");
    expect(statuses[1]!.summary).toContain("not asked for this topic");
  });
});
