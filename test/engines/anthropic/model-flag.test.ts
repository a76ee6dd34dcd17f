// `--model` on revise and questions reaches the Messages API exactly as it does for new.
import { afterAll, afterEach, describe, expect, it } from "@jest/globals";
import { cleanupTempDirs } from "../../helpers/tmp.js";
import { runAdrgen } from "../../helpers/run.js";
import { copyFixture } from "../../scan/fixture-repo.js";
import { CLARIFY_REPLY, decisionReply, legendIds } from "./decision-fixture.js";
import { startFakeApi, type FakeApi, type RecordedRequest } from "./fake-messages-api.js";

afterAll(cleanupTempDirs);
let api: FakeApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

/** Answers a clarify request with questions and a decide request with a decision (told apart by the output schema). */
const reply = (request: RecordedRequest) =>
  JSON.stringify(request.body.output_config?.format.schema ?? {}).includes("chosenOption") || JSON.stringify(request.body).includes("decision matrix")
    ? { text: JSON.stringify(decisionReply(legendIds(request).slice(0, 1))) }
    : { text: CLARIFY_REPLY };
const env = (url: string) => ({ ANTHROPIC_BASE_URL: url, ADRGEN_DECISION_MAKERS: "Alex Example" });

describe("--model", () => {
  it("questions --model is taken and named; listing sends no request (Claude's topic questions come with new)", async () => {
    api = await startFakeApi([{ text: CLARIFY_REPLY }]);
    const root = copyFixture("node-postgres-redis");
    const flagged = await runAdrgen(["questions", "choose message queue", "--json", "--model", "claude-haiku-5-5"], { cwd: root, env: env(api.url) });
    expect(flagged.code).toBe(0);
    expect(flagged.stderr).toContain("The anthropic engine (claude-haiku-5-5) adds its own topic questions when adrgen new runs");
    expect(JSON.parse(flagged.stdout).questions.length).toBeGreaterThan(0);
    const plain = await runAdrgen(["questions", "choose message queue", "--json"], { cwd: root, env: env(api.url) });
    expect(plain.stderr).toContain("The anthropic engine (claude-sonnet-5-5)");
    expect(api.requests).toEqual([]);
  });

  it("revise --model sends the chosen model in every request", async () => {
    const root = copyFixture("node-postgres-redis");
    const created = await runAdrgen(["new", "choose message queue", "--yes", "--engine", "offline"], { cwd: root });
    expect(created.code).toBe(0);
    api = await startFakeApi([reply]);
    const result = await runAdrgen(["revise", "2", "--dry-run", "--json", "--engine", "anthropic", "--model", "claude-opus-5-1"], { cwd: root, env: env(api.url) });
    expect(result.stderr).toMatch(/anthropic engine/);
    expect(api.requests.length).toBeGreaterThan(0);
    expect(new Set(api.requests.map((r) => r.body.model))).toEqual(new Set(["claude-opus-5-1"]));
  });

  it("new, revise and questions declare --engine and --model once, with the same help", async () => {
    const helps = await Promise.all(["new", "revise", "questions"].map(async (command) => (await runAdrgen([command, "--help"], { cwd: copyFixture("node-postgres-redis") })).stdout));
    for (const help of helps) {
      expect(help).toMatch(/--model\s+Claude model for the Anthropic engine/);
      expect(help).toMatch(/--engine\s+Advisor engine: offline or anthropic \(default: anthropic when/);
    }
  });
});
