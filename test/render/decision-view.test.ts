// Rendering a Decision: every MADR section filled from it, the machine block parse-able with
// hashes that match the sections, and the result lint-clean in all three built-in layouts.
import { describe, expect, it } from "@jest/globals";
import path from "node:path";
import { lintAdrText } from "../../src/lint/lint-text.js";
import { findPlaceholders } from "../../src/lint/rules/placeholder.js";
import { parseAdr } from "../../src/markdown/parse.js";
import { clauseWith, namesIn } from "../../src/render/decision-text.js";
import { decisionSections } from "../../src/render/decision-view.js";
import { parseMachineBlock, sectionHashes, shortHash, stripMachineBlock, withMachineBlock } from "../../src/render/machine-block.js";
import { builtinTemplatesDir, renderTemplate } from "../../src/render/templates.js";
import { buildViewModel } from "../../src/render/view-model.js";
import { brokerDecision } from "./decision-fixture.js";

const PROVENANCE = {
  adrgen: "0.0.0-test",
  engine: "offline",
  source: "message-broker@1",
  topic: "message-broker",
  answers: [{ key: "scale.rps", value: "100-1k", source: "answer" as const }],
  assumptions: ["At-least-once delivery with idempotent consumers is acceptable"],
  context: [{ name: "redis", evidence: ["docker-compose.yml:9"] }],
};

async function render(template: string): Promise<string> {
  const decision = brokerDecision();
  const view = buildViewModel({ number: 7, title: decision.title, date: "2026-01-15", decisionMakers: ["Alex Example"], sections: decisionSections(decision) });
  const text = await renderTemplate({ name: template, file: path.join(builtinTemplatesDir(), `${template}.hbs`), builtin: true }, view);
  return withMachineBlock(text, PROVENANCE);
}

const FILE = { path: "/repo/docs/adr/0007-choose-a-message-queue.md", relPath: "docs/adr/0007-choose-a-message-queue.md", dirLabel: "docs/adr" };

function section(text: string, heading: string): string {
  const lines = stripMachineBlock(text).split("\n");
  const start = lines.findIndex((line) => line.replace(/^#+\s+/, "") === heading && /^#{2,3}\s/.test(line));
  expect(start).toBeGreaterThan(-1);
  const end = lines.findIndex((line, i) => i > start && /^#{2,3}\s/.test(line));
  return lines.slice(start + 1, end < 0 ? undefined : end).join("\n").trim();
}

describe("MADR 4 from a Decision", () => {
  it("fills every section from the decision", async () => {
    const text = await render("madr4");
    expect(section(text, "Context and Problem Statement")).toContain("the API hands e-mail and export jobs to workers");
    expect(section(text, "Context and Problem Statement")).toContain("* Redis 7 already runs in docker compose (`docker-compose.yml:9`).");
    expect(section(text, "Context and Problem Statement")).toContain("One requirement is assumed because nobody answered; see Assumptions under More Information.");
    expect(section(text, "Context and Problem Statement")).toContain("GDPR-level protection \\| personal data");
    expect(section(text, "Decision Drivers")).toContain("* Low operational effort: nothing new to run (budget, weight 3)");
    expect(section(text, "Considered Options")).toBe("* Redis (BullMQ)\n* RabbitMQ");
    expect(section(text, "Decision Outcome")).toBe('Chosen option: "Redis (BullMQ)", because Redis already runs here and the load stays well within one node\'s head-room.');
    expect(section(text, "Consequences")).toBe("* Good, because no new infrastructure to operate.\n* Bad, because the backlog is bounded by Redis memory.");
    expect(section(text, "Confirmation")).toContain("* Queue depth is on the dashboard.");
    const redis = section(text, "Redis (BullMQ)");
    expect(redis).toContain("* Good, because Redis already runs here, so there is nothing new to operate.");
    expect(redis).toContain("* Neutral, because delayed and repeatable jobs are built in.");
    expect(redis).toContain("* Bad, because there is no replay once a job completed.");
    expect(redis).toContain("Technical debt: Queue semantics live in the library, not in a broker.");
    expect(redis).toContain("Migration path: Dual-publish to the new broker, then switch consumers.");
    expect(section(text, "Decision matrix")).toContain("| Driver | Weight | Redis (BullMQ) (chosen) | RabbitMQ |");
    expect(section(text, "Decision matrix")).toContain("| Low operational effort | 3 | 5 | 3 |");
    expect(section(text, "Decision matrix")).toContain("| Throughput head-room | 1.5 | 3 | 3 |");
    expect(section(text, "Decision matrix")).toContain("| **Weighted score** | | **4.2** | **3.6** |");
    expect(section(text, "Implementation guidelines")).toBe("1. Enable AOF persistence with fsync every second.\n2. Make workers idempotent.");
    expect(section(text, "Risks and mitigations")).toContain("(likelihood: medium) Mitigation: Alert on queue depth");
    expect(section(text, "Alternatives under other conditions")).toBe("* RabbitMQ wins when routing to several consumer types or strict durability matters more than operating nothing new.");
    expect(section(text, "Assumptions")).toContain("At-least-once delivery");
    expect(section(text, "Confidence")).toContain("Medium: Several requirements were assumed.");
    expect(section(text, "Confidence")).toContain("* --answer message-broker.delivery=exactly-once.");
    expect(section(text, "When to revisit")).toContain("* Consumers need to replay history.");
    expect(findPlaceholders(stripMachineBlock(text))).toEqual([]);
  });

  it("parses as MADR 4 with the options and the chosen one, and lints clean", async () => {
    const text = await render("madr4");
    const record = parseAdr(text, FILE);
    expect(record.format).toBe("madr4");
    expect(record.consideredOptions).toEqual(["Redis (BullMQ)", "RabbitMQ"]);
    expect(record.chosenOption).toBe("Redis (BullMQ)");
    expect(lintAdrText(text, FILE).filter((d) => d.severity === "error")).toEqual([]);
    expect(lintAdrText(text, FILE).filter((d) => d.rule === "placeholder" || d.rule === "section-order")).toEqual([]);
  });

  it("ends with a machine block whose hashes match each section", async () => {
    const text = await render("madr4");
    expect(text.trimEnd().endsWith("-->")).toBe(true);
    const block = parseMachineBlock(text);
    expect(block).not.toBeNull();
    expect(block!.source).toBe("message-broker@1");
    expect(block!.answers).toEqual(PROVENANCE.answers);
    expect(block!.context).toEqual(PROVENANCE.context);
    expect(Object.keys(block!.sections)).toEqual(expect.arrayContaining(["Context and Problem Statement", "Decision Outcome/Consequences", "Pros and Cons of the Options/RabbitMQ", "More Information/Decision matrix"]));
    expect(block!.sections["Decision Outcome"]).toBe(shortHash(section(text, "Decision Outcome")));
    expect(block!.sections).toEqual(sectionHashes(text));
    // A human edit changes exactly that section's hash.
    const edited = text.replace("Make workers idempotent.", "Make workers idempotent and log job ids.");
    const changed = Object.entries(sectionHashes(edited)).filter(([key, hash]) => block!.sections[key] !== hash).map(([key]) => key);
    expect(changed).toEqual(["More Information/Implementation guidelines"]);
  });

  it("escapes --> inside the block so the comment cannot end early", () => {
    const text = withMachineBlock("# T\n\n## A\n\ntext\n", { ...PROVENANCE, assumptions: ["a --> b"] });
    expect(text.match(/-->/g)).toHaveLength(1);
    expect(parseMachineBlock(text)!.assumptions).toEqual(["a --> b"]);
  });

  it.each(["madr4-minimal", "nygard"])("%s keeps its layout, filled and lint-clean", async (template) => {
    const text = await render(template);
    const record = parseAdr(text, FILE);
    expect(record.format).toBe(template === "nygard" ? "nygard" : "madr4");
    expect(findPlaceholders(stripMachineBlock(text))).toEqual([]);
    expect(lintAdrText(text, FILE).filter((d) => d.severity === "error")).toEqual([]);
    expect(parseMachineBlock(text)!.sections).toEqual(sectionHashes(text));
    if (template === "nygard") {
      expect(section(text, "Decision")).toMatch(/^We will use Redis \(BullMQ\), because Redis already runs here/);
      expect(section(text, "Decision")).toContain("Options considered: Redis (BullMQ), RabbitMQ.");
    } else {
      expect(text).not.toContain("## Decision Drivers");
      expect(section(text, "Consequences")).toContain("* Bad, because the backlog is bounded by Redis memory.");
    }
  });
});

describe("because-clauses", () => {
  it("lower-cases ordinary openers and keeps names", () => {
    const clause = clauseWith(namesIn(["Redis (BullMQ)", "Amazon SQS"]));
    expect(clause("The team knows it.")).toBe("the team knows it");
    expect(clause("Redis already runs")).toBe("Redis already runs");
    expect(clause("Amazon SQS is managed")).toBe("Amazon SQS is managed");
    expect(clause("Kafka keeps history")).toBe("Kafka keeps history");
    expect(clause("AWS bills per request")).toBe("AWS bills per request");
    expect(clause("Flexible routing")).toBe("flexible routing");
    expect(clause("Pub/Sub supports ordering keys")).toBe("Pub/Sub supports ordering keys");
    expect(clause("Sub-millisecond latency")).toBe("sub-millisecond latency");
  });
});
