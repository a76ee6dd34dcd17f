import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { resolveWorkspace } from "../../src/config/workspace.js";
import { suggestAdrs, type SuggestReport } from "../../src/app/suggest.js";
import { cleanupTempDirs, git, makeGitRepo, writeFiles } from "../helpers/tmp.js";
import { FIXTURES, fixtureFiles } from "../scan/fixture-repo.js";

afterAll(cleanupTempDirs);


/** A git repository holding a fixture on main, with a `feature` branch checked out. */
function fixtureRepo(name: string, overrides: Record<string, string | Buffer> = {}): string {
  const repo = makeGitRepo({ ...fixtureFiles(name), ...overrides });
  git(repo, "switch", "-q", "-c", "feature");
  return repo;
}

function commitAll(repo: string, files: Record<string, string | Buffer>, message = "change"): void {
  writeFiles(repo, files);
  git(repo, "add", "-A");
  git(repo, "commit", "-q", "-m", message);
}

async function suggest(repo: string, options: Parameters<typeof suggestAdrs>[0] = {}): Promise<SuggestReport> {
  return suggestAdrs(options, { workspace: await resolveWorkspace({ cwd: repo }) });
}

function withDependency(repo: string, name: string, version: string, without?: string): string {
  const manifest = JSON.parse(readFileSync(path.join(repo, "package.json"), "utf8"));
  manifest.dependencies[name] = version;
  if (without) delete manifest.dependencies[without];
  return JSON.stringify(manifest, null, 2);
}

const KAFKA_ADR = `---
status: accepted
date: 2026-01-10
---

# Choose an event streaming platform

## Context and Problem Statement

Orders need an event log.

## Considered Options

* Apache Kafka
* RabbitMQ

## Decision Outcome

Chosen option: "Apache Kafka", because it keeps a replayable log.

### Consequences

* Good, because consumers can replay.
`;

describe("suggestAdrs", () => {
  it("suggests an ADR for Kafka added on a branch, with the command that writes it", async () => {
    const repo = fixtureRepo("node-postgres-redis");
    commitAll(repo, { "package.json": withDependency(repo, "kafkajs", "^2.2.4") });
    const report = await suggest(repo);
    const kafka = report.changes.find((change) => change.technologies.includes("kafka"));
    expect(kafka).toMatchObject({ kind: "added", category: "messaging", covered: false, file: "package.json" });
    expect(kafka!.line).toEqual(expect.any(Number));
    expect(kafka!.proposal!.title).toBe("Use Kafka for messaging");
    expect(kafka!.proposal!.command).toBe("adrgen new 'Use Kafka for messaging' --option Kafka --option BullMQ");
    expect(report.base).toMatch(/^main \(fork point [0-9a-f]{7}\)$/);
  });

  it("marks the change covered once an ADR chooses Kafka", async () => {
    const repo = fixtureRepo("node-postgres-redis");
    commitAll(repo, { "package.json": withDependency(repo, "kafkajs", "^2.2.4"), "docs/adr/0001-choose-an-event-streaming-platform.md": KAFKA_ADR });
    const kafka = (await suggest(repo)).changes.find((change) => change.technologies.includes("kafka"));
    expect(kafka).toMatchObject({ covered: true, proposal: null });
    expect(kafka!.coveredBy.map((adr) => adr.file)).toEqual(["docs/adr/0001-choose-an-event-streaming-platform.md"]);
  });

  it("does not count a rejected ADR as covering", async () => {
    const repo = fixtureRepo("node-postgres-redis");
    const rejected = KAFKA_ADR.replace("status: accepted", "status: rejected");
    commitAll(repo, { "package.json": withDependency(repo, "kafkajs", "^2.2.4"), "docs/adr/0001-choose-an-event-streaming-platform.md": rejected });
    const kafka = (await suggest(repo)).changes.find((change) => change.technologies.includes("kafka"));
    expect(kafka!.covered).toBe(false);
  });

  it("reads amqplib removed and kafkajs added as replacing RabbitMQ with Kafka", async () => {
    const repo = makeGitRepo(fixtureFiles("node-postgres-redis"));
    commitAll(repo, { "package.json": withDependency(repo, "amqplib", "^0.10.4", "bullmq") });
    git(repo, "switch", "-q", "-c", "feature");
    commitAll(repo, { "package.json": withDependency(repo, "kafkajs", "^2.2.4", "amqplib") });
    const report = await suggest(repo);
    const replaced = report.changes.filter((change) => change.kind === "replaced");
    expect(replaced.map((change) => change.summary)).toEqual(["replace RabbitMQ with Kafka (messaging)"]);
    expect(replaced[0]!.proposal!.command).toBe("adrgen new 'Replace RabbitMQ with Kafka' --option Kafka --option RabbitMQ");
  });

  it("suggests a PostgreSQL 12 → 16 bump as an upgrade", async () => {
    const compose = readFileSync(path.join(FIXTURES, "node-postgres-redis/docker-compose.yml"), "utf8");
    const repo = fixtureRepo("node-postgres-redis", { "docker-compose.yml": compose.replace("postgres:16-alpine", "postgres:12") });
    commitAll(repo, { "docker-compose.yml": compose.replace("postgres:16-alpine", "postgres:16") });
    const report = await suggest(repo);
    expect(report.changes).toHaveLength(1);
    expect(report.changes[0]).toMatchObject({ kind: "upgraded", category: "datastores", technologies: ["postgresql"], fromVersion: "12", toVersion: "16", file: "docker-compose.yml", covered: false });
    expect(report.changes[0]!.proposal!.title).toBe("Upgrade PostgreSQL from 12 to 16");
  });

  it("finds nothing when files are only renamed", async () => {
    const repo = fixtureRepo("node-postgres-redis");
    git(repo, "mv", "docker-compose.yml", "compose.yaml");
    git(repo, "mv", "README.md", "ABOUT.md");
    git(repo, "commit", "-q", "-m", "rename");
    const report = await suggest(repo);
    expect(report.changes).toEqual([]);
    expect(report.warnings).toEqual([]);
  });

  it("turns a binary manifest on the head into a warning, not a crash", async () => {
    const repo = fixtureRepo("node-postgres-redis");
    commitAll(repo, { "package.json": Buffer.from([0x7b, 0x00, 0x01, 0x02, 0xff]) });
    const report = await suggest(repo);
    expect(report.warnings).toContainEqual({ file: "package.json", message: "skipped: binary content", side: "head" });
    // What package.json alone showed is gone from the readable head: reported as removed, with the file named.
    expect(report.changes.some((change) => change.kind === "removed" && change.file === "package.json")).toBe(true);
  });

  it("turns a malformed manifest on the base into a warning, not a crash", async () => {
    const repo = fixtureRepo("node-postgres-redis", { "package.json": '{ "dependencies": { "express": ' });
    commitAll(repo, { "package.json": JSON.stringify({ dependencies: { express: "^4.19.2", kafkajs: "^2.2.4" } }) });
    const report = await suggest(repo);
    expect(report.warnings.some((w) => w.file === "package.json" && w.side === "base")).toBe(true);
    expect(report.changes.some((change) => change.technologies[0] === "kafka")).toBe(true);
  });

  it("reports a new workspace package and a new compose service", async () => {
    const repo = fixtureRepo("node-workspaces");
    commitAll(repo, {
      "packages/billing/package.json": JSON.stringify({ name: "@acme/billing", version: "0.1.0" }),
      "docker-compose.yml": "services:\n  mailer:\n    build: ./mailer\n",
    });
    const report = await suggest(repo);
    const kinds = report.changes.map((change) => `${change.kind} ${change.technologies[0]}`);
    expect(kinds).toContain("package-added @acme/billing");
    expect(kinds).toContain("service-added mailer");
    expect(report.changes.find((change) => change.kind === "package-added")!.file).toBe("packages/billing/package.json");
  });

  it("with staged: judges the index against HEAD, not the work tree", async () => {
    const repo = fixtureRepo("node-postgres-redis");
    writeFiles(repo, { "package.json": withDependency(repo, "kafkajs", "^2.2.4") });
    expect((await suggest(repo, { staged: true })).changes).toEqual([]);
    git(repo, "add", "package.json");
    const report = await suggest(repo, { staged: true });
    expect(report).toMatchObject({ base: "HEAD", head: "index" });
    expect(report.changes.map((change) => change.technologies[0])).toEqual(["kafka"]);
  });

  it("with staged in a repository without commits: everything staged is new", async () => {
    const repo = makeGitRepo();
    writeFiles(repo, { "package.json": JSON.stringify({ dependencies: { pg: "^8.0.0" } }) });
    git(repo, "add", "-A");
    const report = await suggest(repo, { staged: true });
    expect(report.changes.map((change) => change.technologies[0])).toContain("postgresql");
  });

  it("honours suggest.ignore (technologies, paths) and suggest.threshold", async () => {
    const repo = fixtureRepo("node-postgres-redis");
    commitAll(repo, {
      "package.json": withDependency(repo, "kafkajs", "^2.2.4"),
      "examples/demo/package.json": JSON.stringify({ dependencies: { mongoose: "^8.0.0" } }),
    });
    const all = (await suggest(repo)).changes.map((change) => change.technologies[0]);
    expect(all).toEqual(expect.arrayContaining(["kafka", "mongoose", "mongodb"]));
    writeFiles(repo, { ".adrgenrc.json": JSON.stringify({ suggest: { ignore: { technologies: ["kafka"], paths: ["examples/**"] } } }) });
    expect((await suggest(repo)).changes).toEqual([]);
    writeFiles(repo, { ".adrgenrc.json": JSON.stringify({ suggest: { threshold: "high" } }) });
    expect((await suggest(repo)).changes).toEqual([]);
  });

  it("compares explicit --base and --head refs", async () => {
    const repo = fixtureRepo("node-postgres-redis");
    commitAll(repo, { "package.json": withDependency(repo, "kafkajs", "^2.2.4") });
    git(repo, "switch", "-q", "main");
    const report = await suggest(repo, { base: "main", head: "feature" });
    expect(report.changes.map((change) => change.technologies[0])).toEqual(["kafka"]);
    const reverse = await suggest(repo, { base: "feature", head: "main" });
    expect(reverse.changes.map((change) => `${change.kind} ${change.technologies[0]}`)).toEqual(["removed kafka"]);
  });
});
