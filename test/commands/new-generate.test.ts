// `adrgen new "<title>"` without --blank, in-process on temp copies of fixture repositories.
import { afterAll, describe, expect, it } from "@jest/globals";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { lintAdrs } from "../../src/app/lint.js";
import { resolveWorkspace } from "../../src/config/workspace.js";
import { parseMachineBlock, sectionHashes } from "../../src/render/machine-block.js";
import { runAdrgen } from "../helpers/run.js";
import { cleanupTempDirs, makeGitRepo, makeTempDir } from "../helpers/tmp.js";
import { copyFixture } from "../scan/fixture-repo.js";

afterAll(cleanupTempDirs);

const ENV = { ADRGEN_DATE: "2026-01-15", ADRGEN_DECISION_MAKERS: "Alex Example" };
const run = (cwd: string, ...args: string[]) => runAdrgen(args, { cwd, env: ENV });

function adrFiles(repo: string): string[] {
  const dir = path.join(repo, "docs/adr");
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith(".md")).sort() : [];
}

describe("adrgen new <title> (generated)", () => {
  it("writes the next ADR, prints its path, and the file is lint-clean with a valid machine block", async () => {
    const repo = copyFixture("node-postgres-redis", { git: true });
    const result = await run(repo, "new", "choose message queue", "--yes");
    expect(result.stderr).toContain("Scanning the repository");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("docs/adr/0002-choose-message-queue.md\n");
    const text = readFileSync(path.join(repo, "docs/adr/0002-choose-message-queue.md"), "utf8");
    expect(text).toMatch(/^---\nstatus: proposed\ndate: 2026-01-15\ndecision-makers:\n {2}- Alex Example\n---\n\n# choose message queue\n/);
    expect(text).toMatch(/\nChosen option: "Redis-based queue[^"]*", because /);
    expect(text).toContain("`docker-compose.yml:15`");
    const block = parseMachineBlock(text)!;
    expect(block).toMatchObject({ engine: "offline", topic: "message-broker" });
    expect(block.source).toMatch(/^message-broker@\d+$/);
    expect(block.sections).toEqual(sectionHashes(text));
    expect(block.answers.find((a) => a.key === "message-broker.pattern")).toEqual({ key: "message-broker.pattern", value: "task-queue", source: "repo" });
    expect(block.context.map((item) => item.name)).toContain("redis");
    const workspace = await resolveWorkspace({ cwd: repo });
    const lint = await lintAdrs({ paths: ["docs/adr/0002-choose-message-queue.md"], cwd: repo }, { workspace });
    expect(lint.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(lint.findings).toEqual([]);
  });

  it("--json prints {path, number, title, topic, chosen, assumptions}", async () => {
    const repo = copyFixture("node-postgres-redis", { git: true });
    const result = await run(repo, "new", "Kafka vs RabbitMQ", "--yes", "--json", "--answer", "message-broker.replay=yes", "--answer", "scale.rps=gt-100k");
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(["assumptions", "chosen", "number", "path", "title", "topic"]);
    expect(json).toMatchObject({ path: "docs/adr/0002-kafka-vs-rabbitmq.md", number: 2, title: "Kafka vs RabbitMQ", topic: "message-broker", chosen: "Apache Kafka" });
    expect(json.assumptions).toEqual(expect.arrayContaining(["At-least-once delivery with idempotent consumers is acceptable."]));
    expect(json.assumptions).not.toEqual(expect.arrayContaining([expect.stringMatching(/replay/i)]));
  });

  it("answers reach the engine: the same repository without them keeps Redis", async () => {
    const repo = copyFixture("node-postgres-redis");
    const result = await run(repo, "new", "Kafka vs RabbitMQ", "--yes", "--json", "--dry-run");
    expect(JSON.parse(result.stdout)).toMatchObject({ chosen: expect.stringMatching(/^Redis-based queue/), dryRun: true });
  });

  it("--dry-run and --stdout print the markdown and write nothing; runs are byte-identical", async () => {
    const repo = copyFixture("node-postgres-redis", { git: true });
    const first = await run(repo, "new", "choose message queue", "--dry-run");
    const second = await run(repo, "new", "choose message queue", "--stdout");
    expect(first.code).toBe(0);
    expect(first.stdout.startsWith("---\nstatus: proposed\n")).toBe(true);
    expect(first.stdout).toContain("<!-- adrgen:decision");
    expect(second.stdout).toBe(first.stdout);
    expect(first.stderr).toContain("Dry run: nothing was written (would be docs/adr/0002-choose-message-queue.md)");
    expect(adrFiles(repo)).toEqual(["0001-use-postgresql.md"]);
  });

  it("answers from a file (YAML) are used and recorded as answers", async () => {
    const repo = copyFixture("node-postgres-redis");
    writeFileSync(path.join(repo, "answers.yaml"), "team.size: 1-3\nbudget.ops: none\nintegration.cloud: AWS\n");
    const result = await run(repo, "new", "choose message queue", "--answers", "answers.yaml", "--stdout");
    expect(result.code).toBe(0);
    const block = parseMachineBlock(result.stdout)!;
    expect(block.answers.filter((a) => a.source === "answer")).toEqual([
      { key: "budget.ops", value: "none", source: "answer" },
      { key: "team.size", value: "1-3", source: "answer" },
      { key: "integration.cloud", value: "aws", source: "answer" },
    ]);
    expect(result.stdout).toContain("* How many engineers will build and maintain this? 1 – 3.");
    expect(result.stdout).toContain("* Where does the system run? AWS.");
    // Without Redis to reuse, a tiny team with no operations capacity on AWS gets the managed queue.
    const empty = makeTempDir({ "answers.yaml": "team.size: 1-3\nbudget.ops: none\nintegration.cloud: AWS\n" });
    const managed = await run(empty, "new", "choose message queue", "--answers", "answers.yaml", "--json", "--dry-run");
    expect(JSON.parse(managed.stdout)).toMatchObject({ chosen: expect.stringMatching(/^Managed cloud queue/) });
  });

  it("refreshes an existing index", async () => {
    const repo = copyFixture("node-postgres-redis", { git: true });
    expect((await run(repo, "index")).code).toBe(0);
    const result = await run(repo, "new", "choose message queue", "--yes");
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("Updated the index docs/adr/README.md");
    expect(readFileSync(path.join(repo, "docs/adr/README.md"), "utf8")).toContain("0002-choose-message-queue.md");
  });

  it("creates docs/adr in a repository without ADRs; --template nygard and madr4-minimal keep their layout", async () => {
    const repo = makeGitRepo({ "package.json": '{"name":"x","dependencies":{"express":"4.19.0"}}\n' });
    const nygard = await run(repo, "new", "REST or GraphQL for the public API", "--yes", "--template", "nygard");
    expect(nygard.code).toBe(0);
    expect(nygard.stdout).toBe("docs/adr/0001-rest-or-graphql-for-the-public-api.md\n");
    const text = readFileSync(path.join(repo, nygard.stdout.trim()), "utf8");
    expect(text).toMatch(/^# 1\. REST or GraphQL for the public API\n\nDate: 2026-01-15\n\n## Status\n\nProposed\n\n## Context\n/);
    expect(text).toMatch(/## Decision\n\nWe will use /);
    const minimal = await run(repo, "new", "how should we do auth?", "--yes", "--template", "madr4-minimal");
    expect(minimal.code).toBe(0);
    const minimalText = readFileSync(path.join(repo, minimal.stdout.trim()), "utf8");
    expect(minimalText).not.toContain("## Decision Drivers");
    expect(minimalText).toContain("### Consequences");
    expect(parseMachineBlock(minimalText)!.topic).toBe("authentication");
    const lint = await run(repo, "lint", "--json");
    expect(lint.code).toBe(0);
  });

  it("redacts secrets that reach the ADR from the repository", async () => {
    const repo = copyFixture("node-postgres-redis");
    const result = await run(repo, "new", "A queue for AKIAIOSFODNN7EXAMPLE jobs", "--stdout", "--yes");
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain("AKIAIOSFODNN7EXAMPLE");
    expect(result.stdout).toContain("[REDACTED");
  });
});

describe("adrgen new <title>: bad input writes nothing", () => {
  const cases: Array<[string, string[], RegExp]> = [
    ["an empty title", ["   "], /The title is empty/],
    ["a 2,000-character title", ["q".repeat(2000)], /2000 characters; the limit is 500/],
    ["--answer without =", ["choose message queue", "--answer", "scale.rps"], /--answer "scale\.rps": expected key=value/],
    ["an unknown answer key", ["choose message queue", "--answer", "scale.rpm=1k-10k"], /scale\.rpm \(--answer\): unknown question key/],
    ["a value not allowed", ["choose message queue", "--answer", "scale.rps=lots"], /"lots" is not allowed; use one of: lt-100/],
    ["an unknown engine", ["choose message queue", "--engine", "magic"], /Unknown engine "magic"/],
    ["--supersedes", ["choose message queue", "--supersedes", "1"], /--supersedes and --link work with --blank only/],
  ];

  it.each(cases)("%s → exit 2", async (_name, args, message) => {
    const repo = copyFixture("node-postgres-redis");
    const result = await run(repo, "new", ...args, "--yes");
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(adrFiles(repo)).toEqual(["0001-use-postgresql.md"]);
  });

  it("an answers file with unknown keys and wrong types lists every problem (exit 2)", async () => {
    const repo = copyFixture("node-postgres-redis");
    writeFileSync(path.join(repo, "answers.json"), JSON.stringify({ "scale.rps": 5000, "message-broker.replay": true, "team.colour": "blue", "team.size": "4-10" }));
    const result = await run(repo, "new", "choose message queue", "--answers", "answers.json");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/scale\.rps \(answers\.json\): expected text, got number; allowed: lt-100 \(under 100\/s\)/);
    expect(result.stderr).toMatch(/message-broker\.replay \(answers\.json\): expected text, got boolean; allowed: yes/);
    expect(result.stderr).toMatch(/team\.colour \(answers\.json\): unknown question key/);
    expect(result.stderr).not.toMatch(/team\.size \(/);
    expect(adrFiles(repo)).toEqual(["0001-use-postgresql.md"]);
  });

  it("a generated ADR that fails lint (here: a user template without the required sections) is not written (exit 3)", async () => {
    const repo = makeTempDir({ "t.hbs": "---\nstatus: {{status}}\ndate: {{date}}\n---\n\n# {{title}}\n\n## Context and Problem Statement\n\n{{sections.context}}\n" });
    const result = await run(repo, "new", "choose message queue", "--yes", "--template", "t.hbs");
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/does not pass adrgen lint, so nothing was written:\n {2}- required-sections: missing section "Considered Options"/);
    expect(result.stderr).toMatch(/lint\.rules/);
    expect(result.stdout).toBe("");
    expect(existsSync(path.join(repo, "docs"))).toBe(false);
  });

  it("an unknown topic with two --option values is weighed on the generic criteria", async () => {
    const repo = copyFixture("node-postgres-redis");
    const result = await run(repo, "new", "Pick a colour for the logo", "--option", "Blue", "--option", "Green", "--yes", "--json", "--dry-run");
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { chosen: string; topic: string };
    expect(["Blue", "Green"]).toContain(json.chosen);
  });
});
