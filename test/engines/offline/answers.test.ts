import { describe, expect, it } from "@jest/globals";
import { answerStatement, planQuestions, resolveAnswers, statementWithSource } from "../../../src/engines/offline/answers.js";
import { AdrgenError } from "../../../src/domain/errors.js";
import { engine, generic, makeContext, topics } from "./helpers.js";

const broker = topics.find((t) => t.id === "message-broker")!;
const questions = [...generic, ...broker.questions];

describe("resolveAnswers", () => {
  it("given answers win, then the repository, then the assumption", () => {
    const ctx = makeContext({ items: { infra: [["aws", "infra/main.tf", 4]], messaging: [["bullmq", "package.json", 12]] } });
    const answers = resolveAnswers(questions, ctx, { "scale.rps": "gt-100k" }, broker);
    const byKey = new Map(answers.map((a) => [a.key, a]));
    expect(answers.map((a) => a.key)).toEqual(questions.map((q) => q.key));
    expect(byKey.get("scale.rps")).toMatchObject({ value: "gt-100k", source: "answer", evidence: [] });
    expect(byKey.get("integration.cloud")).toMatchObject({ value: "aws", source: "repo", evidence: [{ file: "infra/main.tf", line: 4 }] });
    expect(byKey.get("message-broker.pattern")).toMatchObject({ value: "task-queue", source: "repo", evidence: [{ file: "package.json", line: 12 }] });
    expect(byKey.get("budget.ops")).toMatchObject({ value: "some", source: "assumption" });
    expect(byKey.get("budget.ops")!.statement).toBe(generic.find((q) => q.key === "budget.ops")!.assumption.statement);
  });

  it("a given answer overrides what the repository says", () => {
    const ctx = makeContext({ items: { infra: [["aws", "infra/main.tf", 4]] } });
    const cloud = resolveAnswers(questions, ctx, { "integration.cloud": "on-prem" }, broker).find((a) => a.key === "integration.cloud")!;
    expect(cloud).toMatchObject({ value: "on-prem", source: "answer" });
  });

  it("rejects values that are not choices, listing every problem", () => {
    let error: unknown;
    try {
      resolveAnswers(questions, makeContext(), { "scale.rps": "lots", "budget.ops": "maybe", "team.size": "1-3" }, broker);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AdrgenError);
    expect((error as AdrgenError).exitCode).toBe(2);
    expect((error as AdrgenError).message).toContain("scale.rps=lots");
    expect((error as AdrgenError).message).toContain("budget.ops=maybe");
    expect((error as AdrgenError).message).not.toContain("team.size");
  });

  it("states user answers as question and label, and labels the source", () => {
    const q = generic.find((x) => x.key === "scale.rps")!;
    expect(answerStatement(q, "gt-100k")).toBe(`${q.prompt} Over 100,000/s.`);
    expect(statementWithSource({ key: "k.k", dimension: "scale", value: "v", source: "assumption", statement: "Load is low.", evidence: [] })).toBe("Load is low (assumed).");
  });
});

describe("plan()", () => {
  it("returns generic and topic questions, what is known and what is open", async () => {
    const ctx = makeContext({ items: { infra: [["gcp", "cloudbuild.yaml", 2]] } });
    const plan = await engine.plan({ title: "Kafka vs RabbitMQ", context: ctx, given: { "message-broker.replay": "yes" } });
    expect(plan.questions.map((q) => q.key)).toEqual(questions.map((q) => q.key));
    expect(plan.known.map((k) => [k.key, k.source])).toEqual([["integration.cloud", "repo"], ["message-broker.replay", "answer"]]);
    expect(plan.open).toEqual(questions.map((q) => q.key).filter((k) => k !== "integration.cloud" && k !== "message-broker.replay"));
    expect(plan.questions[0]).toEqual({ key: "scale.users", dimension: "scale", prompt: generic[0]!.prompt, why: generic[0]!.why, choices: generic[0]!.choices, assumption: generic[0]!.assumption });
  });

  it("an unknown topic still gets the generic questions (for --option)", async () => {
    const plan = await engine.plan({ title: "lunch menu", context: makeContext(), given: {} });
    expect(plan.questions.map((q) => q.key)).toEqual(generic.map((q) => q.key));
  });

  it("the planQuestions helper agrees with plan()", async () => {
    const ctx = makeContext();
    expect(planQuestions(generic, broker, ctx, {})).toEqual(await engine.plan({ title: "choose message queue", context: ctx, given: {} }));
  });
});
