// The Anthropic engine in-process against a fake Messages API: requests sent, replies validated,
// the ADR written (or not). Streaming and plain requests, clarify + decide, retry on a bad reply.
import { afterAll, afterEach, describe, expect, it } from "@jest/globals";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { generateAdr } from "../../../src/app/generate-adr.js";
import type { Prompter } from "../../../src/clarify/prompt.js";
import { resolveWorkspace } from "../../../src/config/workspace.js";
import { AdrgenError } from "../../../src/domain/errors.js";
import { createAnthropicEngine, type AnthropicEngineOptions } from "../../../src/engines/anthropic/engine.js";
import { resolveAnthropicSettings } from "../../../src/engines/anthropic/settings.js";
import { loadDimensionQuestions } from "../../../src/engines/offline/knowledge/load.js";
import { cleanupTempDirs } from "../../helpers/tmp.js";
import { copyFixture } from "../../scan/fixture-repo.js";
import { CLARIFY_REPLY, decisionReply, legendIds, userText } from "./decision-fixture.js";
import { startFakeApi, type FakeApi } from "./fake-messages-api.js";

afterAll(cleanupTempDirs);
let api: FakeApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const env = { ADRGEN_DATE: "2026-01-15", ADRGEN_DECISION_MAKERS: "Alex Example" };
const TITLE = "choose message queue";
/** Every generic question answered: nothing is open, so no clarify request is needed. */
const ALL_ANSWERS = loadDimensionQuestions().map((q) => `${q.key}=${q.assumption.value}`);

async function run(options: { answers?: string[]; prompter?: Prompter; engine?: Partial<AnthropicEngineOptions>; config?: { model?: string; maxTokens?: number } }) {
  const root = copyFixture("node-postgres-redis");
  const workspace = await resolveWorkspace({ cwd: root });
  const lines: string[] = [];
  const settings = resolveAnthropicSettings({ env: { ANTHROPIC_API_KEY: "sk-test-key", ANTHROPIC_BASE_URL: api!.url }, config: { anthropic: options.config ?? {} } });
  const engine = createAnthropicEngine({ settings, progress: { line: (l) => lines.push(l) }, ...options.engine });
  const outcome = await generateAdr(workspace, { title: TITLE, answers: options.answers ?? [], yes: !options.prompter }, { cwd: root, env, engine, prompter: options.prompter }).then(
    (result) => ({ result, error: undefined }),
    (error: unknown) => ({ result: undefined, error: error as AdrgenError }),
  );
  const adrs = readdirSync(path.join(root, "docs/adr")).sort();
  return { ...outcome, lines, adrs, root, engine };
}

const decide = (request: Parameters<typeof legendIds>[0]) => ({ text: JSON.stringify(decisionReply(legendIds(request).slice(0, 1))) });

describe("a clean run", () => {
  it.each([
    ["streaming", true],
    ["non-streaming", false],
  ])("%s: one decide request when the answers settle everything; the ADR is written with the cited evidence", async (_name, stream) => {
    api = await startFakeApi([decide]);
    const { result, error, adrs, root, lines, engine } = await run({ answers: ALL_ANSWERS, engine: { stream }, config: { model: "claude-haiku-5-5", maxTokens: 4321 } });
    expect(error).toBeUndefined();
    expect(api.requests).toHaveLength(1);
    const [request] = api.requests;
    expect(request!.path).toBe("/v1/messages");
    expect(Boolean(request!.body.stream)).toBe(stream);
    expect(request!.body.model).toBe("claude-haiku-5-5");
    expect(request!.body.max_tokens).toBe(4321);
    expect(request!.body.system[0]!.cache_control).toEqual({ type: "ephemeral" });
    expect(request!.body.system[0]!.text).toMatch(/four steps/);
    expect(request!.body.output_config?.format.type).toBe("json_schema");
    // The context summary with its legend went out, and the answers with their sources.
    expect(userText(request!)).toMatch(/Repository context \(detected from files/);
    expect(userText(request!)).toMatch(/^\[E1\] \S+/m);
    expect(userText(request!)).toMatch(/scale\.rps \(scale\), answered by the user:/);

    expect(adrs).toEqual(["0001-use-postgresql.md", "0002-choose-message-queue.md"]);
    const text = readFileSync(path.join(root, "docs/adr/0002-choose-message-queue.md"), "utf8");
    expect(text).toMatch(/Chosen option: "PostgreSQL queue table"/);
    // The weighted scores come from Claude's weights and per-driver scores: (3·2 + 1·5)/4 and (3·5 + 1·4)/4.
    expect(text).toMatch(/\| \*\*Weighted score\*\* \| \| \*\*2\.75\*\* \| \*\*4\.75\*\* \|/);
    // The E1 citation became the file:line it stands for.
    const e1 = /^\[E1\] (\S+)/m.exec(userText(request!))![1]!;
    expect(text).toContain(e1);
    expect(result!.notes.join("\n")).toMatch(/claude-haiku-5-5: 1,200 input, 800 output, 0 cached tokens .* in 1 request; estimated cost \$0\.0005/);
    expect(engine.usage()).toMatchObject({ requests: 1, inputTokens: 1200, outputTokens: 800, estimatedCostUsd: 0.0005 });
    expect(lines.join("\n")).toMatch(/claude-haiku-5-5 is deciding: done in .* 800 output tokens/);
  });

  it("a clarify round, then a decide round: Claude's question is asked and its answer sent", async () => {
    api = await startFakeApi([{ text: CLARIFY_REPLY }, decide]);
    const asked: string[] = [];
    const prompter: Prompter = {
      async ask(question) {
        asked.push(question.key);
        return question.key === "ask.replay" ? "yes" : "assume";
      },
    };
    const { error, adrs } = await run({ answers: ["scale.rps=1k-10k"], prompter });
    expect(error).toBeUndefined();
    expect(api.requests).toHaveLength(2);
    expect(userText(api.requests[0]!)).toMatch(/Task: clarify/);
    expect(userText(api.requests[0]!)).toMatch(/scale\.rps \(scale\): .* answered by the user/);
    expect(asked).toContain("ask.replay");
    expect(asked).not.toContain("scale.rps");
    expect(userText(api.requests[1]!)).toMatch(/ask\.replay \(consistency\), answered by the user: Must consumers be able to replay past events\? Yes, days of history\./);
    expect(adrs).toHaveLength(2);
  });
});

describe("validation", () => {
  it("a malformed reply gets one retry carrying the problems; the valid second reply is written", async () => {
    api = await startFakeApi([{ text: "Here is my answer: {not json" }, decide]);
    const { error, adrs, lines } = await run({ answers: ALL_ANSWERS });
    expect(error).toBeUndefined();
    expect(api.requests).toHaveLength(2);
    const retry = api.requests[1]!.body.messages;
    expect(retry.map((m) => m.role)).toEqual(["user", "assistant", "user"]);
    expect(retry[1]!.content).toBe("Here is my answer: {not json");
    expect(retry[2]!.content).toMatch(/rejected by the validator:\n- The reply contains no JSON document/);
    expect(lines.join("\n")).toMatch(/failed validation \(1 problem\); asking once more/);
    expect(adrs).toHaveLength(2);
  });

  it("malformed twice: exit 3, the problems named, nothing written, three requests at most", async () => {
    api = await startFakeApi([{ text: CLARIFY_REPLY }, { text: JSON.stringify({ title: "half a decision" }) }]);
    const { error, adrs } = await run({ answers: ["scale.rps=1k-10k"] });
    expect(error).toBeInstanceOf(AdrgenError);
    expect(error!.exitCode).toBe(3);
    expect(error!.message).toMatch(/decision failed validation twice; nothing was written:\n {2}- /);
    expect(error!.message).toMatch(/options: /);
    expect(api.requests).toHaveLength(3);
    expect(adrs).toEqual(["0001-use-postgresql.md"]);
  });

  it("an unreadable clarify reply costs only the topic questions: the decide round still runs", async () => {
    api = await startFakeApi([{ text: "I would ask about replay." }, decide]);
    const { error, adrs, lines } = await run({ answers: ["scale.rps=1k-10k"] });
    expect(error).toBeUndefined();
    expect(api.requests).toHaveLength(2);
    expect(lines).toContain("Claude's clarifying questions could not be read; continuing with the generic questions.");
    expect(userText(api.requests[1]!)).not.toMatch(/ask\./);
    expect(adrs).toHaveLength(2);
  });

  it("a reply cut off at max_tokens is not retried: the limit is named, nothing written", async () => {
    api = await startFakeApi([(request) => ({ text: JSON.stringify(decisionReply(legendIds(request).slice(0, 1))).slice(0, 500), stopReason: "max_tokens" })]);
    const { error, adrs } = await run({ answers: ALL_ANSWERS, config: { maxTokens: 1000 } });
    expect(error?.exitCode).toBe(3);
    expect(error!.message).toMatch(/cut off at max_tokens \(1000\)/);
    expect(error!.hint).toMatch(/anthropic\.maxTokens/);
    expect(api.requests).toHaveLength(1);
    expect(adrs).toEqual(["0001-use-postgresql.md"]);
  });

  it("evidence ids missing from the context legend are rejected, not rendered", async () => {
    api = await startFakeApi([{ text: JSON.stringify(decisionReply(["E999"])) }]);
    const { error, adrs } = await run({ answers: ALL_ANSWERS });
    expect(error?.exitCode).toBe(3);
    expect(error!.message).toMatch(/Evidence id "E999" for "The service runs PostgreSQL\." is not in the context legend/);
    expect(api.requests).toHaveLength(2);
    expect(adrs).toEqual(["0001-use-postgresql.md"]);
  });

  it("a local server that ignores the schema: the JSON is taken from the prose around it", async () => {
    api = await startFakeApi([(request) => ({ text: `Sure! Here is the decision:\n\n\`\`\`json\n${JSON.stringify(decisionReply(legendIds(request).slice(0, 2)), null, 2)}\n\`\`\`\nHope this helps.` })]);
    const { error, adrs } = await run({ answers: ALL_ANSWERS });
    expect(error).toBeUndefined();
    expect(api.requests).toHaveLength(1);
    expect(adrs).toHaveLength(2);
  });
});

describe("faults: clear message, exit 3, nothing written", () => {
  it("529 then success: the SDK retries and the ADR is written", async () => {
    api = await startFakeApi([{ status: 529, errorType: "overloaded_error", message: "Overloaded" }, decide]);
    const { error, adrs } = await run({ answers: ALL_ANSWERS });
    expect(error).toBeUndefined();
    expect(api.requests).toHaveLength(2);
    expect(adrs).toHaveLength(2);
  });

  it("a persistent 500 ends after the SDK's retries with a hint to go offline", async () => {
    api = await startFakeApi([{ status: 500, errorType: "api_error", message: "Internal server error" }]);
    const { error, adrs } = await run({ answers: ALL_ANSWERS });
    expect(error?.exitCode).toBe(3);
    expect(error!.message).toMatch(/failed with a server error \(500: api_error: Internal server error\); gave up after 3 attempts/);
    expect(error!.hint).toMatch(/--engine offline/);
    expect(api.requests).toHaveLength(3);
    expect(adrs).toEqual(["0001-use-postgresql.md"]);
  });

  it("401: the key was rejected, and where keys are configured", async () => {
    api = await startFakeApi([{ status: 401, errorType: "authentication_error", message: "invalid x-api-key" }]);
    const { error, adrs } = await run({ answers: ALL_ANSWERS });
    expect(error?.exitCode).toBe(3);
    expect(error!.message).toMatch(/The API key was rejected by http:\/\/127\.0\.0\.1:\d+ \(401: authentication_error: invalid x-api-key\)/);
    expect(error!.hint).toMatch(/ANTHROPIC_API_KEY environment variable/);
    expect(api.requests).toHaveLength(1);
    expect(adrs).toEqual(["0001-use-postgresql.md"]);
  });

  it("a stalled stream is aborted by the idle watchdog", async () => {
    api = await startFakeApi([{ stall: true }]);
    const started = Date.now();
    const settings = { idleTimeoutMs: 300 };
    const { error, adrs } = await run({ answers: ALL_ANSWERS, engine: { settings: { ...resolveAnthropicSettings({ env: { ANTHROPIC_API_KEY: "k", ANTHROPIC_BASE_URL: api.url } }), ...settings } } });
    expect(error?.exitCode).toBe(3);
    expect(error!.message).toMatch(/stalled: nothing arrived for 0\.3 s, so the request was aborted/);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(api.requests).toHaveLength(1);
    expect(adrs).toEqual(["0001-use-postgresql.md"]);
  });

  it("no headers at all: the client timeout applies (with the SDK's retries), not the watchdog", async () => {
    api = await startFakeApi([{ hang: true }]);
    const settings = { ...resolveAnthropicSettings({ env: { ANTHROPIC_API_KEY: "k", ANTHROPIC_BASE_URL: api.url } }), timeoutMs: 200, idleTimeoutMs: 50 };
    const { error, adrs } = await run({ answers: ALL_ANSWERS, engine: { settings } });
    expect(error?.exitCode).toBe(3);
    expect(error!.message).toMatch(/^No answer from http:\/\/127\.0\.0\.1:\d+ within 0\.2 s \(after retries\)\.$/);
    expect(error!.hint).toMatch(/anthropic\.timeoutMs/);
    expect(api.requests).toHaveLength(3);
    expect(adrs).toEqual(["0001-use-postgresql.md"]);
  });

  it("a slow stream that keeps sending is not aborted: every event re-arms the watchdog", async () => {
    api = await startFakeApi([(request) => ({ text: JSON.stringify(decisionReply(legendIds(request).slice(0, 1))), frameDelayMs: 150 })]);
    const started = Date.now();
    const settings = { ...resolveAnthropicSettings({ env: { ANTHROPIC_API_KEY: "k", ANTHROPIC_BASE_URL: api.url } }), idleTimeoutMs: 400 };
    const { error, adrs } = await run({ answers: ALL_ANSWERS, engine: { settings } });
    expect(error).toBeUndefined();
    // Four deltas 150 ms apart: longer in all than the idle limit, never silent that long.
    expect(Date.now() - started).toBeGreaterThan(600);
    expect(adrs).toHaveLength(2);
  });

  it("an abort (Ctrl-C) ends the request: the abort error, nothing written", async () => {
    api = await startFakeApi([{ stall: true }]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const { error, adrs } = await run({ answers: ALL_ANSWERS, engine: { signal: controller.signal } });
    expect(error?.message).toBe("Aborted; nothing was written.");
    expect(adrs).toEqual(["0001-use-postgresql.md"]);
  });

  it("a network failure names the address", async () => {
    api = await startFakeApi([decide]);
    const url = api.url;
    await api.close();
    api = undefined;
    const root = copyFixture("node-postgres-redis");
    const workspace = await resolveWorkspace({ cwd: root });
    const engine = createAnthropicEngine({ settings: resolveAnthropicSettings({ env: { ANTHROPIC_API_KEY: "k", ANTHROPIC_BASE_URL: url } }) });
    const error = (await generateAdr(workspace, { title: TITLE, answers: ALL_ANSWERS, yes: true }, { cwd: root, env, engine }).catch((e: unknown) => e)) as AdrgenError;
    expect(error.exitCode).toBe(3);
    expect(error.message).toContain(`Could not reach ${url}`);
    expect(existsSync(path.join(root, "docs/adr/0002-choose-message-queue.md"))).toBe(false);
  });
});
