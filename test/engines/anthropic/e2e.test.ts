// The built CLI (npm run build) as a child process, pointed at a fake Messages API by
// ANTHROPIC_BASE_URL: a clean `new` in two requests, the ADR written, stdout only the path.
import { afterAll, afterEach, describe, expect, it } from "@jest/globals";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { BUILT_CLI } from "../../helpers/spawn.js";
import { cleanupTempDirs } from "../../helpers/tmp.js";
import { copyFixture } from "../../scan/fixture-repo.js";
import { CLARIFY_REPLY, decisionReply, legendIds } from "./decision-fixture.js";
import { startFakeApi, type FakeApi } from "./fake-messages-api.js";

afterAll(cleanupTempDirs);
let api: FakeApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

/** Resolves once the fake server has received `count` requests. */
async function requestsArrived(fake: FakeApi, count: number): Promise<void> {
  for (let waited = 0; fake.requests.length < count; waited += 20) {
    if (waited > 10_000) throw new Error(`only ${fake.requests.length} requests arrived`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Like spawnAdrgen, but asynchronous: the fake server lives in this process and must keep answering. */
function spawnCli(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; onSpawn?: (child: ChildProcess) => void }): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: "1", ADRGEN_DATE: "2026-01-15", ...options.env };
    const child = spawn(process.execPath, [BUILT_CLI, ...args], { cwd: options.cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    options.onSpawn?.(child);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const describeBuilt = existsSync(BUILT_CLI) ? describe : describe.skip;

describeBuilt("the built CLI with ANTHROPIC_BASE_URL", () => {
  it("new: a clarify and a decide request, the ADR written, the cost on stderr", async () => {
    api = await startFakeApi([{ text: CLARIFY_REPLY }, (request) => ({ text: JSON.stringify(decisionReply(legendIds(request).slice(0, 2))) })]);
    const root = copyFixture("node-postgres-redis");
    const result = await spawnCli(["new", "choose message queue", "--yes"], { cwd: root, env: { ANTHROPIC_BASE_URL: api.url, ANTHROPIC_API_KEY: "sk-test-e2e", ADRGEN_DECISION_MAKERS: "Alex Example" } });
    expect(result.stderr).toMatch(/claude-sonnet-5-5 is deciding: done in/);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("docs/adr/0002-choose-message-queue.md\n");
    expect(result.stderr).toMatch(/claude-sonnet-5-5: 2,400 input, 1,600 output, 0 cached tokens .* in 2 requests; estimated cost \$0\.0208\./);
    expect(api.requests).toHaveLength(2);
    expect(api.requests.every((r) => r.body.stream === true && r.headers.authorization === "Bearer sk-test-e2e")).toBe(true);
    expect(readdirSync(path.join(root, "docs/adr")).sort()).toEqual(["0001-use-postgresql.md", "0002-choose-message-queue.md"]);
    const adr = readFileSync(path.join(root, "docs/adr/0002-choose-message-queue.md"), "utf8");
    expect(adr).toMatch(/^# choose message queue$/m);
    expect(adr).toMatch(/Chosen option: "PostgreSQL queue table", because PostgreSQL already runs and the load is modest\./);
    // The machine block names the engine and the model that wrote the ADR.
    expect(adr).toMatch(/"engine": "anthropic",\n\s*"source": "claude-sonnet-5-5"/);
    expect(adr).toMatch(/\{"key":"ask\.replay","value":"no","source":"assumption"\}/);
  });

  it("ANTHROPIC_LOG=debug: the SDK's log goes to stderr, stdout keeps only the JSON", async () => {
    api = await startFakeApi([(request) => ({ text: JSON.stringify(decisionReply(legendIds(request).slice(0, 1))) })]);
    const root = copyFixture("node-postgres-redis");
    const answers = ["scale.users=1k-100k", "scale.rps=100-1k", "scale.data=10gb-1tb", "latency.p99=10-100ms", "consistency.model=mixed", "budget.monthly=lt-500", "budget.ops=some", "team.size=4-10", "team.expertise=some-new", "security.compliance=gdpr", "integration.cloud=other", "integration.reuse=prefer-existing"].flatMap((a) => ["--answer", a]);
    const result = await spawnCli(["new", "choose message queue", "--json", ...answers], { cwd: root, env: { ANTHROPIC_BASE_URL: api.url, ANTHROPIC_API_KEY: "sk-test-e2e-log", ANTHROPIC_LOG: "debug" } });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^anthropic debug: /m);
    const json = JSON.parse(result.stdout) as { usage: { requests: number } };
    expect(json.usage.requests).toBe(1);
    expect(api.requests).toHaveLength(1);
  });

  it("new: a 401 ends with exit 3 and writes nothing", async () => {
    api = await startFakeApi([{ status: 401, errorType: "authentication_error", message: "invalid x-api-key" }]);
    const root = copyFixture("node-postgres-redis");
    const result = await spawnCli(["new", "choose message queue", "--yes"], { cwd: root, env: { ANTHROPIC_BASE_URL: api.url, ANTHROPIC_API_KEY: "sk-bad" } });
    expect(result.code).toBe(3);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/error The API key was rejected/);
    expect(readdirSync(path.join(root, "docs/adr"))).toEqual(["0001-use-postgresql.md"]);
  });

  it("new: Ctrl-C while Claude is writing aborts the request; nothing is written", async () => {
    const fake = await startFakeApi([{ stall: true }]);
    api = fake;
    const root = copyFixture("node-postgres-redis");
    const answers = ["--answer", "scale.users=1k-100k", "--answer", "scale.rps=100-1k", "--answer", "scale.data=10gb-1tb", "--answer", "latency.p99=10-100ms", "--answer", "consistency.model=mixed", "--answer", "budget.monthly=lt-500", "--answer", "budget.ops=some", "--answer", "team.size=4-10", "--answer", "team.expertise=some-new", "--answer", "security.compliance=gdpr", "--answer", "integration.cloud=other", "--answer", "integration.reuse=prefer-existing"];
    const result = await spawnCli(["new", "choose message queue", "--yes", ...answers], {
      cwd: root,
      env: { ANTHROPIC_BASE_URL: fake.url, ANTHROPIC_API_KEY: "sk-test-e2e" },
      onSpawn: (child) => void requestsArrived(fake, 1).then(() => child.kill("SIGINT")),
    });
    expect(result.stderr).toMatch(/Aborted; nothing was written\./);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe("");
    expect(fake.requests).toHaveLength(1);
    expect(readdirSync(path.join(root, "docs/adr"))).toEqual(["0001-use-postgresql.md"]);
  });
});
