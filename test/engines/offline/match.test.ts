import { describe, expect, it } from "@jest/globals";
import { AdrgenError } from "../../../src/domain/errors.js";
import { listTopics, matchTopic, unknownTopicError } from "../../../src/engines/offline/match.js";
import { normalizeWords, stem } from "../../../src/engines/offline/text.js";
import { topics } from "./helpers.js";

const has = (id: string) => topics.some((t) => t.id === id);

describe("normalizeWords", () => {
  it("lower-cases, splits punctuation, drops stop words and stems plurals", () => {
    expect(normalizeWords("How should we do Auth?")).toEqual(["auth"]);
    expect(normalizeWords("Pub/Sub brokers for the queues")).toEqual(["pub", "sub", "broker", stem("queue")]);
    expect(normalizeWords("Read replicas & queries")).toEqual(["read", "replica", "query"]);
    expect(normalizeWords("Café CACHES")).toEqual(normalizeWords("cafe cache"));
    expect(normalizeWords("  ")).toEqual([]);
  });
  it("maps singular and plural to one form and keeps words that only look plural", () => {
    expect(stem("redis")).toBe("redis");
    expect(stem("status")).toBe("status");
    for (const [plural, singular] of [["caches", "cache"], ["boxes", "box"], ["batches", "batch"], ["queues", "queue"], ["queries", "query"], ["services", "service"]]) {
      expect(stem(plural!)).toBe(stem(singular!));
    }
  });
});

describe("matchTopic", () => {
  const cases: Array<[string, string, string[]?]> = [
    ["choose message queue", "message-broker"],
    ["Kafka vs RabbitMQ", "message-broker", ["kafka", "rabbitmq"]],
    ["RabbitMQ or Kafka for order events", "message-broker", ["rabbitmq", "kafka"]],
    ["Which message brokers should we use?", "message-broker"],
    ["how should we do auth?", "authentication"],
    ["Authentication for the mobile app", "authentication"],
    ["Postgres or Mongo for orders", "primary-database", ["postgresql", "mongodb"]],
    ["Pick a primary database", "primary-database"],
    ["choose a cache", "cache"],
    ["Redis or Memcached", "cache", ["redis", "memcached"]],
    ["REST vs GraphQL", "api-style", ["rest", "graphql"]],
    ["monolith or microservices", "service-architecture", ["monolith", "microservices"]],
    ["search engine for products", "search-engine"],
    ["Vault vs AWS Secrets Manager", "secrets-management", ["vault", "cloud-secret-manager"]],
    ["sharding strategy", "data-partitioning"],
    ["background jobs", "background-jobs"],
    ["rate limiting for the public API", "rate-limiting"],
    ["event sourcing", "event-driven-patterns", ["event-sourcing"]],
    ["CI pipeline", "ci-cd"],
  ];
  for (const [title, topic, named] of cases) {
    const run = has(topic) ? it : it.skip;
    run(`"${title}" → ${topic}`, () => {
      const match = matchTopic(title, topics);
      expect(match?.topic.id).toBe(topic);
      if (named) expect(match?.namedOptions).toEqual(named);
    });
  }

  (has("api-versioning") ? it : it.skip)("API versioning strategy → api-versioning", () => {
    expect(matchTopic("API versioning strategy", topics)?.topic.id).toBe("api-versioning");
  });

  it("returns null for unknown topics and empty titles", () => {
    for (const title of ["pick a colour for the logo", "lunch menu for Friday", "", "   ", "???"]) expect(matchTopic(title, topics)).toBeNull();
  });

  it("phrases beat option names beat keywords, and confidence says which matched", () => {
    const phrase = matchTopic("choose message queue", topics)!;
    const options = matchTopic("Kafka vs RabbitMQ", topics)!;
    expect(phrase.confidence).toBe("high");
    expect(options.confidence).toBe("high");
    const keyword = matchTopic("messaging", topics)!;
    expect(keyword.topic.id).toBe("message-broker");
    expect(keyword.confidence).toBe("low");
    expect(phrase.score).toBeGreaterThan(keyword.score);
  });

  it("is deterministic and independent of topic order", () => {
    const reversed = [...topics].reverse();
    for (const title of ["Redis or Memcached", "choose a cache", "Kafka vs RabbitMQ", "queue"]) {
      const a = matchTopic(title, topics)!;
      const b = matchTopic(title, reversed)!;
      expect(b.topic.id).toBe(a.topic.id);
      expect(b.namedOptions).toEqual(a.namedOptions);
      expect(b.alternatives).toEqual(a.alternatives);
    }
  });

  it("a word of the topic's own id beats an option name of another topic; a longer option name claims its words", () => {
    const secrets = matchTopic("Secrets in Kubernetes", topics)!;
    expect(secrets.topic.id).toBe("secrets-management");
    expect(secrets.confidence).toBe("medium");
    expect(secrets.alternatives.map((a) => a.id)).toContain("container-orchestration");
    expect(matchTopic("Which workflow engine for order fulfilment", topics)?.topic.id).toBe("background-jobs");
    expect(matchTopic("Which grid for the pricing engine", topics)).toBeNull();
  });

  it("a phrase reduced to one word by its filler words is weaker than a phrase", () => {
    // "should we use kubernetes" keeps only "kubernetes"; it must not outweigh the secrets topic above.
    expect(matchTopic("Should we use Kubernetes?", topics)?.topic.id).toBe("container-orchestration");
  });

  it("lists close topics as alternatives", () => {
    const match = matchTopic("Use Redis", topics)!;
    expect(match.alternatives.map((a) => a.id)).toContain("message-broker");
    expect(match.alternatives.every((a) => a.score <= match.score)).toBe(true);
  });

  it("every topic is found by each of its own phrases", () => {
    const misses: string[] = [];
    for (const topic of topics) {
      for (const phrase of topic.match.phrases) {
        if (matchTopic(phrase, topics)?.topic.id !== topic.id) misses.push(`${topic.id}: "${phrase}" → ${matchTopic(phrase, topics)?.topic.id}`);
      }
    }
    expect(misses).toEqual([]);
  });
});

describe("listTopics and unknownTopicError", () => {
  it("lists every topic with an example phrase, sorted by id", () => {
    const list = listTopics(topics);
    expect(list.map((t) => t.id)).toEqual(topics.map((t) => t.id).sort());
    expect(list.every((t) => t.example.length > 0 && matchTopic(t.example, topics)?.topic.id === t.id)).toBe(true);
  });
  it("is a usage error naming every topic and the ways forward", () => {
    const error = unknownTopicError("lunch menu", topics);
    expect(error).toBeInstanceOf(AdrgenError);
    expect(error.exitCode).toBe(2);
    for (const topic of topics) expect(error.message).toContain(topic.id);
    expect(error.hint).toContain("--option");
    expect(error.hint).toContain("Anthropic");
  });
});
