// The generate use case with injected prompters and engines: what is asked, what an abort
// leaves behind, what the validator and the redactor stop.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import { generateAdr } from "../../src/app/generate-adr.js";
import { ASSUME } from "../../src/clarify/answers.js";
import { createInquirerPrompter, type Prompter } from "../../src/clarify/prompt.js";
import { resolveWorkspace, type Workspace } from "../../src/config/workspace.js";
import type { Decision } from "../../src/domain/decision.js";
import { AdrgenError } from "../../src/domain/errors.js";
import { createOfflineEngine } from "../../src/engines/offline/index.js";
import type { Engine } from "../../src/engines/types.js";
import { parseMachineBlock } from "../../src/render/machine-block.js";
import { scanRepository } from "../../src/scan/scan.js";
import type { RepoContext } from "../../src/scan/types.js";
import { cleanupTempDirs } from "../helpers/tmp.js";
import { copyFixture } from "../scan/fixture-repo.js";

afterAll(cleanupTempDirs);

const env = { ADRGEN_DATE: "2026-01-15", ADRGEN_DECISION_MAKERS: "Alex Example" };
const TITLE = "choose message queue";
let context: RepoContext;

beforeAll(async () => {
  context = await scanRepository(copyFixture("node-postgres-redis"));
});

async function freshRepo(): Promise<{ root: string; workspace: Workspace }> {
  const root = copyFixture("node-postgres-redis");
  return { root, workspace: await resolveWorkspace({ cwd: root }) };
}

const adrs = (root: string) => readdirSync(path.join(root, "docs/adr")).sort();

async function failure(run: Promise<unknown>): Promise<AdrgenError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AdrgenError);
  return error as AdrgenError;
}

describe("asking", () => {
  it("asks only what neither the repository nor the flags answered; don't know becomes the assumption", async () => {
    const { root, workspace } = await freshRepo();
    const asked: string[] = [];
    const prompter: Prompter = {
      async ask(question) {
        asked.push(question.key);
        if (question.key === "message-broker.replay") return "yes";
        if (question.key === "scale.rps") return "10k-100k";
        return ASSUME;
      },
    };
    const result = await generateAdr(workspace, { title: TITLE, answers: ["team.size=1-3"] }, { cwd: root, env, prompter, scan: async () => context });
    expect(result.written).toBe(true);
    expect(asked).not.toContain("message-broker.pattern"); // the repository answers it (BullMQ)
    expect(asked).not.toContain("team.size"); // given by flag
    expect(asked).toContain("message-broker.replay");
    expect(asked).toHaveLength(14);
    const block = parseMachineBlock(result.text)!;
    const source = (key: string) => block.answers.find((a) => a.key === key);
    expect(source("message-broker.replay")).toEqual({ key: "message-broker.replay", value: "yes", source: "answer" });
    expect(source("team.size")).toEqual({ key: "team.size", value: "1-3", source: "answer" });
    expect(source("message-broker.pattern")).toMatchObject({ source: "repo" });
    expect(source("message-broker.ordering")).toEqual({ key: "message-broker.ordering", value: "none", source: "assumption" });
    expect(block.assumptions).toContain("Messages are independent; no ordering guarantee is required.");
    expect(block.assumptions).not.toContain("Consumers do not need to replay messages once they have been processed.");
  });

  it("--yes never calls the prompter", async () => {
    const { root, workspace } = await freshRepo();
    const prompter: Prompter = {
      ask: async () => {
        throw new Error("must not be asked");
      },
    };
    const result = await generateAdr(workspace, { title: TITLE, yes: true, dryRun: true }, { cwd: root, env, prompter, scan: async () => context });
    expect(result.assumptions.length).toBeGreaterThan(10);
  });

  it("Ctrl-C at a real prompt aborts cleanly and writes nothing", async () => {
    const { root, workspace } = await freshRepo();
    const input = new PassThrough();
    const output = new PassThrough();
    output.resume();
    const pending = generateAdr(workspace, { title: TITLE }, { cwd: root, env, prompter: createInquirerPrompter({ input, output }), scan: async () => context });
    await new Promise((resolve) => setTimeout(resolve, 300));
    input.write("\u0003");
    const error = await failure(pending);
    expect(error.message).toBe("Aborted; nothing was written.");
    expect(error.exitCode).toBe(2);
    expect(adrs(root)).toEqual(["0001-use-postgresql.md"]);
  });
});

/** The offline engine with its decision altered after deciding. */
function alteredEngine(alter: (decision: Decision) => void): Engine {
  const engine = createOfflineEngine();
  return {
    name: engine.name,
    plan: (request) => engine.plan(request),
    async decide(request) {
      const result = await engine.decide(request);
      const decision = structuredClone(result.decision);
      alter(decision);
      return { ...result, decision };
    },
  };
}

describe("checking the decision before anything is written", () => {
  it("a decision that fails the advisor's checks is a runtime error naming the problems (exit 3)", async () => {
    const { root, workspace } = await freshRepo();
    const engine = alteredEngine((decision) => {
      decision.chosen.optionId = "carrier-pigeon";
      decision.facts.push({ statement: "Runs on Mars", source: "repo", evidence: ["mars.yml:1"] });
    });
    const error = await failure(generateAdr(workspace, { title: TITLE, yes: true }, { cwd: root, env, engine, scan: async () => context }));
    expect(error.exitCode).toBe(3);
    expect(error.message).toMatch(/failed the advisor's checks/);
    expect(error.message).toMatch(/carrier-pigeon/);
    expect(error.message).toMatch(/mars\.yml/);
    expect(adrs(root)).toEqual(["0001-use-postgresql.md"]);
    expect(existsSync(path.join(root, "docs/adr/.adrgen.lock"))).toBe(false);
  });

  it("a decision that breaks the schema is a runtime error (exit 3)", async () => {
    const { root, workspace } = await freshRepo();
    const engine = alteredEngine((decision) => {
      decision.options = decision.options.slice(0, 1);
    });
    const error = await failure(generateAdr(workspace, { title: TITLE, yes: true }, { cwd: root, env, engine, scan: async () => context }));
    expect(error.exitCode).toBe(3);
    expect(error.message).toMatch(/invalid decision:\n {2}- options:/);
  });

  it("secrets in the engine's text are redacted in the ADR and its machine block", async () => {
    const { root, workspace } = await freshRepo();
    const token = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
    const engine = alteredEngine((decision) => {
      decision.teamFit = `The team shares the token ${token} in chat`;
      decision.assumptions.push(`Deploys use ${token}`);
    });
    const result = await generateAdr(workspace, { title: TITLE, yes: true, dryRun: true }, { cwd: root, env, engine, scan: async () => context });
    expect(result.text).not.toContain(token);
    expect(result.text).toMatch(/The team shares the token \[REDACTED[^\]]*\] in chat/);
    expect(parseMachineBlock(result.text)!.assumptions.join("\n")).not.toContain(token);
  });

  it("the same repository and answers give a byte-identical ADR", async () => {
    const { root, workspace } = await freshRepo();
    const options = { title: TITLE, yes: true, dryRun: true, answers: ["scale.rps=1k-10k"] };
    const first = await generateAdr(workspace, options, { cwd: root, env });
    const second = await generateAdr(workspace, options, { cwd: root, env });
    expect(second.text).toBe(first.text);
    const other = await generateAdr(workspace, { ...options, answers: ["scale.rps=gt-100k"] }, { cwd: root, env });
    expect(other.text).not.toBe(first.text);
  });
});
