// Issue 9 §4: every secret kind the redactor knows, planted in every file type the scanner reads:
// none reaches context, context --json, new --dry-run, questions --json, or a request to the model.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { cleanupTempDirs, makeGitRepo } from "../helpers/tmp.js";
import { runAdrgen } from "../helpers/run.js";
import { CLARIFY_REPLY, decisionReply, legendIds } from "../engines/anthropic/decision-fixture.js";
import { startFakeApi, type FakeApi, type RecordedRequest } from "../engines/anthropic/fake-messages-api.js";
import { PLANTED_SECRETS } from "../scan/planted-secrets.js";
import { leakedSecrets, plantedRepoFiles } from "./planted-everywhere.js";

afterAll(cleanupTempDirs);
let api: FakeApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

let repo = "";
beforeAll(() => {
  repo = makeGitRepo(plantedRepoFiles());
});

describe("planted secrets in every file type", () => {
  it("the scanner reads the planted files (so the test can fail): evidence comes from them", async () => {
    const result = await runAdrgen(["context", "--json"], { cwd: repo });
    expect(result.code).toBe(0);
    const text = result.stdout;
    for (const file of ["docker-compose.yml", "package.json", "requirements.txt", "k8s/deploy.yaml", "infra/main.tf", ".github/workflows/ci.yml"]) expect(text).toContain(file);
  });

  it.each([
    ["context", ["context"]],
    ["context --json", ["context", "--json"]],
    ["new --yes --dry-run", ["new", "choose message queue", "--yes", "--dry-run"]],
    ["new --yes --dry-run --json", ["new", "choose message queue", "--yes", "--dry-run", "--json"]],
    ["questions --json", ["questions", "choose message queue", "--json"]],
    ["list --json", ["list", "--json"]],
  ])("%s prints none of them", async (_name, args) => {
    const result = await runAdrgen(args, { cwd: repo });
    expect(result.code).toBe(0);
    expect(result.stdout.length).toBeGreaterThan(0);
    expect({ stdout: leakedSecrets(result.stdout), stderr: leakedSecrets(result.stderr) }).toEqual({ stdout: [], stderr: [] });
  });

  it("a title carrying a secret is redacted in the dry-run ADR", async () => {
    // The offline engine matches the topic from the rest of the title.
    const result = await runAdrgen(["new", `choose message queue for ${PLANTED_SECRETS.githubPat} jobs`, "--yes", "--dry-run"], { cwd: repo });
    expect(result.code).toBe(0);
    expect(leakedSecrets(result.stdout + result.stderr)).toEqual([]);
  });

  it("no request body sent to the (fake) model server holds any of them", async () => {
    const decide = (request: RecordedRequest) => ({ text: JSON.stringify(decisionReply(legendIds(request).slice(0, 1))) });
    api = await startFakeApi([{ text: CLARIFY_REPLY }, decide]);
    // The title carries a secret too, so a redaction marker must appear in what is sent.
    const result = await runAdrgen(["new", `choose message queue for ${PLANTED_SECRETS.awsAccessKey} jobs`, "--yes", "--dry-run", "--answer", "scale.rps=1k-10k"], {
      cwd: repo,
      env: { ANTHROPIC_API_KEY: "sk-test", ANTHROPIC_BASE_URL: api.url, ADRGEN_DECISION_MAKERS: "Alex Example" },
    });
    expect(result.stderr).toMatch(/anthropic engine/);
    expect(api.requests.length).toBeGreaterThanOrEqual(2);
    for (const request of api.requests) {
      expect(request.raw).toMatch(/Repository context/);
      expect(leakedSecrets(request.raw)).toEqual([]);
    }
    expect(api.requests.some((request) => request.raw.includes("[REDACTED:"))).toBe(true);
    expect(leakedSecrets(result.stdout + result.stderr)).toEqual([]);
  });
});
