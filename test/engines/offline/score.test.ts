import { describe, expect, it } from "@jest/globals";
import { buildEnv } from "../../../src/engines/offline/conditions.js";
import { findFlips } from "../../../src/engines/offline/flips.js";
import type { Question, Topic } from "../../../src/engines/offline/knowledge/schema.js";
import { fillEvidence, rankRows, scoreTopic } from "../../../src/engines/offline/score.js";
import { makeContext } from "./helpers.js";

const option = (id: string, scores: Record<string, number>, fit: Topic["options"][number]["fit"] = []): Topic["options"][number] => ({
  id, name: id.toUpperCase(), aliases: [], description: "d", good: ["g1", "g2"], neutral: [], bad: ["b1", "b2"], technicalDebt: "t", migrationPath: "m",
  scores, clients: {}, fit, guidelines: ["x", "y"], risks: [{ risk: "r", mitigation: "m" }], confirmation: ["c"], winsWhen: "w",
});

const speed: Question = {
  key: "toy.speed", dimension: "latency", prompt: "How fast?", why: "w",
  choices: [{ value: "slow", label: "slow is fine" }, { value: "fast", label: "must be fast" }],
  assumption: { value: "slow", statement: "Slow is fine." }, answeredBy: [],
};

const toy: Topic = {
  id: "toy", version: 3, title: "Toy", domain: "architecture", match: { phrases: ["toy choice", "toy pick"], keywords: [] },
  problem: "{title}", analysis: { domain: "d", dataAccessPatterns: "p", trafficShape: "t", timelineAndMaintenance: "m" },
  criteria: [
    { id: "speed", label: "Speed", dimension: "latency", weight: 2, description: "d" },
    { id: "cost", label: "Cost", dimension: "budget", weight: 1, description: "d" },
    { id: "ops", label: "Ops", dimension: "budget", weight: 1, description: "d" },
  ],
  weightRules: [
    { when: { answer: { "toy.speed": "fast" } }, criterion: "speed", factor: 3, reason: "Speed matters." },
    { when: { uses: ["redis"] }, criterion: "ops", factor: 2, reason: "Ops matter since {evidence}." },
  ],
  questions: [speed],
  options: [
    option("alpha", { speed: 2, cost: 5, ops: 5 }, [{ when: { uses: ["redis"] }, adjust: 0.5, reason: "Redis already runs here ({evidence})." }]),
    option("beta", { speed: 5, cost: 2, ops: 2 }),
    option("gamma", { speed: 3, cost: 3, ops: 4 }, [{ when: { uses: ["kafka"] }, adjust: 2, reason: "Never fires." }]),
  ],
  edgeCases: ["e1", "e2"], security: ["s"], operations: ["o"], revisitWhen: ["r"], sources: ["s"],
};

describe("scoreTopic", () => {
  it("computes weighted means and picks the highest total", () => {
    // alpha (2*2+5+5)/4 = 3.5; beta (10+2+2)/4 = 3.5; gamma (6+3+4)/4 = 3.25
    const result = scoreTopic(toy, buildEnv(makeContext(), { "toy.speed": "slow" }, toy));
    expect(result.rows.map((r) => [r.optionId, r.mean, r.adjustment, r.total])).toEqual([["alpha", 3.5, 0, 3.5], ["beta", 3.5, 0, 3.5], ["gamma", 3.25, 0, 3.25]]);
    // Tie on total and mean: topic order decides.
    expect(result.ranking).toEqual(["alpha", "beta", "gamma"]);
    expect(result.winnerId).toBe("alpha");
    expect(result.margin).toBe(0);
  });

  it("weight rules multiply weights and are recorded with their reason", () => {
    const result = scoreTopic(toy, buildEnv(makeContext(), { "toy.speed": "fast" }, toy));
    const speedCriterion = result.criteria.find((c) => c.id === "speed")!;
    expect(speedCriterion).toMatchObject({ baseWeight: 2, weight: 6, rules: [{ reason: "Speed matters.", factor: 3, evidence: [] }] });
    // beta (30+2+2)/8 = 4.25; alpha (12+5+5)/8 = 2.75; gamma (18+3+4)/8 = 3.125 → 3.13
    expect(result.rows.find((r) => r.optionId === "beta")!.total).toBe(4.25);
    expect(result.rows.find((r) => r.optionId === "alpha")!.total).toBe(2.75);
    expect(result.winnerId).toBe("beta");
    expect(result.ranking).toEqual(["beta", "gamma", "alpha"]);
    expect(result.margin).toBe(1.12);
  });

  it("fit rules add their adjustment and cite the proving files", () => {
    const ctx = makeContext({ items: { caches: [["redis", "docker-compose.yml", 12]] } });
    const result = scoreTopic(toy, buildEnv(ctx, { "toy.speed": "slow" }, toy));
    // ops weight 2: alpha (4+5+10)/5 = 3.8 + 0.5; beta (10+2+4)/5 = 3.2
    const alpha = result.rows.find((r) => r.optionId === "alpha")!;
    expect(alpha).toMatchObject({ mean: 3.8, adjustment: 0.5, total: 4.3 });
    expect(alpha.fired).toEqual([{ reason: "Redis already runs here (docker-compose.yml:12).", evidence: [{ file: "docker-compose.yml", line: 12 }], adjust: 0.5 }]);
    expect(result.criteria.find((c) => c.id === "ops")!.rules[0]!.reason).toBe("Ops matter since docker-compose.yml:12.");
    expect(result.rows.find((r) => r.optionId === "gamma")!.fired).toEqual([]);
  });

  it("scores only the requested options", () => {
    expect(scoreTopic(toy, buildEnv(makeContext(), {}, toy), ["gamma", "beta"]).rows.map((r) => r.optionId)).toEqual(["beta", "gamma"]);
  });
});

describe("rankRows", () => {
  it("breaks total ties by weighted mean, then by order", () => {
    const row = (optionId: string, mean: number, total: number) => ({ optionId, criterionScores: {}, mean, adjustment: total - mean, total, fired: [] });
    expect(rankRows([row("a", 3, 4), row("b", 4, 4), row("c", 4, 4), row("d", 5, 3)])).toEqual(["b", "c", "a", "d"]);
  });
});

describe("fillEvidence", () => {
  const e = [{ file: "docker-compose.yml", line: 12 }, { file: "package.json" }, { file: "a.yml", line: 1 }, { file: "b.yml", line: 2 }];
  it("lists up to three references and counts the rest", () => {
    expect(fillEvidence("Runs here ({evidence}).", e.slice(0, 2))).toBe("Runs here (docker-compose.yml:12, package.json).");
    expect(fillEvidence("Runs here ({evidence}).", e)).toBe("Runs here (docker-compose.yml:12, package.json, a.yml:1, 1 more).");
  });
  it("removes the placeholder cleanly when there is no file evidence", () => {
    expect(fillEvidence("Redis already runs here ({evidence}), so reuse it.", [])).toBe("Redis already runs here, so reuse it.");
    expect(fillEvidence("Celery's transport is RabbitMQ ({evidence}).", [])).toBe("Celery's transport is RabbitMQ.");
    expect(fillEvidence("Proven by: {evidence}.", [])).toBe("Proven by.");
    expect(fillEvidence("No placeholder.", [])).toBe("No placeholder.");
  });
});

describe("findFlips", () => {
  it("reports the assumed values that would change the winner", () => {
    const ctx = makeContext();
    const answers = [{ key: "toy.speed", dimension: "latency" as const, value: "slow", source: "assumption" as const, statement: "Slow is fine.", evidence: [] }];
    const winner = scoreTopic(toy, buildEnv(ctx, { "toy.speed": "slow" }, toy)).winnerId;
    expect(findFlips(toy, [speed], ctx, answers, winner)).toEqual([
      { key: "toy.speed", source: "assumption", statement: "Slow is fine.", values: [{ value: "fast", label: "must be fast" }], winnerId: "beta" },
    ]);
    // A user's answer is not second-guessed.
    expect(findFlips(toy, [speed], ctx, [{ ...answers[0]!, source: "answer" }], winner)).toEqual([]);
  });
});
