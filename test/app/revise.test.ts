// The revise use case on a fixture repository: human edits survive, context changes show in the
// outcome and the diff, a second run is a no-op, --supersede links two files, adoption keeps every
// line of a Nygard ADR, and an engine failure or an abort at the prompt leaves the file byte-identical.
import { afterAll, describe, expect, it } from "@jest/globals";
import { appendFileSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { reviseAdr } from "../../src/app/revise.js";
import { abortedError } from "../../src/clarify/prompt.js";
import { resolveWorkspace } from "../../src/config/workspace.js";
import { AdrgenError } from "../../src/domain/errors.js";
import { createOfflineEngine } from "../../src/engines/offline/index.js";
import type { Engine } from "../../src/engines/types.js";
import { parseMachineBlock } from "../../src/render/machine-block.js";
import { runAdrgen } from "../helpers/run.js";
import { cleanupTempDirs } from "../helpers/tmp.js";
import { copyFixture } from "../scan/fixture-repo.js";

afterAll(cleanupTempDirs);

const env = { ADRGEN_DATE: "2026-01-15", ADRGEN_DECISION_MAKERS: "Alex Example" };
const later = { ...env, ADRGEN_DATE: "2026-03-01" };
const KAFKA = "  kafka:\n    image: apache/kafka:3.7.0\n    ports:\n      - \"9092:9092\"\n";
const EDIT = "We confirmed this with the platform team on 2026-01-20; keep it.";

/** A fixture repository with a generated message-queue ADR (number 2; 0001 is the fixture's Nygard ADR). */
async function repoWithAdr(): Promise<{ root: string; file: string }> {
  const root = copyFixture("node-postgres-redis");
  const made = await runAdrgen(["new", "choose message queue", "--yes"], { cwd: root, env });
  expect(made.code).toBe(0);
  return { root, file: path.join(root, "docs/adr/0002-choose-message-queue.md") };
}

/** Replaces the body of one `###` section of the Decision Outcome. */
function editConfirmation(file: string): void {
  const text = readFileSync(file, "utf8");
  const edited = text.replace(/(### Confirmation\n\n)[\s\S]*?(\n\n## )/, `$1${EDIT}$2`);
  expect(edited).not.toBe(text);
  writeFileSync(file, edited);
}

async function revise(root: string, options: Parameters<typeof reviseAdr>[1], deps: Partial<Parameters<typeof reviseAdr>[2]> = {}) {
  return reviseAdr(await resolveWorkspace({ cwd: root }), options, { cwd: root, env: later, ...deps });
}

describe("revise after the repository changed", () => {
  it("keeps a hand-edited section, reports kafka, and the outcome and diff reflect the broker", async () => {
    const { root, file } = await repoWithAdr();
    editConfirmation(file);
    const before = readFileSync(file, "utf8");
    appendFileSync(path.join(root, "docker-compose.yml"), KAFKA);
    const result = await revise(root, { ref: "2", yes: true, answers: ["message-broker.replay=yes", "message-broker.ordering=per-key", "scale.rps=10k-100k"] });
    const after = readFileSync(file, "utf8");
    expect(result.written).toBe(true);
    expect(after).toBe(result.after);
    expect(after).toContain(EDIT);
    expect(result.report.keptEdited).toEqual(["Decision Outcome/Confirmation"]);
    expect(result.contextChanges.map((c) => c.message)).toContain("kafka added in docker-compose.yml");
    expect(result.previousChosen).toMatch(/^Redis-based queue/);
    expect(result.chosen).toBe("Apache Kafka");
    expect(after).toMatch(/^Chosen option: "Apache Kafka", because/m);
    expect(result.diff).toMatch(/^\+.*kafka 3\.7\.0/m);
    expect(result.diff).toMatch(/^-Chosen option: "Redis-based queue/m);
    // Original date kept, revised date added; the block records the new answers and kafka.
    expect(after).toMatch(/^date: 2026-01-15$/m);
    expect(after).toMatch(/^revised: 2026-03-01$/m);
    const block = parseMachineBlock(after)!;
    expect(block.answers.find((a) => a.key === "message-broker.replay")).toEqual({ key: "message-broker.replay", value: "yes", source: "answer" });
    expect(block.context.map((c) => c.name)).toContain("kafka");
    expect(before).not.toContain("kafka 3.7.0");
  });

  it("is a no-op the second time: no diff, file byte-identical", async () => {
    const { root, file } = await repoWithAdr();
    editConfirmation(file);
    const original = readFileSync(file, "utf8");
    const first = await revise(root, { ref: "2", yes: true });
    expect(first.changed).toBe(false);
    expect(first.diff).toBe("");
    expect(readFileSync(file, "utf8")).toBe(original);
    appendFileSync(path.join(root, "docker-compose.yml"), KAFKA);
    const changed = await revise(root, { ref: "2", yes: true });
    expect(changed.written).toBe(true);
    const settled = readFileSync(file, "utf8");
    const again = await revise(root, { ref: "2", yes: true });
    expect(again.changed).toBe(false);
    expect(again.diff).toBe("");
    expect(readFileSync(file, "utf8")).toBe(settled);
  });

  it("keeps sections people added in place and unknown front matter keys", async () => {
    const { root, file } = await repoWithAdr();
    const text = readFileSync(file, "utf8")
      .replace("date: 2026-01-15\n", "date: 2026-01-15\nticket: OPS-42\n")
      .replace("\n## Considered Options", "\n## Team notes\n\nAsk Dana before changing brokers.\n\n## Considered Options");
    writeFileSync(file, text);
    appendFileSync(path.join(root, "docker-compose.yml"), KAFKA);
    const result = await revise(root, { ref: "2", yes: true });
    const after = readFileSync(file, "utf8");
    expect(result.report.keptAdded).toEqual(["Team notes"]);
    expect(after).toMatch(/^ticket: OPS-42$/m);
    expect(after).toMatch(/## Decision Drivers[\s\S]*## Team notes\n\nAsk Dana before changing brokers\.\n\n## Considered Options/);
  });

  it("--overwrite-edited replaces the edit and says so", async () => {
    const { root, file } = await repoWithAdr();
    editConfirmation(file);
    const result = await revise(root, { ref: "2", yes: true, overwriteEdited: true });
    expect(result.report.overwritten).toEqual(["Decision Outcome/Confirmation"]);
    expect(readFileSync(file, "utf8")).not.toContain(EDIT);
  });

  it("--dry-run shows the diff and writes nothing", async () => {
    const { root, file } = await repoWithAdr();
    const original = readFileSync(file, "utf8");
    const result = await revise(root, { ref: "2", dryRun: true, answers: ["scale.rps=gt-100k"] });
    expect(result.changed).toBe(true);
    expect(result.diff).toContain("+++ b/docs/adr/0002-choose-message-queue.md");
    expect(readFileSync(file, "utf8")).toBe(original);
  });
});

describe("--no-rescan", () => {
  it("decides on the recorded technologies only: a broker added since changes nothing", async () => {
    const { root, file } = await repoWithAdr();
    appendFileSync(path.join(root, "docker-compose.yml"), KAFKA);
    const original = readFileSync(file, "utf8");
    const frozen = await revise(root, { ref: "2", yes: true, rescan: false });
    expect(frozen.changed).toBe(false);
    expect(frozen.contextChanges).toEqual([]);
    expect(readFileSync(file, "utf8")).toBe(original);
    const rescanned = await revise(root, { ref: "2", dryRun: true });
    expect(rescanned.changed).toBe(true);
  });
});

describe("accepted ADRs", () => {
  it("warns, and --supersede writes a new ADR and marks the old one superseded, both linked", async () => {
    const { root, file } = await repoWithAdr();
    writeFileSync(file, readFileSync(file, "utf8").replace("status: proposed", "status: accepted\ntags:\n  - messaging"));
    const warned = await revise(root, { ref: "2", dryRun: true, answers: ["scale.rps=gt-100k"] });
    expect(warned.warnings.join("\n")).toMatch(/accepted records should be superseded/);
    const result = await revise(root, { ref: "2", yes: true, supersede: true, answers: ["scale.rps=gt-100k"] });
    expect(result.superseding?.number).toBe(3);
    const newer = readFileSync(result.superseding!.path, "utf8");
    const older = readFileSync(file, "utf8");
    expect(older).toMatch(/^status: "?superseded by \[ADR-0003\]\(0003-choose-message-queue\.md\)"?$/m);
    expect(newer).toMatch(/^status: proposed$/m);
    expect(newer).toMatch(/^date: 2026-03-01$/m);
    expect(newer).toMatch(/^tags:\n  - messaging$/m);
    expect(newer).toMatch(/Supersedes \[ADR-0002\]\(0002-choose-message-queue\.md\)/);
    expect(newer).toMatch(/^Chosen option: "Apache Kafka"/m);
    expect(parseMachineBlock(newer)!.answers.find((a) => a.key === "scale.rps")).toMatchObject({ value: "gt-100k", source: "answer" });
  });
});

describe("adopting an ADR adrgen did not write", () => {
  it("without --adopt explains the situation and writes nothing", async () => {
    const root = copyFixture("node-postgres-redis");
    const file = path.join(root, "docs/adr/0001-use-postgresql.md");
    const original = readFileSync(file, "utf8");
    const error = await revise(root, { ref: "1", yes: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdrgenError);
    expect((error as AdrgenError).message).toMatch(/no adrgen:decision block/);
    expect((error as AdrgenError).hint).toMatch(/--adopt/);
    expect(readFileSync(file, "utf8")).toBe(original);
  });

  it("--adopt converts a Nygard ADR to MADR 4, keeps every line of its text and adds the block", async () => {
    const root = copyFixture("node-postgres-redis");
    const file = path.join(root, "docs/adr/0001-use-postgresql.md");
    const original = readFileSync(file, "utf8");
    const result = await revise(root, { ref: "1", yes: true, adopt: true });
    const after = readFileSync(file, "utf8");
    expect(result.adopted).toBe(true);
    // Every non-structural line of the Nygard file survives (headings and fields are re-expressed).
    const textLines = original.split("\n").filter((line) => line.trim() !== "" && !/^#/.test(line) && !/^(Date:|Accepted$)/.test(line));
    expect(textLines.length).toBeGreaterThan(2);
    for (const line of textLines) expect(after).toContain(line);
    expect(after).toMatch(/^---\nstatus: accepted\ndate: 2025-03-02\n/);
    expect(after).toContain("# Use PostgreSQL for orders");
    expect(after).toMatch(/## Context and Problem Statement\n\nOrders need transactions\./);
    expect(after).toMatch(/## Decision Outcome\n\nWe use PostgreSQL\.\n\n### Consequences\n\nWe run a database\./);
    expect(after).toContain("## Pros and Cons of the Options");
    const block = parseMachineBlock(after)!;
    expect(block.topic).toBe("primary-database");
    // The next revise treats the kept text as people's and changes nothing.
    const again = await revise(root, { ref: "1", yes: true });
    expect(again.changed).toBe(false);
  });
});

describe("adopting a MADR 2 ADR", () => {
  it("moves the bullets to front matter and keeps every section's text", async () => {
    const root = copyFixture("node-postgres-redis");
    const madr2 = [
      "# Use RabbitMQ for background jobs",
      "",
      "* Status: accepted",
      "* Deciders: Ana, Bo",
      "* Date: 2024-05-06",
      "",
      "Technical Story: ORD-17",
      "",
      "## Context and Problem Statement",
      "",
      "Emails are sent inside the request.",
      "",
      "## Considered Options",
      "",
      "* RabbitMQ",
      "* Redis-based queue (BullMQ, Sidekiq, Celery/RQ or Redis Streams)",
      "",
      "## Decision Outcome",
      "",
      'Chosen option: "RabbitMQ", because the ops team runs it elsewhere.',
      "",
      "### Positive Consequences",
      "",
      "* One broker for the company.",
      "",
      "## Links",
      "",
      "* [Runbook](https://example.com/runbook)",
      "",
    ].join("\n");
    const file = path.join(root, "docs/adr/0002-use-rabbitmq-for-background-jobs.md");
    writeFileSync(file, madr2);
    await revise(root, { ref: "2", yes: true, adopt: true });
    const after = readFileSync(file, "utf8");
    expect(after).toMatch(/^---\nstatus: accepted\ndate: 2024-05-06\nrevised: 2026-03-01\ndecision-makers:\n  - Ana\n  - Bo\n---\n/);
    expect(after).not.toMatch(/^\* Status:/m);
    for (const line of ["Technical Story: ORD-17", "Emails are sent inside the request.", 'Chosen option: "RabbitMQ", because the ops team runs it elsewhere.', "### Positive Consequences", "* One broker for the company.", "## Links", "* [Runbook](https://example.com/runbook)"]) {
      expect(after).toContain(line);
    }
    expect(after).toMatch(/## Considered Options\n\n\* RabbitMQ\n\* Redis-based queue/);
    expect(parseMachineBlock(after)!.topic).toBe("background-jobs");
  });
});

describe("failures leave the file byte-identical", () => {
  it("an engine that fails while deciding", async () => {
    const { root, file } = await repoWithAdr();
    appendFileSync(path.join(root, "docker-compose.yml"), KAFKA);
    const original = readFileSync(file, "utf8");
    const offline = createOfflineEngine();
    const failing: Engine = { name: "offline", plan: (r) => offline.plan(r), decide: async () => Promise.reject(new Error("engine exploded")) };
    await expect(revise(root, { ref: "2", yes: true }, { engine: failing })).rejects.toThrow("engine exploded");
    expect(readFileSync(file, "utf8")).toBe(original);
    expect(readdirSync(path.dirname(file)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("Ctrl-C at the confirm prompt", async () => {
    const { root, file } = await repoWithAdr();
    appendFileSync(path.join(root, "docker-compose.yml"), KAFKA);
    const original = readFileSync(file, "utf8");
    let shown = "";
    const confirm = async (diff: string) => {
      shown = diff;
      throw abortedError();
    };
    await expect(revise(root, { ref: "2" }, { confirm })).rejects.toThrow("Aborted; nothing was written.");
    expect(shown).toContain("kafka");
    expect(readFileSync(file, "utf8")).toBe(original);
  });

  it("a declined prompt writes nothing", async () => {
    const { root, file } = await repoWithAdr();
    appendFileSync(path.join(root, "docker-compose.yml"), KAFKA);
    const original = readFileSync(file, "utf8");
    const result = await revise(root, { ref: "2" }, { confirm: async () => false });
    expect(result.declined).toBe(true);
    expect(readFileSync(file, "utf8")).toBe(original);
  });
});
