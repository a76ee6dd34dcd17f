// The Anthropic engine's pure parts: settings precedence, JSON extraction, evidence ids,
// clarify-reply reading, request bodies and the price table.
import { describe, expect, it } from "@jest/globals";
import { citeEvidence, legendOf, translateEvidence } from "../../../src/engines/anthropic/evidence.js";
import { extractJsonObject } from "../../../src/engines/anthropic/extract-json.js";
import { estimateCost, formatUsage, usageReport } from "../../../src/engines/anthropic/pricing.js";
import { startProgress } from "../../../src/engines/anthropic/progress.js";
import { readClarifyReply, readDecisionReply } from "../../../src/engines/anthropic/read-reply.js";
import type { RepoContext } from "../../../src/scan/types.js";
import { decideRequest, retryRequest } from "../../../src/engines/anthropic/requests.js";
import { anthropicConfigured, resolveAnthropicSettings } from "../../../src/engines/anthropic/settings.js";
import { engineNameFor } from "../../../src/engines/select.js";
import { CLARIFY_REPLY, decisionReply } from "./decision-fixture.js";

describe("settings", () => {
  it("flag over config over default for the model; env over config for the base URL; the key only from env", () => {
    const config = { anthropic: { model: "claude-haiku-5-5", baseUrl: "http://config.example:1", maxTokens: 999 } };
    expect(resolveAnthropicSettings({ env: {}, config })).toEqual({ apiKey: undefined, baseUrl: "http://config.example:1", model: "claude-haiku-5-5", maxTokens: 999, timeoutMs: 120_000, idleTimeoutMs: 60_000 });
    const flagged = resolveAnthropicSettings({ env: { ANTHROPIC_BASE_URL: "http://env.example:2", ANTHROPIC_API_KEY: " sk-x " }, config, model: "claude-opus-5-1" });
    expect(flagged).toMatchObject({ apiKey: "sk-x", baseUrl: "http://env.example:2", model: "claude-opus-5-1" });
    expect(resolveAnthropicSettings({ env: {} }).model).toBe("claude-sonnet-5-5");
  });

  it("the selection rule: a flag wins; else anthropic when a key or a base URL is set", () => {
    expect(engineNameFor({ env: {} })).toBe("offline");
    expect(engineNameFor({ env: { ANTHROPIC_API_KEY: "k" } })).toBe("anthropic");
    expect(engineNameFor({ env: { ANTHROPIC_BASE_URL: "http://localhost:11434" } })).toBe("anthropic");
    expect(engineNameFor({ env: {}, config: { anthropic: { baseUrl: "http://localhost:11434" } } })).toBe("anthropic");
    expect(engineNameFor({ env: { ANTHROPIC_API_KEY: "k" }, name: "offline" })).toBe("offline");
    expect(engineNameFor({ env: { ANTHROPIC_API_KEY: "" } })).toBe("offline");
    expect(anthropicConfigured({ ANTHROPIC_API_KEY: "   " })).toBe(false);
  });
});

describe("extractJsonObject", () => {
  it.each([
    ["plain JSON", '{"a":1}', { a: 1 }],
    ["prose around it", 'Sure. {"a": {"b": "}"}} Done.', { a: { b: "}" } }],
    ["a json fence", 'Here:\n```json\n{"a": [1, 2]}\n```\n', { a: [1, 2] }],
    ["an unbalanced brace first", 'Use {braces} like this: {"a": "x\\"y"}', { a: 'x"y' }],
  ])("%s", (_name, text, expected) => {
    expect(extractJsonObject(text)).toEqual(expected);
  });

  it("nothing to find", () => {
    expect(extractJsonObject("no json here {oops")).toBeUndefined();
    expect(extractJsonObject("")).toBeUndefined();
  });
});

describe("evidence ids", () => {
  const summary = "Repository context:\n- postgresql [E1][E2]\n\nEvidence:\n[E1] docker-compose.yml:10\n[E2] package.json";
  it("reads the legend, translates ids written loosely, rejects unknown ones and passes literal references on", () => {
    const legend = legendOf(summary);
    expect([...legend.byId]).toEqual([
      ["E1", "docker-compose.yml:10"],
      ["E2", "package.json"],
    ]);
    const { refs, problems } = translateEvidence(["E1", "[E2]", " e1 ", "E7", "src/x.ts:3"], legend, "Runs PostgreSQL.");
    expect(refs).toEqual(["docker-compose.yml:10", "package.json", "src/x.ts:3"]);
    expect(problems).toEqual(['Evidence id "E7" for "Runs PostgreSQL." is not in the context legend; cite only the ids listed there.']);
  });

  it("new evidence (a repository answer's proof) gets the next ids", () => {
    const legend = legendOf(summary);
    expect(citeEvidence(legend, [{ file: "package.json" }, { file: "infra/main.tf", line: 4 }])).toEqual({ ids: ["E2", "E3"], added: ["[E3] infra/main.tf:4"] });
    expect(legend.byId.get("E3")).toBe("infra/main.tf:4");
  });
});

describe("readClarifyReply", () => {
  it("keeps valid questions under the ask. prefix and drops malformed, duplicate and inconsistent ones", () => {
    const good = JSON.parse(CLARIFY_REPLY) as { questions: Array<Record<string, unknown>> };
    const q = good.questions[0]!;
    const reply = JSON.stringify({
      questions: [q, q, { ...q, key: "Bad Key" }, { ...q, key: "other", assumption: { value: "maybe", statement: "x" } }, { ...q, key: "second", dimension: "latency" }],
    });
    const { questions, dropped } = readClarifyReply(reply, new Set(["scale.rps"]));
    expect(questions.map((x) => [x.key, x.dimension])).toEqual([
      ["ask.replay", "consistency"],
      ["ask.second", "latency"],
    ]);
    expect(dropped).toBe(3);
    expect(readClarifyReply("I have no questions.", new Set())).toEqual({ questions: [], dropped: 0, unreadable: true });
    expect(readClarifyReply('{"questions": []}', new Set())).toEqual({ questions: [], dropped: 0, unreadable: false });
  });
});

describe("request bodies", () => {
  const settings = resolveAnthropicSettings({ env: {}, model: "claude-haiku-5-5" });
  const input = {
    title: "queue for ghp_Fk3T0k3nV4lu3F0rT3st1ngAbCdEfGh1234",
    summary: "Repository context:\n\nEvidence:\n[E1] package.json:3",
    legend: legendOf("[E1] package.json:3"),
    answers: [{ key: "integration.cloud", dimension: "integration" as const, value: "aws", source: "repo" as const, statement: "The repository deploys to AWS.", evidence: [{ file: "infra/main.tf", line: 2 }] }],
    namedOptions: ["SQS", "Kafka"],
    feedback: "Mention costs; password=hunter2hunter2",
  };

  it("decide: model, max tokens, the cached system block; secrets redacted; answer evidence gets an id", () => {
    const body = decideRequest(settings, input);
    expect(body.model).toBe("claude-haiku-5-5");
    expect(body.max_tokens).toBe(16_000);
    expect(body.system).toHaveLength(1);
    expect(body.system[0]!.cache_control).toEqual({ type: "ephemeral" });
    const text = body.messages[0]!.content;
    expect(text).not.toContain("ghp_Fk3T0k3nV4lu3F0rT3st1ngAbCdEfGh1234");
    expect(text).not.toContain("hunter2hunter2");
    expect(text).toContain("More evidence (cite these ids too):\n[E2] infra/main.tf:2");
    expect(text).toContain("- integration.cloud (integration), from the repository: The repository deploys to AWS. [E2]");
    expect(text).toContain("Options the user asked to weigh (include each one): SQS; Kafka");
  });

  it("retry: the rejected reply as the assistant turn, then the problems", () => {
    const first = decideRequest(settings, input);
    const retry = retryRequest(first, '{"title": "x"}', ["options: expected array"]);
    expect(retry.messages.map((m) => m.role)).toEqual(["user", "assistant", "user"]);
    expect(retry.messages[2]!.content).toMatch(/^Your reply was rejected by the validator:\n- options: expected array\n/);
    expect(retry.system).toBe(first.system);
  });
});

describe("pricing", () => {
  it("estimates from the per-model table with each model's own cache prices, by the longest id prefix", () => {
    const usage = { requests: 2, inputTokens: 1_000_000, outputTokens: 100_000, cacheCreationInputTokens: 100_000, cacheReadInputTokens: 1_000_000 };
    // Sonnet 5.5: 2 input + 1 output + 0.25 cache write + 0.1 cache read.
    expect(estimateCost("claude-sonnet-5-5", usage)).toBe(3.35);
    // Sonnet 5 reads its cache at $0.20: the longer prefix wins over the shorter one.
    expect(estimateCost("claude-sonnet-5", usage)).toBe(3.45);
    expect(estimateCost("claude-haiku-5-5-20260101", usage)).toBe(0.1725);
    expect(estimateCost("claude-opus-4-5-20251101", usage)).toBe(8.625);
    expect(estimateCost("claude-opus-4-1-20250805", usage)).toBe(25.875);
    expect(estimateCost("claude-opus-4-20250514", usage)).toBe(25.875);
    expect(estimateCost("llama3.1:8b", usage)).toBeNull();
    expect(formatUsage(usageReport("llama3.1:8b", usage))).toBe("llama3.1:8b: 1,000,000 input, 100,000 output, 1,100,000 cached tokens (1,000,000 read, 100,000 written) in 2 requests; cost unknown for this model.");
  });
});

describe("progress", () => {
  it("on a terminal: a spinner with elapsed time and estimated tokens, cleared before the summary line", () => {
    let now = 1_000;
    const written: string[] = [];
    const lines: string[] = [];
    const progress = startProgress({ line: (l) => lines.push(l), terminal: { write: (t) => written.push(t) } }, "claude is deciding", () => now);
    expect(written[0]).toMatch(/^\r\x1b\[K⠋ claude is deciding… 0\.0 s · ~0 tokens$/);
    progress.text(4_000);
    now = 3_500;
    progress.done(1_234);
    expect(written.at(-1)).toBe("\r\x1b[K");
    expect(lines).toEqual(["claude is deciding: done in 2.5 s, 1,234 output tokens."]);
  });

  it("elsewhere: plain lines only", () => {
    const lines: string[] = [];
    const progress = startProgress({ line: (l) => lines.push(l) }, "claude is deciding", () => 0);
    progress.stop();
    expect(lines).toEqual(["claude is deciding…"]);
  });
});

describe("readDecisionReply", () => {
  const context: RepoContext = {
    root: "/repo",
    ...{ languages: [], frameworks: [], caches: [], messaging: [], apiStyles: [], auth: [], infra: [], ci: [], services: [], packages: [], existingDecisions: [], warnings: [] },
    datastores: [{ name: "postgresql", evidence: [{ file: "docker-compose.yml", line: 10 }] }],
  };
  const legend = () => legendOf("[E1] docker-compose.yml:10");

  it("translates evidence, turns score lists into the matrix and computes weighted scores", () => {
    const read = readDecisionReply(JSON.stringify(decisionReply(["E1"])), legend(), context);
    if (!("decision" in read)) throw new Error(read.problems.join("\n"));
    expect(read.decision.facts[0]!.evidence).toEqual(["docker-compose.yml:10"]);
    expect(read.decision.options.map((o) => [o.id, o.driverScores, o.score])).toEqual([
      ["rabbitmq", { reuse: 2, reliability: 5 }, 2.75],
      ["pg-queue", { reuse: 5, reliability: 4 }, 4.75],
    ]);
  });

  it("names every problem: a score for an unknown driver, a literal reference the scan lacks, a missing dimension", () => {
    const reply = decisionReply(["src/app.ts:3"]);
    const options = reply.options as Array<{ driverScores: unknown[] }>;
    options[0]!.driverScores.push({ driverId: "speed", score: 4 });
    reply.dimensions = (reply.dimensions as Array<{ dimension: string }>).filter((d) => d.dimension !== "budget");
    const read = readDecisionReply(JSON.stringify(reply), legend(), context);
    expect("problems" in read && read.problems).toEqual([
      'Option "rabbitmq" scores "speed", which is not a decision driver.',
      'Dimension "budget" is neither known, answered nor assumed.',
      'Evidence "src/app.ts:3" for "The service runs PostgreSQL." does not exist in the scan.',
    ]);
  });
});
