import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { runAdrgen } from "../helpers/run.js";
import { cleanupTempDirs, git, makeGitRepo, writeFiles } from "../helpers/tmp.js";
import { fixtureFiles } from "../scan/fixture-repo.js";

afterAll(cleanupTempDirs);


/** node-postgres-redis on main; on `feature`, package.json adds kafkajs. */
function kafkaBranch(extra: Record<string, string> = {}): string {
  const repo = makeGitRepo({ ...fixtureFiles("node-postgres-redis"), ...extra });
  git(repo, "switch", "-q", "-c", "feature");
  const manifest = JSON.parse(readFileSync(path.join(repo, "package.json"), "utf8"));
  manifest.dependencies.kafkajs = "^2.2.4";
  writeFiles(repo, { "package.json": JSON.stringify(manifest, null, 2) });
  git(repo, "commit", "-q", "-am", "add kafka");
  return repo;
}

describe("adrgen suggest", () => {
  it("prints the uncovered change and the command, and exits 0", async () => {
    const repo = kafkaBranch();
    const result = await runAdrgen(["suggest"], { cwd: repo });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^no ADR {2}add Kafka \(messaging\) {2}\(package\.json:\d+\)$/m);
    expect(result.stdout).toContain("write it: adrgen new 'Use Kafka for messaging' --option Kafka --option BullMQ");
    expect(result.stderr).toMatch(/1 significant change between main \(fork point [0-9a-f]{7}\) and HEAD, 1 without an ADR\./);
  });

  it("--json prints the report for tools", async () => {
    const repo = kafkaBranch();
    const result = await runAdrgen(["suggest", "--base", "main", "--json"], { cwd: repo });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.base).toBe("main");
    expect(report.head).toBe("HEAD");
    expect(report.changes).toHaveLength(1);
    expect(report.changes[0]).toMatchObject({ kind: "added", technologies: ["kafka"], covered: false, significance: 2 });
    expect(report.changes[0].proposal.command).toContain("adrgen new");
  });

  it("--staged sees only what is staged", async () => {
    const repo = makeGitRepo(fixtureFiles("node-postgres-redis"));
    writeFiles(repo, { "docker-compose.yml": `${readFileSync(path.join(repo, "docker-compose.yml"), "utf8")}  queue:\n    image: rabbitmq:3.13\n` });
    expect(JSON.parse((await runAdrgen(["suggest", "--staged", "--json"], { cwd: repo })).stdout).changes).toEqual([]);
    git(repo, "add", "docker-compose.yml");
    const result = await runAdrgen(["suggest", "--staged"], { cwd: repo });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/add RabbitMQ \(messaging\) {2}\(docker-compose\.yml:\d+\)/);
  });

  it("warns about a binary manifest on stderr and still exits 0", async () => {
    const repo = makeGitRepo(fixtureFiles("node-postgres-redis"));
    writeFiles(repo, { "package.json": Buffer.from([0, 1, 2, 3]) });
    git(repo, "add", "-A");
    const result = await runAdrgen(["suggest", "--staged"], { cwd: repo });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("warning package.json (head) skipped: binary content");
  });

  it("exits 2 on an unknown ref and on --staged with --head", async () => {
    const repo = kafkaBranch();
    const unknown = await runAdrgen(["suggest", "--base", "no-such-branch"], { cwd: repo });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown git ref no-such-branch");
    expect((await runAdrgen(["suggest", "--staged", "--head", "main"], { cwd: repo })).code).toBe(2);
  });

  it("exits 2 outside a git repository, saying why", async () => {
    const { makeTempDir } = await import("../helpers/tmp.js");
    const result = await runAdrgen(["suggest"], { cwd: makeTempDir({ "package.json": "{}" }) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("is not inside a git repository");
  });
});

describe("adrgen check --base --require-adr", () => {
  it("fails with a GitHub annotation on the file that introduced the change", async () => {
    const repo = kafkaBranch();
    const result = await runAdrgen(["check", "--base", "main", "--require-adr", "--format", "github", "--no-drift"], { cwd: repo });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error file=package\.json,line=\d+,title=adrgen undocumented-change::add Kafka \(messaging\) with no ADR covering it; write one: adrgen new 'Use Kafka for messaging'/m);
  });

  it("without --require-adr the change is a warning (exit 0)", async () => {
    const repo = kafkaBranch();
    const result = await runAdrgen(["check", "--base", "main", "--json", "--no-drift"], { cwd: repo });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: "undocumented-change", severity: "warning", file: "package.json" }));
  });

  it("passes once an ADR covers the change, and refuses --require-adr without --base", async () => {
    const adr = "# Use Kafka for order events\n\n## Context and Problem Statement\n\nEvents.\n\n## Considered Options\n\n* Kafka\n* RabbitMQ\n\n## Decision Outcome\n\nChosen option: \"Kafka\", because replay.\n";
    const repo = kafkaBranch();
    writeFiles(repo, { "docs/adr/0001-use-kafka-for-order-events.md": adr });
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "adr");
    const result = await runAdrgen(["check", "--base", "main", "--require-adr", "--json", "--no-drift"], { cwd: repo });
    expect(JSON.parse(result.stdout).findings.filter((f: { rule: string }) => f.rule === "undocumented-change")).toEqual([]);
    expect((await runAdrgen(["check", "--require-adr"], { cwd: repo })).code).toBe(2);
  });

  it("reports files relative to a workspace that sits below the repository's top", async () => {
    const repo = makeGitRepo({ "svc/.adrgenrc.json": "{}", "svc/package.json": JSON.stringify({ dependencies: { express: "^4.19.2" } }) });
    git(repo, "switch", "-q", "-c", "feature");
    writeFiles(repo, { "svc/package.json": JSON.stringify({ dependencies: { express: "^4.19.2", kafkajs: "^2.2.4" } }) });
    git(repo, "commit", "-q", "-am", "kafka");
    const result = await runAdrgen(["check", "--base", "main", "--json", "--no-drift"], { cwd: path.join(repo, "svc") });
    expect(JSON.parse(result.stdout).findings).toContainEqual(expect.objectContaining({ rule: "undocumented-change", file: "package.json" }));
    const suggested = JSON.parse((await runAdrgen(["suggest", "--json"], { cwd: path.join(repo, "svc") })).stdout);
    expect(suggested.changes[0].file).toBe("svc/package.json");
  });

  it("lint.rules can turn undocumented-change off", async () => {
    const repo = kafkaBranch({ ".adrgenrc.json": JSON.stringify({ lint: { rules: { "undocumented-change": "off" } } }) });
    const result = await runAdrgen(["check", "--base", "main", "--json", "--no-drift"], { cwd: repo });
    expect(JSON.parse(result.stdout).findings.filter((f: { rule: string }) => f.rule === "undocumented-change")).toEqual([]);
    expect(result.stderr).not.toContain('unknown rule "undocumented-change"');
  });
});
