import { afterAll, describe, expect, it } from "@jest/globals";
import { cpSync } from "node:fs";
import path from "node:path";
import { decisionSchema } from "../../../src/domain/decision.js";
import { AdrgenError } from "../../../src/domain/errors.js";
import { validateDecision } from "../../../src/domain/validate-decision.js";
import { TO_BE_FILLED } from "../../../src/engines/offline/custom-topic.js";
import { scanRepository } from "../../../src/scan/scan.js";
import { cleanupTempDirs, makeTempDir } from "../../helpers/tmp.js";
import { decideWith, engine, generic, makeContext, topics } from "./helpers.js";

afterAll(cleanupTempDirs);

const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures/repos");
const broker = topics.find((t) => t.id === "message-broker")!;

async function scanFixture(name: string) {
  const dir = makeTempDir();
  cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return scanRepository(dir, { useGit: false });
}

describe("decide() on a scanned fixture repository", () => {
  it("Redis already in compose and modest volume → a Redis-based queue, citing files that exist in the scan", async () => {
    const context = await scanFixture("node-postgres-redis");
    const { decision, engine: name, source } = await decideWith("choose message queue", context, { "scale.rps": "100-1k" });
    expect(decision.chosen.optionId).toBe("redis-queue");
    expect(decision.chosen.because).toMatch(/Redis already runs here \(docker-compose\.yml:\d+/);
    expect(name).toBe("offline");
    expect(source).toBe(`message-broker@${broker.version}`);
    const repoFacts = decision.facts.filter((f) => f.source === "repo");
    expect(repoFacts.map((f) => f.statement)).toEqual(expect.arrayContaining([expect.stringContaining("redis"), expect.stringContaining("bullmq")]));
    expect(validateDecision(decision, context)).toEqual([]);
    expect(decisionSchema.safeParse(decision).success).toBe(true);
    // bullmq answers the pattern question from the repository, with its evidence.
    expect(decision.facts).toContainEqual(expect.objectContaining({ source: "repo", dimension: "integration", evidence: [expect.stringMatching(/^package\.json:\d+$/)] }));
    expect(decision.teamFit).toContain("already runs in this repository");
  });

  it("every topic decides on every fixture repository and passes the QA checklist", async () => {
    for (const fixture of ["python-fastapi-celery-rabbitmq", "go-kafka-k8s", "terraform-aws", "rails-app"]) {
      const context = await scanFixture(fixture);
      for (const topic of topics) {
        const { decision } = await decideWith(topic.match.phrases[0]!, context);
        expect({ fixture, topic: topic.id, problems: validateDecision(decision, context) }).toEqual({ fixture, topic: topic.id, problems: [] });
      }
    }
  });
});

describe("decide(): the issue's expert scenarios", () => {
  it("replay + very high throughput → a log-based broker (Kafka)", async () => {
    const { decision } = await decideWith("choose message queue", makeContext(), { "message-broker.replay": "yes", "scale.rps": "gt-100k" });
    expect(decision.chosen.optionId).toBe("kafka");
    expect(decision.drivers.find((d) => d.id === "throughput")!.statement).toContain("Peak load above 10,000 messages per second");
  });

  it("strict per-key ordering and exactly-once are named as such", async () => {
    const { decision } = await decideWith("Kafka vs RabbitMQ", makeContext(), { "message-broker.ordering": "per-key", "message-broker.delivery": "exactly-once" });
    expect(decision.chosen.optionId).toBe("kafka");
    expect(decision.chosen.because).toMatch(/per-key ordering/i);
    expect(decision.chosen.because).toMatch(/exactly-once/i);
    expect(decision.dimensions.find((d) => d.dimension === "consistency")!.source).toBe("answer");
  });

  it("tiny team and no ops capacity → managed offerings", async () => {
    const aws = makeContext({ items: { infra: [["aws", "infra/main.tf", 3]] } });
    const broker = await decideWith("choose message queue", aws, { "team.size": "1-3", "budget.ops": "none" });
    expect(broker.decision.chosen.optionId).toBe("managed-queue");
    expect(broker.decision.guidelines.join(" ")).toContain("Amazon SQS");
    expect(broker.decision.chosen.because).toContain("infra/main.tf:3");
    const db = await decideWith("choose a primary database", aws, { "team.size": "1-3", "budget.ops": "none" });
    expect(db.decision.chosen.optionId).toBe("postgresql");
    expect(db.decision.guidelines.join(" ")).toMatch(/On AWS, use the managed offering: .*RDS/);
  });
});

describe("decide(): shape of the decision", () => {
  it("is deterministic: the same input gives a deep-equal decision", async () => {
    const context = makeContext({ items: { caches: [["redis", "docker-compose.yml", 15]], languages: [["typescript", "tsconfig.json"]] } });
    const a = await decideWith("choose message queue", context, { "scale.rps": "1k-10k" });
    const b = await decideWith("choose message queue", structuredClone(context), { "scale.rps": "1k-10k" });
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it("puts named options first and keeps every topic option", async () => {
    const { decision } = await decideWith("NATS or Kafka", makeContext(), {}, ["nats-jetstream", "kafka"]);
    expect(decision.options.map((o) => o.id).slice(0, 2)).toEqual(["nats-jetstream", "kafka"]);
    expect(decision.options.map((o) => o.id).sort()).toEqual(broker.options.map((o) => o.id).sort());
  });

  it("carries the decision matrix: every option scored on every driver, drivers weighted", async () => {
    const { decision } = await decideWith("choose message queue", makeContext(), { "budget.ops": "none" });
    for (const option of decision.options) expect(Object.keys(option.driverScores).sort()).toEqual(decision.drivers.map((d) => d.id).sort());
    const ops = decision.drivers.find((d) => d.id === "ops-effort")!;
    expect(ops.weight).toBe(6);
    expect(ops.statement).toContain("Weight 3 → 6");
    expect(decision.chosen.driversAddressed).toEqual(decision.drivers.map((d) => d.id));
  });

  it("reproduces the worked example of docs/readme/offline-engine.md", async () => {
    const context = makeContext({ items: { caches: [["redis", "docker-compose.yml", 15]] }, services: [{ name: "cache", image: "redis:7.2", line: 14 }] });
    const { decision } = await decideWith("choose message queue", context, { "scale.rps": "100-1k" });
    expect(decision.drivers.map((d) => d.weight)).toEqual([3, 2, 3, 2, 3, 2, 2, 1, 1]);
    expect(decision.options.find((o) => o.id === "redis-queue")!.score).toBe(4.83);
    expect(decision.options.find((o) => o.id === "rabbitmq")!.score).toBe(3.84);
    expect(decision.chosen.because).toBe(
      "it has the best weighted score (4.83 against 3.84 for RabbitMQ), strongest on the drivers that weigh most here: low operational effort (4/5, weight 3), throughput head-room (4/5, weight 3) and cost at this scale (5/5, weight 2). Redis already runs here (docker-compose.yml:15, docker-compose.yml:14) and the volume is modest, so a Redis-based queue adds no new infrastructure",
    );
  });

  it("says which alternative would win if a named assumption flipped", async () => {
    const { decision } = await decideWith("choose message queue", makeContext());
    const flip = decision.alternatives.find((a) => a.when.startsWith("If the assumption") && a.when.includes("scale.rps="));
    expect(flip?.when).toMatch(/^If the assumption "Peak load stays between 100 and 1,000 operations per second" were instead .* \(scale\.rps=[^)]+\), .+ would win\.$/);
    expect(decision.options.map((o) => o.id)).toContain(flip!.optionId);
  });

  it("is low-confidence and says what would settle it when decisive answers are assumed", async () => {
    const { decision } = await decideWith("choose message queue", makeContext());
    expect(decision.confidence.level).toBe("low");
    expect(decision.confidence.reason).toContain("settle the answers below");
    expect(decision.confidence.wouldSettle.length).toBeGreaterThan(0);
    expect(decision.confidence.wouldSettle).toContain("scale.rps: What peak load must it handle (requests, messages or queries per second)? Assumed 100-1k; gt-100k would make Apache Kafka win.");
    expect(decision.assumptions.length).toBeGreaterThan(5);
  });

  it("is high-confidence when every answer is given and the lead is clear", async () => {
    const all = Object.fromEntries([...generic, ...broker.questions].map((q) => [q.key, q.assumption.value]));
    const { decision } = await decideWith("choose message queue", makeContext(), { ...all, "integration.cloud": "on-prem", "message-broker.replay": "yes", "scale.rps": "gt-100k", "budget.ops": "dedicated" });
    expect(decision.chosen.optionId).toBe("kafka");
    expect(decision.confidence).toMatchObject({ level: "high", wouldSettle: [] });
    expect(decision.assumptions).toEqual([]);
    expect(decision.dimensions.every((d) => d.source === "answer")).toBe(true);
  });

  it("records earlier ADRs that name an option as evidenced facts", async () => {
    const context = makeContext({ decisions: [{ title: "Use RabbitMQ for background work", status: "Accepted", file: "docs/adr/0001-use-rabbitmq.md" }] });
    const { decision } = await decideWith("choose message queue", context);
    expect(decision.facts).toContainEqual({ statement: 'An earlier ADR, "Use RabbitMQ for background work", is accepted.', source: "repo", evidence: ["docs/adr/0001-use-rabbitmq.md"], dimension: "integration" });
    expect(decision.options.find((o) => o.id === "rabbitmq")!.good.join(" ")).toContain("An earlier ADR chose RabbitMQ");
    expect(validateDecision(decision, context)).toEqual([]);
  });

  it("rejects an answer value that is not one of the question's choices", async () => {
    const answers = [{ key: "scale.rps", dimension: "scale" as const, value: "lots", source: "answer" as const, statement: "Lots.", evidence: [] }];
    const error = await engine.decide({ title: "choose message queue", context: makeContext(), answers, namedOptions: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdrgenError);
    expect((error as AdrgenError).message).toContain("scale.rps=lots");
  });

  it("uses the request's answers as given and notes feedback it cannot apply", async () => {
    const context = makeContext();
    const plan = await engine.plan({ title: "choose message queue", context, given: {} });
    const answers = plan.questions.map((q) => ({ key: q.key, dimension: q.dimension, value: q.key === "scale.rps" ? "gt-100k" : q.assumption.value, source: q.key === "scale.rps" ? ("answer" as const) : ("assumption" as const), statement: q.key === "scale.rps" ? "We peak at 250k msg/s." : q.assumption.statement, evidence: [] }));
    const result = await engine.decide({ title: "choose message queue", context, answers, namedOptions: [], feedback: "prefer something simpler" });
    expect(result.decision.facts).toContainEqual({ statement: "We peak at 250k msg/s.", source: "answer", evidence: [], dimension: "scale" });
    expect(result.notes).toEqual([expect.stringContaining("cannot apply free-text feedback")]);
  });
});

describe("decide(): unknown topics and user-given options", () => {
  it("an unknown topic without options is a usage error listing the topics", async () => {
    const error = await decideWith("lunch menu for Friday", makeContext()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdrgenError);
    expect((error as AdrgenError).exitCode).toBe(2);
    expect((error as AdrgenError).message).toContain("message-broker");
    expect((error as AdrgenError).hint).toContain("--option A --option B");
  });

  it("an unknown title whose named options belong to one topic decides on that topic", async () => {
    const { decision } = await decideWith("Project Falcon transport", makeContext(), {}, ["Kafka", "RabbitMQ"]);
    expect(decision.topic).toBe("message-broker");
    expect(decision.options.slice(0, 2).map((o) => o.id)).toEqual(["kafka", "rabbitmq"]);
  });

  it("user-given options on an unknown topic are scored on generic criteria, facts to be filled in, low confidence", async () => {
    const context = makeContext({ items: { datastores: [["hazelcast", "docker-compose.yml", 9]] } });
    const result = await decideWith("Which grid for the pricing engine", context, {}, ["Apache Ignite", "Hazelcast"]);
    const { decision } = result;
    expect(result.source).toBe("custom@1");
    expect(decision.options.map((o) => o.name)).toEqual(["Apache Ignite", "Hazelcast"]);
    expect(decision.drivers.map((d) => d.dimension).sort()).toEqual(["budget", "consistency", "integration", "latency", "scale", "security", "team"]);
    // Only repository evidence separates them: Hazelcast already runs here.
    expect(decision.chosen.optionId).toBe("hazelcast");
    expect(decision.chosen.because).toContain("docker-compose.yml:9");
    expect(decision.confidence.level).toBe("low");
    expect(decision.confidence.reason).toContain("no topic for this decision");
    for (const option of decision.options) {
      expect(option.good.join(" ")).toContain(TO_BE_FILLED);
      expect(option.bad.join(" ")).toContain(TO_BE_FILLED);
    }
    expect(decision.analysis.domain.startsWith(TO_BE_FILLED)).toBe(true);
    expect(decisionSchema.safeParse(decision).success).toBe(true);
    expect(validateDecision(decision, context)).toEqual([]);
  });

  it("says so when user-given options tie on the generic criteria", async () => {
    const { decision } = await decideWith("Which grid for the pricing engine", makeContext(), {}, ["Apache Ignite", "Hazelcast"]);
    expect(decision.chosen.optionId).toBe("apache-ignite");
    expect(decision.chosen.because).toBe(
      "it ties with Hazelcast at 3.00 and comes first in the order considered, so the tie is not a reason to prefer it; the answers and facts under confidence must settle it",
    );
    expect(decision.confidence.level).toBe("low");
  });

  it("an option the topic does not know is listed unscored, marked to be filled in, and lowers confidence", async () => {
    const all = Object.fromEntries([...generic, ...broker.questions].map((q) => [q.key, q.assumption.value]));
    const { decision } = await decideWith("Kafka vs Pulsar", makeContext(), { ...all, "message-broker.replay": "yes", "scale.rps": "gt-100k", "budget.ops": "dedicated" }, ["Pulsar"]);
    expect(decision.options.map((o) => o.id).slice(0, 2)).toEqual(["kafka", "pulsar"]);
    const pulsar = decision.options.find((o) => o.id === "pulsar")!;
    expect(pulsar.score).toBeUndefined();
    expect(pulsar.good[0]).toContain(TO_BE_FILLED);
    expect(decision.chosen.optionId).toBe("kafka");
    expect(decision.confidence.level).toBe("low");
    expect(decision.confidence.wouldSettle).toContainEqual(expect.stringContaining("Fill in the facts for Pulsar"));
    expect(decision.alternatives).toContainEqual({ optionId: "pulsar", when: expect.stringContaining(TO_BE_FILLED) });
    expect(validateDecision(decision)).toEqual([]);
  });
});

describe("decide(): team fit", () => {
  it("says when the winner already runs in the repository, by option id or alias", async () => {
    const context = makeContext({ items: { messaging: [["nats", "docker-compose.yml", 3]] } });
    const { decision } = await decideWith("choose message queue", context);
    expect(decision.chosen.optionId).toBe("nats-jetstream");
    expect(decision.teamFit).toContain("NATS JetStream already runs in this repository (docker-compose.yml:3)");
  });
});
