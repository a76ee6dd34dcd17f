import { describe, expect, it } from "@jest/globals";
import type { Decision } from "../../src/domain/decision.js";
import { validateDecision } from "../../src/domain/validate-decision.js";
import type { RepoContext } from "../../src/scan/types.js";

const context: RepoContext = {
  root: "/repo", languages: [], frameworks: [], datastores: [], caches: [{ name: "redis", evidence: [{ file: "docker-compose.yml", line: 15 }] }],
  messaging: [], apiStyles: [], auth: [], infra: [], ci: [], services: [], packages: [],
  existingDecisions: [{ number: 1, title: "Use RabbitMQ", status: "accepted", file: "docs/adr/0001-use-rabbitmq.md" }], warnings: [],
};

/** A small decision that passes every rule; each test breaks exactly one. */
function valid(): Decision {
  const dims = ["scale", "latency", "consistency", "budget", "team", "security", "integration"] as const;
  return {
    title: "Choose a queue",
    topic: "message-broker",
    problemStatement: "We need a queue.",
    analysis: { domain: "d", dataAccessPatterns: "p", trafficShape: "t", timelineAndMaintenance: "m" },
    facts: [
      { statement: "Redis runs in compose.", source: "repo", evidence: ["docker-compose.yml:15"], dimension: "integration" },
      { statement: "An earlier ADR chose RabbitMQ.", source: "repo", evidence: ["docs/adr/0001-use-rabbitmq.md"] },
      { statement: "Load stays under 1,000/s.", source: "assumption", evidence: [] },
    ],
    dimensions: dims.map((dimension) => ({ dimension, source: "assumption" as const, summary: `${dimension} assumed.` })),
    drivers: [
      { id: "throughput", dimension: "scale", statement: "Throughput", weight: 3 },
      { id: "ops", dimension: "budget", statement: "Ops", weight: 2 },
    ],
    options: [
      { id: "redis", name: "Redis", description: "d", good: ["fast"], neutral: [], bad: ["volatile"], technicalDebt: "t", migrationPath: "m", driverScores: { throughput: 4, ops: 4 } },
      { id: "rabbitmq", name: "RabbitMQ", description: "d", good: ["routing"], neutral: [], bad: ["erlang"], technicalDebt: "t", migrationPath: "m", driverScores: { throughput: 3, ops: 3 } },
    ],
    chosen: { optionId: "redis", because: "it already runs", driversAddressed: ["throughput", "ops"] },
    consequences: { good: ["nothing new"], bad: ["weaker durability"] },
    confirmation: ["check compose"],
    guidelines: ["enable AOF"],
    risks: [{ risk: "data loss", mitigation: "AOF" }],
    alternatives: [{ optionId: "rabbitmq", when: "routing matters" }],
    edgeCases: ["poison messages"],
    security: ["TLS"],
    operations: ["monitor depth"],
    teamFit: "The team runs Redis today.",
    assumptions: ["Load stays under 1,000/s."],
    revisitWhen: ["load grows"],
    confidence: { level: "medium", reason: "r", wouldSettle: [] },
  };
}

describe("validateDecision", () => {
  it("accepts a decision that meets the checklist, with or without the scan", () => {
    expect(validateDecision(valid())).toEqual([]);
    expect(validateDecision(valid(), context)).toEqual([]);
  });

  const cases: Array<[string, (d: Decision) => void, RegExp]> = [
    ["the chosen option is not an option", (d) => (d.chosen.optionId = "kafka"), /chosen option "kafka" is not one of the considered options/],
    ["fewer than two options", (d) => {
      d.options.splice(1);
      d.alternatives = [{ optionId: "redis", when: "always" }];
    }, /At least two options/],
    ["duplicate option ids", (d) => {
      d.options[1]!.id = "redis";
      d.alternatives = [{ optionId: "redis", when: "always" }];
    }, /Option ids must be unique/],
    ["an option without pros", (d) => (d.options[1]!.good = []), /"RabbitMQ" has no pros/],
    ["an option without cons", (d) => (d.options[0]!.bad = []), /"Redis" has no cons/],
    ["a dimension neither known, answered nor assumed", (d) => d.dimensions.splice(2, 1), /Dimension "consistency" is neither known, answered nor assumed/],
    ["a driver the outcome does not address", (d) => (d.chosen.driversAddressed = ["throughput"]), /driver "ops" is not addressed/],
    ["the outcome addresses an unknown driver", (d) => d.chosen.driversAddressed.push("latency"), /addresses "latency", which is not a decision driver/],
    ["an alternative that is not an option", (d) => d.alternatives.push({ optionId: "sqs", when: "on AWS" }), /Alternative "sqs"/],
    ["no edge cases", (d) => (d.edgeCases = [" "]), /No edge cases/],
    ["security not addressed", (d) => (d.security = []), /Security is not addressed/],
    ["operations not addressed", (d) => (d.operations = []), /Operations and maintenance are not addressed/],
    ["team fit not addressed", (d) => (d.teamFit = " "), /Team fit is not addressed/],
    ["assumed facts not listed as assumptions", (d) => (d.assumptions = []), /Assumed facts are not listed/],
    ["a repo fact without evidence", (d) => (d.facts[0]!.evidence = []), /Repository fact without evidence: "Redis runs in compose\."/],
  ];
  for (const [name, breakIt, message] of cases) {
    it(`reports ${name}`, () => {
      const decision = valid();
      breakIt(decision);
      const problems = validateDecision(decision, context);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(message);
    });
  }

  it("reports evidence that does not exist in the scan (only when the scan is given)", () => {
    const decision = valid();
    decision.facts[0]!.evidence = ["docker-compose.yml:99", "docker-compose.yml"];
    // A bare file is proven when the scan cites it anywhere; a line must match exactly.
    expect(validateDecision(decision, context)).toEqual(['Evidence "docker-compose.yml:99" for "Redis runs in compose." does not exist in the scan.']);
    expect(validateDecision(decision)).toEqual([]);
  });

  it("reports every problem at once", () => {
    const decision = valid();
    decision.security = [];
    decision.operations = [];
    decision.chosen.optionId = "nope";
    expect(validateDecision(decision, context)).toHaveLength(3);
  });
});
