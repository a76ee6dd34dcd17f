import { z } from "zod";
import { DIMENSIONS, FACT_SOURCES } from "./dimensions.js";

const text = z.string().trim().min(1);

/** A fact the decision rests on: proven by the repo, answered by the user, or assumed. */
export const contextFactSchema = z.object({
  statement: text,
  source: z.enum(FACT_SOURCES),
  /** Evidence references from the scan, as `file` or `file:line`, when source is "repo". */
  evidence: z.array(z.string()).default([]),
  dimension: z.enum(DIMENSIONS).optional(),
});

/** A force that shapes the decision, tied to a clarification dimension. */
export const driverSchema = z.object({
  id: text,
  dimension: z.enum(DIMENSIONS),
  statement: text,
  /** Relative weight in the decision matrix, when the engine computes one. */
  weight: z.number().optional(),
});

/** One considered option with its arguments (numbers where known). */
export const optionSchema = z.object({
  id: text,
  name: text,
  description: text,
  good: z.array(text).min(1),
  neutral: z.array(text).default([]),
  bad: z.array(text).min(1),
  technicalDebt: text,
  migrationPath: text,
  /** Weighted score from the decision matrix, when the engine computes one. */
  score: z.number().optional(),
  /** Per-driver scores (driver id → 1..5), for the decision matrix. */
  driverScores: z.record(z.string(), z.number()).default({}),
});

export const riskSchema = z.object({ risk: text, mitigation: text, likelihood: z.enum(["low", "medium", "high"]).optional() });

/** An alternative that would win under other conditions. */
export const alternativeSchema = z.object({ optionId: text, when: text });

/** Where each dimension stands: known from the repo, answered, or assumed. */
export const dimensionStatusSchema = z.object({
  dimension: z.enum(DIMENSIONS),
  source: z.enum(FACT_SOURCES),
  summary: text,
});

/** The advisor's output, the same for the offline and the Anthropic engine. */
export const decisionSchema = z.object({
  title: text,
  topic: text,
  problemStatement: text,
  analysis: z.object({
    domain: text,
    dataAccessPatterns: text,
    trafficShape: text,
    timelineAndMaintenance: text,
  }),
  facts: z.array(contextFactSchema),
  dimensions: z.array(dimensionStatusSchema),
  drivers: z.array(driverSchema).min(1),
  options: z.array(optionSchema).min(2),
  chosen: z.object({ optionId: text, because: text, driversAddressed: z.array(z.string()).min(1) }),
  consequences: z.object({ good: z.array(text).min(1), bad: z.array(text).min(1) }),
  confirmation: z.array(text).min(1),
  guidelines: z.array(text).min(1),
  risks: z.array(riskSchema).min(1),
  alternatives: z.array(alternativeSchema).min(1),
  edgeCases: z.array(text).min(1),
  security: z.array(text).min(1),
  operations: z.array(text).min(1),
  teamFit: text,
  assumptions: z.array(text).default([]),
  revisitWhen: z.array(text).min(1),
  confidence: z.object({ level: z.enum(["high", "medium", "low"]), reason: text, wouldSettle: z.array(text).default([]) }),
});

export type Decision = z.infer<typeof decisionSchema>;
export type DecisionOption = z.infer<typeof optionSchema>;
