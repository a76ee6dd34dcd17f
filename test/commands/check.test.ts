import { afterAll, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import { runAdrgen } from "../helpers/run.js";
import { cleanupTempDirs, git, makeGitRepo, makeTempDir, writeFiles } from "../helpers/tmp.js";
import { renderMachineBlock } from "../../src/render/machine-block.js";

afterAll(cleanupTempDirs);

const brokerAdr = (status: string, extra = "") => `---
status: ${status}
date: 2026-01-10
---

# Use RabbitMQ for background work

## Context and Problem Statement

Workers need a queue.

## Considered Options

* RabbitMQ
* Apache Kafka

## Decision Outcome

Chosen option: "RabbitMQ", because routing and retries matter more than replay.

### Consequences

* Good, because it is simple to run.
${extra}`;

const RABBIT_COMPOSE = "services:\n  broker:\n    image: rabbitmq:3.13-management\n";
const KAFKA_COMPOSE = "services:\n  broker:\n    image: apache/kafka:3.7.0\n";

describe("adrgen check: drift", () => {
  it("finds nothing while compose runs the chosen broker", async () => {
    const dir = makeGitRepo({ "docs/adr/0001-use-rabbitmq.md": brokerAdr("accepted"), "docker-compose.yml": RABBIT_COMPOSE });
    const result = await runAdrgen(["check"], { cwd: dir });
    expect(result.stdout).toBe("");
    expect(result.code).toBe(0);
  });

  it("warns when compose now runs Kafka instead of the chosen RabbitMQ, with evidence; --strict fails", async () => {
    const dir = makeGitRepo({ "docs/adr/0001-use-rabbitmq.md": brokerAdr("accepted"), "docker-compose.yml": RABBIT_COMPOSE });
    writeFiles(dir, { "docker-compose.yml": KAFKA_COMPOSE });
    const result = await runAdrgen(["check"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split("\n")).toEqual([
      'docs/adr/0001-use-rabbitmq.md:19 warning drift chosen option "RabbitMQ" is no longer found in the repository: no rabbitmq',
      'docs/adr/0001-use-rabbitmq.md:19 warning drift rejected option "Apache Kafka" is now in the repository: kafka (docker-compose.yml:3); the ADR chose "RabbitMQ"',
    ]);
    const strict = await runAdrgen(["check", "--strict"], { cwd: dir });
    expect(strict.code).toBe(1);
    const skipped = await runAdrgen(["check", "--no-drift"], { cwd: dir });
    expect(skipped.stdout).toBe("");
  });

  it("finds drift in an ADR that adrgen new wrote once compose and package.json move from RabbitMQ to Kafka", async () => {
    const dir = makeGitRepo({
      "docker-compose.yml": "services:\n  broker:\n    image: rabbitmq:3.13-management\n",
      "package.json": JSON.stringify({ name: "x", dependencies: { amqplib: "^0.10.0" } }),
    });
    const created = await runAdrgen(["new", "choose message queue", "--yes"], { cwd: dir });
    expect(created.code).toBe(0);
    const adr = created.stdout.trim();
    // The repository already runs RabbitMQ, so the offline advisor keeps it; the drift below depends on that.
    expect(readFileSync(path.join(dir, adr), "utf8")).toContain('Chosen option: "RabbitMQ"');
    expect((await runAdrgen(["status", "1", "accepted"], { cwd: dir })).code).toBe(0);
    expect((await runAdrgen(["check"], { cwd: dir })).stdout).toBe("");

    writeFiles(dir, {
      "docker-compose.yml": KAFKA_COMPOSE,
      "package.json": JSON.stringify({ name: "x", dependencies: { kafkajs: "^2.2.4" } }),
    });
    const result = await runAdrgen(["check", "--json"], { cwd: dir });
    expect(result.code).toBe(0);
    const messages = JSON.parse(result.stdout).findings.map((f: { rule: string; severity: string; message: string }) => `${f.rule} ${f.severity} ${f.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^drift warning chosen option "RabbitMQ" is no longer found in the repository: no rabbitmq \(when the ADR was written: docker-compose\.yml:3/),
      expect.stringMatching(/^drift warning rejected option "Apache Kafka" is now in the repository: kafka \(docker-compose\.yml:3, package\.json:1\); the ADR chose "RabbitMQ"$/),
    ]);
  });

  it("judges only accepted ADRs", async () => {
    const dir = makeTempDir({ "docs/adr/0001-use-rabbitmq.md": brokerAdr("proposed"), "docker-compose.yml": KAFKA_COMPOSE });
    const result = await runAdrgen(["check", "--json"], { cwd: dir });
    expect(JSON.parse(result.stdout).findings).toEqual([]);
  });

  it("does not count a rejected option that already ran when adrgen wrote the ADR", async () => {
    const block = renderMachineBlock({
      adrgen: "0.1.0",
      engine: "offline",
      source: "message-broker@1",
      topic: "message-broker",
      answers: [],
      assumptions: [],
      context: [{ name: "kafka", evidence: ["docker-compose.yml:6"] }],
      sections: {},
    });
    const compose = `${RABBIT_COMPOSE}  stream:\n    image: apache/kafka:3.7.0\n`;
    const dir = makeTempDir({ "docs/adr/0001-use-rabbitmq.md": brokerAdr("accepted", `\n${block}`), "docker-compose.yml": compose });
    const result = await runAdrgen(["check", "--json"], { cwd: dir });
    expect(JSON.parse(result.stdout).findings).toEqual([]);
    // Without the machine block the same repository shows Kafka as a rejected option that runs.
    writeFiles(dir, { "docs/adr/0001-use-rabbitmq.md": brokerAdr("accepted") });
    const handWritten = await runAdrgen(["check", "--json"], { cwd: dir });
    expect(JSON.parse(handWritten.stdout).findings.map((f: { rule: string; message: string }) => [f.rule, f.message])).toEqual([
      ["drift", 'rejected option "Apache Kafka" is now in the repository: kafka (docker-compose.yml:5); the ADR chose "RabbitMQ"'],
    ]);
  });

  it("config lint.rules can turn drift into an error", async () => {
    const dir = makeTempDir({
      ".adrgenrc.json": JSON.stringify({ lint: { rules: { drift: "error" } } }),
      "docs/adr/0001-use-rabbitmq.md": brokerAdr("accepted"),
      "docker-compose.yml": KAFKA_COMPOSE,
    });
    const result = await runAdrgen(["check"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("error drift");
    expect(result.stderr).not.toContain("unknown rule");
  });
});

describe("adrgen check: repository state", () => {
  it("passes on a repository holding only what init and new --blank wrote", async () => {
    const dir = makeGitRepo({ "README.md": "# app\n" });
    expect((await runAdrgen(["init"], { cwd: dir })).code).toBe(0);
    expect((await runAdrgen(["new", "Use PostgreSQL", "--blank"], { cwd: dir })).code).toBe(0);
    expect((await runAdrgen(["new", "Choose a queue", "--blank", "--template", "nygard"], { cwd: dir })).code).toBe(0);
    git(dir, "add", "-A");
    git(dir, "commit", "-q", "-m", "adrs");
    const result = await runAdrgen(["check", "--base", "main"], { cwd: dir });
    expect(result.stdout).not.toContain("error");
    expect(result.code).toBe(0);
  });

  it("reports duplicate numbers in the tree, a broken supersede target and a stale index as errors", async () => {
    const dir = makeTempDir({
      "docs/adr/0001-use-kafka.md": `# 1. Use Kafka\n\nDate: 2026-01-10\n\n## Status\n\nAccepted\n\nSupersedes [9. Old](0009-old.md)\n\n## Context\n\nx\n`,
      "docs/adr/0001-use-redis.md": `# 1. Use Redis\n\nDate: 2026-01-10\n\n## Status\n\nAccepted\n\n## Context\n\nx\n`,
    });
    expect((await runAdrgen(["index"], { cwd: dir })).code).toBe(0);
    writeFiles(dir, { "docs/adr/0002-use-nats.md": `# 2. Use NATS\n\nDate: 2026-01-11\n\n## Status\n\nProposed\n\n## Context\n\nx\n` });
    const result = await runAdrgen(["check", "--json"], { cwd: dir });
    expect(result.code).toBe(1);
    const rules = JSON.parse(result.stdout).findings.map((f: { file: string; rule: string; severity: string }) => `${f.file} ${f.rule} ${f.severity}`);
    expect(rules).toEqual(
      expect.arrayContaining([
        "docs/adr/0001-use-kafka.md duplicate-number error",
        "docs/adr/0001-use-redis.md duplicate-number error",
        "docs/adr/0001-use-kafka.md link-target error",
        "docs/adr/README.md index-stale error",
      ]),
    );
  });

  it("--format github prints exact workflow annotations on stdout", async () => {
    const dir = makeTempDir({
      "docs/adr/0001-use-kafka.md": `# 1. Use Kafka\n\nDate: 2026-01-10\n\n## Status\n\nAccepted\n\n## Context\n\nSee [the plan](100%-plan.md)\n\n## Decision\n\nx\n\n## Consequences\n\nx\n`,
      "docs/adr/0001-use-redis.md": `# 1. Use Redis\n\nDate: 2026-01-10\n\n## Status\n\nAccepted\n\n## Context\n\nx\n\n## Decision\n\nx\n\n## Consequences\n\nx\n`,
    });
    const result = await runAdrgen(["check", "--format", "github"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout.trim().split("\n")).toEqual([
      "::error file=docs/adr/0001-use-kafka.md,line=1,title=adrgen duplicate-number::ADR number 1 is used by 2 files: 0001-use-kafka.md, 0001-use-redis.md",
      '::error file=docs/adr/0001-use-kafka.md,line=11,title=adrgen link-target::link to "100%25-plan.md" points to a file that does not exist',
      "::error file=docs/adr/0001-use-redis.md,line=1,title=adrgen duplicate-number::ADR number 1 is used by 2 files: 0001-use-kafka.md, 0001-use-redis.md",
    ]);
  });

  it("rejects --json with --format github (exit 2)", async () => {
    const dir = makeTempDir({});
    const result = await runAdrgen(["check", "--json", "--format", "github"], { cwd: dir });
    expect(result.code).toBe(2);
  });
});
