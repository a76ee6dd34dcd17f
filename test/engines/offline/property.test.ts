import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { decisionSchema } from "../../../src/domain/decision.js";
import { validateDecision } from "../../../src/domain/validate-decision.js";
import { relevantNames } from "../../../src/engines/offline/facts.js";
import type { Topic } from "../../../src/engines/offline/knowledge/schema.js";
import { decideWith, generic, makeContext, topics } from "./helpers.js";

const STATUSES = ["Accepted", "Rejected", "Proposed", "Superseded by ADR-0009", "deprecated"];

/** Random valid answers (some questions left open) and a random context built from the names the topic's rules look at. */
function caseFor(topic: Topic) {
  const questions = [...generic, ...topic.questions];
  const answers = fc.record(
    Object.fromEntries(questions.map((q) => [q.key, fc.constantFrom(...q.choices.map((c) => c.value))])),
    { requiredKeys: [] },
  ) as fc.Arbitrary<Record<string, string>>;
  const names = [...relevantNames(topic)].sort();
  const context = fc.record({
    uses: fc.subarray(names, { maxLength: 6 }),
    language: fc.constantFrom(null, "typescript", "python", "go", "java", "ruby"),
    decisions: fc.array(fc.tuple(fc.constantFrom(...topic.options.map((o) => o.name)), fc.constantFrom(...STATUSES)), { maxLength: 3 }),
  });
  return fc.tuple(answers, context, fc.subarray(topic.options.map((o) => o.id), { maxLength: 2 }));
}

describe("property: every topic with random valid answers yields a valid decision", () => {
  for (const topic of topics) {
    it(topic.id, async () => {
      await fc.assert(
        fc.asyncProperty(caseFor(topic), async ([answers, spec, named]) => {
          const context = makeContext({
            items: {
              infra: spec.uses.filter((n) => ["aws", "gcp", "azure"].includes(n)).map((n, i) => [n, "infra/main.tf", i + 1] as [string, string, number]),
              frameworks: spec.uses.filter((n) => !["aws", "gcp", "azure"].includes(n)).map((n, i) => [n, "docker-compose.yml", i + 1] as [string, string, number]),
              languages: spec.language ? [[spec.language, "manifest.txt", 1]] : [],
            },
            decisions: spec.decisions.map(([name, status]) => ({ title: `Use ${name}`, status })),
          });
          const { decision, source } = await decideWith(topic.match.phrases[0]!, context, answers, named);
          expect(source).toBe(`${topic.id}@${topic.version}`);
          const parsed = decisionSchema.safeParse(decision);
          expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
          expect(validateDecision(decision, context)).toEqual([]);
          // No placeholder survives, and the winner is the best-scored option.
          expect(JSON.stringify(decision)).not.toContain("{evidence}");
          const best = Math.max(...decision.options.map((o) => o.score ?? -Infinity));
          expect(decision.options.find((o) => o.id === decision.chosen.optionId)!.score).toBe(best);
        }),
        { numRuns: 12, seed: 20261125 },
      );
    });
  }
});
