// The shapes Claude is asked to reply in. The decision is the shared Decision schema, except
// that repository evidence is cited by the context's [E<n>] ids, translated to file:line later.
import { z } from "zod";
import { contextFactSchema, decisionSchema, driverSchema, optionSchema } from "../../domain/decision.js";
import { DIMENSIONS } from "../../domain/dimensions.js";

const text = z.string().trim().min(1);
const kebab = z.string().trim().regex(/^[a-z0-9][a-z0-9-]*$/, "use lower-case kebab-case");

/** One clarifying question as Claude proposes it. */
export const proposedQuestionSchema = z.object({
  key: kebab.describe("short kebab-case key, unique within the reply"),
  dimension: z.enum(DIMENSIONS),
  prompt: text,
  why: text,
  choices: z.array(z.object({ value: kebab, label: text })).min(2).max(5),
  assumption: z.object({ value: kebab.describe("one of the choice values"), statement: text }),
});

/** The clarify reply: the questions the repository and the given answers leave open. */
export const clarifyReplySchema = z.object({ questions: z.array(z.unknown()).max(12) });

/**
 * The decide reply: a Decision whose repository facts cite evidence ids such as "E3", and whose
 * per-driver scores are a list (the schema language has no free-keyed maps); the weighted score
 * of each option is computed here, as the offline engine does, not taken from the model.
 */
export const decisionReplySchema = decisionSchema.extend({
  drivers: z.array(driverSchema.extend({ weight: z.number().int().min(1).max(5).describe("relative importance, 1 (minor) to 5 (decisive)") })).min(1),
  options: z
    .array(
      optionSchema.omit({ score: true, driverScores: true }).extend({
        driverScores: z.array(z.object({ driverId: text, score: z.number().int().min(1).max(5).describe("1 (poor) to 5 (excellent)") })).describe("one score per driver"),
      }),
    )
    .min(2),
  facts: z.array(
    contextFactSchema.extend({
      evidence: z.array(z.string().describe('an evidence id from the context legend, e.g. "E3"')).default([]),
    }),
  ),
});

export type ProposedQuestion = z.infer<typeof proposedQuestionSchema>;
export type DecisionReply = z.infer<typeof decisionReplySchema>;
