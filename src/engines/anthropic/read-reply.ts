// Reads Claude's replies: the JSON document (extracted from prose when a server ignored the
// schema), checked with zod, evidence ids translated, then the shared QA validator.
import type { ClarifyingQuestion } from "../../clarify/types.js";
import { decisionSchema, type Decision } from "../../domain/decision.js";
import { validateDecision } from "../../domain/validate-decision.js";
import type { RepoContext } from "../../scan/types.js";
import { translateEvidence, type EvidenceLegend } from "./evidence.js";
import { extractJsonObject } from "./extract-json.js";
import { clarifyReplySchema, decisionReplySchema, proposedQuestionSchema } from "./reply-schemas.js";

/** Prefix of the keys of Claude's questions, so they never collide with the generic ones. */
export const TOPIC_KEY_PREFIX = "ask";
const MAX_QUESTIONS = 6;

/** The decision in a decide reply, or every problem found (for the retry or the final error). */
export function readDecisionReply(text: string, legend: EvidenceLegend, context: RepoContext): { decision: Decision } | { problems: string[] } {
  const json = extractJsonObject(text);
  if (json === undefined) return { problems: ["The reply contains no JSON document; reply with the decision JSON only."] };
  const parsed = decisionReplySchema.safeParse(json);
  if (!parsed.success) {
    return { problems: parsed.error.issues.slice(0, 30).map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`) };
  }
  const problems: string[] = [];
  const facts = parsed.data.facts.map((fact) => {
    const { refs, problems: unknown } = translateEvidence(fact.evidence, legend, fact.statement);
    problems.push(...unknown);
    return { ...fact, evidence: refs };
  });
  const weights = new Map(parsed.data.drivers.map((driver) => [driver.id, driver.weight]));
  const options = parsed.data.options.map((option) => {
    const scores: Record<string, number> = {};
    for (const { driverId, score } of option.driverScores) {
      if (weights.has(driverId)) scores[driverId] = score;
      else problems.push(`Option "${option.id}" scores "${driverId}", which is not a decision driver.`);
    }
    return { ...option, driverScores: scores, score: weightedScore(scores, weights) };
  });
  const decision = decisionSchema.parse({ ...parsed.data, facts, options });
  problems.push(...validateDecision(decision, context));
  return problems.length > 0 ? { problems } : { decision };
}

/**
 * Claude's clarifying questions, as the clarify layer asks them: valid ones only (an invalid
 * one is dropped, not fatal), keys prefixed and unique, at most six. Also says how many were
 * dropped, and whether the reply held no question list at all (`unreadable`).
 */
export function readClarifyReply(text: string, taken: ReadonlySet<string>): { questions: ClarifyingQuestion[]; dropped: number; unreadable: boolean } {
  const parsed = clarifyReplySchema.safeParse(extractJsonObject(text));
  if (!parsed.success) return { questions: [], dropped: 0, unreadable: true };
  const keys = new Set(taken);
  const questions: ClarifyingQuestion[] = [];
  let dropped = 0;
  for (const raw of parsed.data.questions) {
    const result = proposedQuestionSchema.safeParse(raw);
    const q = result.success ? result.data : undefined;
    const key = q ? `${TOPIC_KEY_PREFIX}.${q.key}` : "";
    if (!q || keys.has(key) || !q.choices.some((c) => c.value === q.assumption.value) || questions.length >= MAX_QUESTIONS) {
      dropped++;
      continue;
    }
    keys.add(key);
    questions.push({ key, dimension: q.dimension, prompt: q.prompt, why: q.why, choices: q.choices, assumption: q.assumption });
  }
  return { questions, dropped, unreadable: false };
}

/** The weighted mean of an option's 1–5 driver scores, to two decimals; undefined when none is scored. */
function weightedScore(scores: Record<string, number>, weights: Map<string, number>): number | undefined {
  let sum = 0;
  let total = 0;
  for (const [id, score] of Object.entries(scores)) {
    const weight = weights.get(id) ?? 0;
    sum += weight * score;
    total += weight;
  }
  return total > 0 ? Math.round((sum / total) * 100) / 100 : undefined;
}
