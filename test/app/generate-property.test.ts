// Property: for every knowledge-base topic and any answers (including "unknown"), `new` yields
// a decision that passes the validator and an ADR with no lint errors, whatever the repository.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { generateAdr } from "../../src/app/generate-adr.js";
import { resolveWorkspace, type Workspace } from "../../src/config/workspace.js";
import type { Decision } from "../../src/domain/decision.js";
import { validateDecision } from "../../src/domain/validate-decision.js";
import { createOfflineEngine } from "../../src/engines/offline/index.js";
import { loadTopics } from "../../src/engines/offline/knowledge/load.js";
import type { Engine } from "../../src/engines/types.js";
import { lintAdrText } from "../../src/lint/lint-text.js";
import { parseMachineBlock } from "../../src/render/machine-block.js";
import { scanRepository } from "../../src/scan/scan.js";
import type { RepoContext } from "../../src/scan/types.js";
import { cleanupTempDirs } from "../helpers/tmp.js";
import { copyFixture } from "../scan/fixture-repo.js";

afterAll(cleanupTempDirs);

const FIXTURES = ["node-postgres-redis", "go-kafka-k8s", "python-fastapi-celery-rabbitmq", "empty"];
const TOPICS = loadTopics();
const repos: Array<{ workspace: Workspace; context: RepoContext }> = [];
const env = { ADRGEN_DATE: "2026-01-15", ADRGEN_DECISION_MAKERS: "Alex Example" };

beforeAll(async () => {
  for (const fixture of FIXTURES) {
    const root = copyFixture(fixture);
    const workspace = await resolveWorkspace({ cwd: root });
    repos.push({ workspace, context: await scanRepository(root, { workspace }) });
  }
});

/** The real offline engine, recording each decision it returns. */
function recordingEngine(decisions: Decision[]): Engine {
  const engine = createOfflineEngine({ topics: TOPICS });
  return {
    name: engine.name,
    plan: (request) => engine.plan(request),
    async decide(request) {
      const result = await engine.decide(request);
      decisions.push(result.decision);
      return result;
    },
  };
}

describe("every topic with random answers", () => {
  it("covers at least 28 topics", () => {
    expect(TOPICS.length).toBeGreaterThanOrEqual(28);
  });

  it.each(TOPICS.map((topic) => [topic.id, topic] as const))("%s → valid decision, lint-clean ADR", async (id, topic) => {
    const title = `Decide the ${topic.match.phrases[0]}`;
    const questions = (await createOfflineEngine({ topics: TOPICS }).plan({ title, context: repos[0]!.context, given: {} })).questions;
    const answerArb = fc.tuple(...questions.map((q) => fc.option(fc.constantFrom(...q.choices.map((c) => c.value), "unknown"), { nil: undefined })));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: FIXTURES.length - 1 }), answerArb, async (repoIndex, values) => {
        const { workspace, context } = repos[repoIndex]!;
        const answers = questions.flatMap((q, i) => (values[i] === undefined ? [] : [`${q.key}=${values[i]}`]));
        const decisions: Decision[] = [];
        const result = await generateAdr(workspace, { title, answers, yes: true, dryRun: true }, { cwd: workspace.root, env, engine: recordingEngine(decisions), scan: async () => context });
        expect(result.topic).toBe(id);
        expect(decisions).toHaveLength(1);
        expect(validateDecision(decisions[0]!, context)).toEqual([]);
        const file = { path: result.path, relPath: `docs/adr/${result.path.split("/").pop()}`, dirLabel: "docs/adr" };
        expect(lintAdrText(result.text, file).filter((d) => d.severity === "error")).toEqual([]);
        const block = parseMachineBlock(result.text)!;
        expect(block.answers.filter((a) => a.source === "answer").map((a) => a.key).sort()).toEqual(
          questions.filter((_, i) => values[i] !== undefined && values[i] !== "unknown").map((q) => q.key).sort(),
        );
      }),
      { numRuns: 4, seed: 20260115 },
    );
  });
});
