// checkDecision skips the zod parse for the offline engine (so `new` need not load zod): this
// shows the parse would change nothing, for every topic, repository and random answers.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { resolveAnswers } from "../../src/clarify/prompt.js";
import { resolveWorkspace } from "../../src/config/workspace.js";
import { decisionSchema } from "../../src/domain/decision.js";
import { createOfflineEngine } from "../../src/engines/offline/index.js";
import { loadTopics } from "../../src/engines/offline/knowledge/load.js";
import { scanRepository } from "../../src/scan/scan.js";
import type { RepoContext } from "../../src/scan/types.js";
import { cleanupTempDirs } from "../helpers/tmp.js";
import { copyFixture } from "../scan/fixture-repo.js";

afterAll(cleanupTempDirs);

const FIXTURES = ["node-postgres-redis", "go-kafka-k8s", "empty"];
const TOPICS = loadTopics();
const contexts: RepoContext[] = [];

beforeAll(async () => {
  for (const fixture of FIXTURES) {
    const root = copyFixture(fixture);
    contexts.push(await scanRepository(root, { workspace: await resolveWorkspace({ cwd: root }) }));
  }
});

describe("offline decisions are already in the schema's output form", () => {
  it.each(TOPICS.map((topic) => [topic.id, topic] as const))("%s: decisionSchema.parse leaves the decision byte-identical", async (_id, topic) => {
    const engine = createOfflineEngine({ topics: TOPICS });
    const title = `Decide the ${topic.match.phrases[0]}`;
    const { questions } = await engine.plan({ title, context: contexts[0]!, given: {} });
    const answerArb = fc.tuple(...questions.map((q) => fc.option(fc.constantFrom(...q.choices.map((c) => c.value)), { nil: undefined })));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: FIXTURES.length - 1 }), answerArb, async (repoIndex, values) => {
        const context = contexts[repoIndex]!;
        const given = Object.fromEntries(questions.flatMap((q, i) => (values[i] === undefined ? [] : [[q.key, values[i]!]])));
        const plan = await engine.plan({ title, context, given });
        const answers = await resolveAnswers(plan, { given });
        const { decision } = await engine.decide({ title, context, answers, namedOptions: [] });
        // Key order matters too: the ADR and its machine block are rendered from this object.
        expect(JSON.stringify(decisionSchema.parse(decision))).toBe(JSON.stringify(decision));
      }),
      { numRuns: 3, seed: 20260115 },
    );
  });
});
