// `adrgen new` in-process with the Anthropic engine chosen by the environment, config and flags,
// against a fake Messages API: requests, --json usage, --print-prompt, redaction, exit codes.
import { afterAll, afterEach, describe, expect, it } from "@jest/globals";
import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cleanupTempDirs } from "../../helpers/tmp.js";
import { runAdrgen } from "../../helpers/run.js";
import { copyFixture } from "../../scan/fixture-repo.js";
import { PLANTED_SECRETS } from "../../scan/planted-secrets.js";
import { CLARIFY_REPLY, decisionReply, legendIds, userText } from "./decision-fixture.js";
import { startFakeApi, type FakeApi, type RecordedRequest } from "./fake-messages-api.js";

afterAll(cleanupTempDirs);
let api: FakeApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const decide = (request: RecordedRequest) => ({ text: JSON.stringify(decisionReply(legendIds(request).slice(0, 1))) });
const adrFiles = (root: string) => readdirSync(path.join(root, "docs/adr")).sort();
const run = (root: string, args: string[], env: NodeJS.ProcessEnv = {}) => runAdrgen(args, { cwd: root, env: { ADRGEN_DECISION_MAKERS: "Alex Example", ...env } });

describe("engine selection", () => {
  it("ANTHROPIC_BASE_URL alone selects the Anthropic engine; --json carries usage and the cost goes to stderr", async () => {
    api = await startFakeApi([{ text: CLARIFY_REPLY, usage: { input_tokens: 900, output_tokens: 100, cache_creation_input_tokens: 2000 } }, decide]);
    const root = copyFixture("node-postgres-redis");
    const result = await run(root, ["new", "choose message queue", "--yes", "--json"], { ANTHROPIC_BASE_URL: api.url });
    expect(result.stderr).toMatch(/Deciding with the anthropic engine/);
    expect(result.code).toBe(0);
    expect(api.requests).toHaveLength(2);
    const json = JSON.parse(result.stdout) as { path: string; usage: Record<string, unknown> };
    expect(json.path).toBe("docs/adr/0002-choose-message-queue.md");
    expect(json.usage).toEqual({ model: "claude-sonnet-5-5", requests: 2, inputTokens: 2100, outputTokens: 900, cacheCreationInputTokens: 2000, cacheReadInputTokens: 0, estimatedCostUsd: 0.0182 });
    expect(result.stderr).toMatch(/claude-sonnet-5-5: 2,100 input, 900 output, 2,000 cached tokens \(0 read, 2,000 written\) in 2 requests; estimated cost \$0\.0182\./);
    // Without a key the placeholder goes out, never a key from somewhere else.
    expect(api.requests[0]!.headers.authorization).toBe("Bearer adrgen-local-no-key");
    expect(adrFiles(root)).toEqual(["0001-use-postgresql.md", "0002-choose-message-queue.md"]);
  });

  it("model and max tokens from .adrgenrc.json, --model wins over the config", async () => {
    api = await startFakeApi([{ text: CLARIFY_REPLY }, decide]);
    const root = copyFixture("node-postgres-redis");
    writeFileSync(path.join(root, ".adrgenrc.json"), JSON.stringify({ anthropic: { model: "claude-haiku-5-5", maxTokens: 2048, baseUrl: api.url } }));
    const configured = await run(root, ["new", "choose message queue", "--yes", "--dry-run"]);
    expect(configured.code).toBe(0);
    expect(api.requests.map((r) => [r.body.model, r.body.max_tokens])).toEqual([
      ["claude-haiku-5-5", 2048],
      ["claude-haiku-5-5", 2048],
    ]);
    const flagged = await run(root, ["new", "choose message queue", "--yes", "--dry-run", "--model", "claude-opus-5-1"], { ANTHROPIC_API_KEY: "sk-test-flag" });
    expect(flagged.code).toBe(0);
    expect(api.requests.slice(2).map((r) => r.body.model)).toEqual(["claude-opus-5-1", "claude-opus-5-1"]);
    expect(api.requests[2]!.headers.authorization).toBe("Bearer sk-test-flag");
  });

  it("--engine offline wins over a configured key: no request is sent", async () => {
    api = await startFakeApi([decide]);
    const root = copyFixture("node-postgres-redis");
    const result = await run(root, ["new", "choose message queue", "--yes", "--engine", "offline", "--json"], { ANTHROPIC_API_KEY: "sk-test", ANTHROPIC_BASE_URL: api.url });
    expect(result.code).toBe(0);
    expect(api.requests).toHaveLength(0);
    expect(JSON.parse(result.stdout)).not.toHaveProperty("usage");
  });

  it("--engine anthropic without a key or base URL is a configuration mistake (exit 2)", async () => {
    const root = copyFixture("node-postgres-redis");
    const result = await run(root, ["new", "choose message queue", "--yes", "--engine", "anthropic"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/The Anthropic engine needs an API key: ANTHROPIC_API_KEY is not set/);
    expect(result.stdout).toBe("");
    expect(adrFiles(root)).toEqual(["0001-use-postgresql.md"]);
  });

  it("an invalid anthropic config is reported before anything is sent (exit 2)", async () => {
    api = await startFakeApi([decide]);
    const root = copyFixture("node-postgres-redis");
    writeFileSync(path.join(root, ".adrgenrc.json"), JSON.stringify({ anthropic: { maxTokens: -5, apiKey: "nope" } }));
    const result = await run(root, ["new", "choose message queue", "--yes"], { ANTHROPIC_BASE_URL: api.url });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/anthropic\.maxTokens/);
    expect(result.stderr).toMatch(/apiKey/);
    expect(api.requests).toHaveLength(0);
  });
});

describe("privacy", () => {
  it("no planted secret from the repository or the title reaches any request body", async () => {
    api = await startFakeApi([{ text: CLARIFY_REPLY }, decide]);
    const root = copyFixture("secrets-and-broken", { git: true });
    const title = `choose message queue for ${PLANTED_SECRETS.awsAccessKey} jobs`;
    const result = await run(root, ["new", title, "--yes", "--answer", "scale.rps=1k-10k"], { ANTHROPIC_API_KEY: "sk-test", ANTHROPIC_BASE_URL: api.url });
    expect(result.code).toBe(0);
    expect(api.requests).toHaveLength(2);
    for (const request of api.requests) {
      expect(request.raw).toMatch(/Repository context/);
      for (const [kind, secret] of Object.entries(PLANTED_SECRETS)) expect({ kind, found: request.raw.includes(secret) }).toEqual({ kind, found: false });
    }
    expect(userText(api.requests[1]!)).toContain("[REDACTED:aws-access-key]");
  });

  it("--print-prompt prints the redacted requests and sends and writes nothing, even without a key", async () => {
    const root = copyFixture("secrets-and-broken", { git: true });
    const title = `choose message queue for ${PLANTED_SECRETS.githubPat}`;
    const before = adrFiles(root);
    const result = await run(root, ["new", title, "--print-prompt"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# clarify request: POST https:\/\/api\.anthropic\.com\/v1\/messages \(not sent\)$/m);
    expect(result.stdout).toMatch(/^# decide request: POST https:\/\/api\.anthropic\.com\/v1\/messages \(not sent\)$/m);
    expect(result.stdout).toContain('"cache_control": {\n        "type": "ephemeral"');
    expect(result.stdout).toContain("[REDACTED:github-token]");
    for (const secret of Object.values(PLANTED_SECRETS)) expect(result.stdout.includes(secret)).toBe(false);
    expect(result.stderr).toMatch(/nothing was sent or written/);
    expect(adrFiles(root)).toEqual(before);
  });

  it("--print-prompt shows exactly the body a real run sends", async () => {
    const answers = ["scale.users=1k-100k", "scale.rps=100-1k", "scale.data=10gb-1tb", "latency.p99=10-100ms", "consistency.model=mixed", "budget.monthly=lt-500", "budget.ops=some", "team.size=4-10", "team.expertise=some-new", "security.compliance=gdpr", "integration.cloud=other", "integration.reuse=prefer-existing"].flatMap((answer) => ["--answer", answer]);
    api = await startFakeApi([decide]);
    const root = copyFixture("node-postgres-redis");
    const env = { ANTHROPIC_API_KEY: "sk-test", ANTHROPIC_BASE_URL: api.url };
    const printed = await run(root, ["new", "choose message queue", "--print-prompt", ...answers], env);
    expect(printed.code).toBe(0);
    expect(api.requests).toHaveLength(0);
    // Every question answered: no clarify request, only the decide request.
    const [header, ...body] = printed.stdout.trimEnd().split("\n");
    expect(header).toBe(`# decide request: POST ${api.url}/v1/messages (not sent)`);
    const sent = await run(root, ["new", "choose message queue", "--dry-run", ...answers], env);
    expect(sent.code).toBe(0);
    expect(api.requests).toHaveLength(1);
    const { stream, ...wire } = api.requests[0]!.body;
    expect(stream).toBe(true);
    expect(JSON.parse(body.join("\n"))).toEqual(wire);
  });

  it("--print-prompt with --engine offline is a usage error", async () => {
    const root = copyFixture("node-postgres-redis");
    const result = await run(root, ["new", "choose message queue", "--print-prompt", "--engine", "offline"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--print-prompt shows the requests of the Anthropic engine/);
  });
});

describe("faults through the CLI", () => {
  it("429 after the SDK's retries: a clear message, the --engine offline hint, exit 3, nothing written", async () => {
    api = await startFakeApi([{ status: 429, errorType: "rate_limit_error", message: "Slow down" }]);
    const root = copyFixture("node-postgres-redis");
    const result = await run(root, ["new", "choose message queue", "--yes"], { ANTHROPIC_API_KEY: "sk-test", ANTHROPIC_BASE_URL: api.url });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/is rate limiting this key \(429: rate_limit_error: Slow down\); gave up after 3 attempts/);
    expect(result.stderr).toMatch(/hint .*--engine offline/);
    expect(result.stdout).toBe("");
    expect(api.requests).toHaveLength(3);
    expect(adrFiles(root)).toEqual(["0001-use-postgresql.md"]);
  });
});
