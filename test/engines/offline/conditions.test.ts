import { describe, expect, it } from "@jest/globals";
import { buildEnv, decisionState, evaluateCondition, imageName, mainLanguage } from "../../../src/engines/offline/conditions.js";
import { makeContext, topics } from "./helpers.js";

const broker = topics.find((t) => t.id === "message-broker")!;

describe("mainLanguage", () => {
  it("picks the most evidenced language, TypeScript over JavaScript", () => {
    const ctx = makeContext({ items: { languages: [["javascript", "a.json"], ["typescript", "tsconfig.json"]] } });
    ctx.languages[0]!.evidence.push({ file: "b.json" }, { file: "c.json" });
    expect(mainLanguage(ctx)).toBe("typescript");
    const py = makeContext({ items: { languages: [["python", "pyproject.toml"], ["go", "go.mod"]] } });
    py.languages[0]!.evidence.push({ file: "requirements.txt" });
    expect(mainLanguage(py)).toBe("python");
    expect(mainLanguage(makeContext())).toBeNull();
  });
});

describe("imageName", () => {
  it("strips registry, namespace, tag and digest", () => {
    expect(imageName("redis:7.2")).toBe("redis");
    expect(imageName("bitnami/redis:7")).toBe("redis");
    expect(imageName("docker.io/library/postgres@sha256:abc")).toBe("postgres");
    expect(imageName("localhost:5000/team/rabbitmq:3-management")).toBe("rabbitmq");
  });
});

describe("evaluateCondition", () => {
  it("an empty condition holds with no evidence", () => {
    expect(evaluateCondition({}, buildEnv(makeContext(), {}))).toEqual({ holds: true, evidence: [] });
  });

  it("uses matches any category item or a service image, with their evidence", () => {
    const ctx = makeContext({ items: { caches: [["redis", "docker-compose.yml", 15]] } });
    const env = buildEnv(ctx, {});
    expect(evaluateCondition({ uses: ["kafka", "redis"] }, env)).toEqual({ holds: true, evidence: [{ file: "docker-compose.yml", line: 15 }] });
    expect(evaluateCondition({ uses: ["kafka"] }, env).holds).toBe(false);
    const viaImage = buildEnv(makeContext({ services: [{ name: "mq", image: "rabbitmq:3-management", file: "compose.yaml", line: 7 }] }), {});
    expect(evaluateCondition({ uses: ["rabbitmq"] }, viaImage)).toEqual({ holds: true, evidence: [{ file: "compose.yaml", line: 7 }] });
  });

  it("lacks holds only when none is used", () => {
    const env = buildEnv(makeContext({ items: { datastores: ["postgresql"] } }), {});
    expect(evaluateCondition({ lacks: ["mysql"] }, env).holds).toBe(true);
    expect(evaluateCondition({ lacks: ["mysql", "postgresql"] }, env).holds).toBe(false);
  });

  it("answer needs every key to hold, a list meaning any of", () => {
    const env = buildEnv(makeContext(), { "scale.rps": "10k-100k", "budget.ops": "none" });
    expect(evaluateCondition({ answer: { "scale.rps": ["10k-100k", "gt-100k"] } }, env).holds).toBe(true);
    expect(evaluateCondition({ answer: { "scale.rps": "10k-100k", "budget.ops": "some" } }, env).holds).toBe(false);
    expect(evaluateCondition({ answer: { "team.size": "1-3" } }, env).holds).toBe(false);
  });

  it("cloud needs deployment evidence and cites it", () => {
    const env = buildEnv(makeContext({ items: { infra: [["aws", "infra/main.tf", 3], ["docker", "Dockerfile"]] } }), {});
    expect(evaluateCondition({ cloud: ["gcp", "aws"] }, env)).toEqual({ holds: true, evidence: [{ file: "infra/main.tf", line: 3 }] });
    expect(evaluateCondition({ cloud: ["azure"] }, env).holds).toBe(false);
  });

  it("language compares the main language", () => {
    const env = buildEnv(makeContext({ items: { languages: [["go", "go.mod", 3]] } }), {});
    expect(evaluateCondition({ language: ["go", "rust"] }, env)).toEqual({ holds: true, evidence: [{ file: "go.mod", line: 3 }] });
    expect(evaluateCondition({ language: ["python"] }, env).holds).toBe(false);
  });

  it("decided and rejected read earlier ADR titles by option id, name or alias", () => {
    const ctx = makeContext({
      decisions: [
        { title: "Use Rabbit MQ for background work", status: "Accepted", file: "docs/adr/0001-rabbit.md" },
        { title: "Adopt Apache Kafka", status: "rejected", file: "docs/adr/0002-kafka.md" },
        { title: "Use SQS", status: "superseded by ADR-0004", file: "docs/adr/0003-sqs.md" },
        { title: "Use NATS", status: "proposed", file: "docs/adr/0004-nats.md" },
      ],
    });
    const env = buildEnv(ctx, {}, broker);
    expect(evaluateCondition({ decided: ["rabbitmq"] }, env).evidence.map((e) => e.file)).toEqual(["docs/adr/0001-rabbit.md"]);
    expect(evaluateCondition({ rejected: ["kafka"] }, env).evidence.map((e) => e.file)).toEqual(["docs/adr/0002-kafka.md"]);
    expect(evaluateCondition({ decided: ["kafka"] }, env).holds).toBe(false);
    // Superseded and proposed records do not bind a new decision…
    expect(evaluateCondition({ decided: ["managed-queue", "sqs"] }, env).holds).toBe(false);
    expect(evaluateCondition({ decided: ["nats"] }, env).holds).toBe(false);
  });

  it("a superseded ADR's status names the choice that replaced it", () => {
    const ctx = makeContext({ decisions: [{ title: "Use RabbitMQ", status: "Superseded by [5. Move to Apache Kafka](0005-move-to-apache-kafka.md)", file: "docs/adr/0001-use-rabbitmq.md" }] });
    const env = buildEnv(ctx, {}, broker);
    expect(evaluateCondition({ decided: ["kafka"] }, env).evidence.map((e) => e.file)).toEqual(["docs/adr/0001-use-rabbitmq.md"]);
    expect(evaluateCondition({ decided: ["rabbitmq"] }, env).holds).toBe(false);
    expect(evaluateCondition({ rejected: ["kafka"] }, env).holds).toBe(false);
  });

  it("combines keys: all must hold and evidence is collected from each", () => {
    const ctx = makeContext({ items: { caches: [["redis", "docker-compose.yml", 15]], infra: [["aws", "main.tf", 1]] } });
    const env = buildEnv(ctx, { "budget.ops": "none" });
    const result = evaluateCondition({ uses: ["redis"], cloud: ["aws"], answer: { "budget.ops": "none" } }, env);
    expect(result.holds).toBe(true);
    expect(result.evidence).toEqual([{ file: "docker-compose.yml", line: 15 }, { file: "main.tf", line: 1 }]);
    expect(evaluateCondition({ uses: ["redis"], cloud: ["gcp"] }, env)).toEqual({ holds: false, evidence: [] });
  });
});

describe("decisionState", () => {
  it("maps statuses", () => {
    expect(decisionState("Accepted")).toBe("decided");
    expect(decisionState(" accepted (2024-01-01)")).toBe("decided");
    expect(decisionState("Rejected")).toBe("rejected");
    expect(decisionState("Superseded by [5. Use Kafka](0005-use-kafka.md)")).toBeNull();
    expect(decisionState(null)).toBeNull();
  });
});

describe("mainLanguage with capped evidence", () => {
  it("ranks by the scanner's full evidence count, not the capped list", () => {
    const twenty = Array.from({ length: 20 }, (_, i) => ({ file: `p${i}/go.mod` }));
    const context = {
      root: "/r", frameworks: [], datastores: [], caches: [], messaging: [], apiStyles: [], auth: [], infra: [], ci: [],
      services: [], packages: [], existingDecisions: [], warnings: [],
      languages: [
        { name: "go", evidence: twenty, evidenceCount: 20 },
        { name: "python", evidence: twenty.map((e) => ({ file: e.file.replace("go.mod", "pyproject.toml") })), evidenceCount: 340 },
      ],
    };
    expect(mainLanguage(context as never)).toBe("python");
  });
});
