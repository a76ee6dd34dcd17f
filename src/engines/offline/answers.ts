import type { ClarifyingQuestion, QuestionPlan, ResolvedAnswer } from "../../clarify/types.js";
import { usageError } from "../../domain/errors.js";
import type { RepoContext } from "../../scan/types.js";
import { buildEnv, evaluateCondition } from "./conditions.js";
import type { Question, Topic } from "./knowledge/schema.js";

/** The questions of a decision: the generic ones, then the topic's own (none when no topic matched). */
export function questionsFor(generic: Question[], topic: Topic | null): Question[] {
  return [...generic, ...(topic?.questions ?? [])];
}

/** A knowledge-base question as the clarify layer sees it. */
export function toClarifyingQuestion(q: Question): ClarifyingQuestion {
  return { key: q.key, dimension: q.dimension, prompt: q.prompt, why: q.why, choices: q.choices.map((c) => ({ ...c })), assumption: { ...q.assumption } };
}

function sentence(text: string): string {
  const t = text.trim();
  const capital = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** The ADR sentence for a user's answer: the question followed by the chosen label. */
export function answerStatement(q: Question, value: string): string {
  const label = q.choices.find((c) => c.value === value)?.label ?? value;
  return `${q.prompt} ${sentence(label)}`;
}

/** Rejects given values that are not among a question's choices (the caller validates too; this is the engine's own guard). */
export function checkGiven(questions: Question[], given: Record<string, string>): void {
  const byKey = new Map(questions.map((q) => [q.key, q]));
  const problems: string[] = [];
  for (const [key, value] of Object.entries(given)) {
    const q = byKey.get(key);
    if (q && !q.choices.some((c) => c.value === value)) problems.push(`${key}=${value}: expected one of ${q.choices.map((c) => c.value).join(", ")}`);
  }
  if (problems.length > 0) throw usageError(`Invalid answers:\n  ${problems.join("\n  ")}`, "Run `adrgen questions <title>` to see every key and its choices.");
}

/**
 * Effective answers in question order: the given answer, else the first `answeredBy` rule
 * the repository satisfies (with its evidence), else the stated assumption.
 */
export function resolveAnswers(questions: Question[], context: RepoContext, given: Record<string, string>, topic?: Topic): ResolvedAnswer[] {
  checkGiven(questions, given);
  const values: Record<string, string> = {};
  for (const q of questions) if (given[q.key] !== undefined) values[q.key] = given[q.key]!;
  const resolved: ResolvedAnswer[] = [];
  for (const q of questions) {
    const value = given[q.key];
    if (value !== undefined) {
      resolved.push({ key: q.key, dimension: q.dimension, value, source: "answer", statement: answerStatement(q, value), evidence: [] });
      continue;
    }
    // Rules may look at answers settled so far (given ones and earlier questions).
    const env = buildEnv(context, values, topic);
    const rule = q.answeredBy.map((r) => ({ r, result: evaluateCondition(r.when, env) })).find((x) => x.result.holds);
    if (rule) {
      values[q.key] = rule.r.value;
      resolved.push({ key: q.key, dimension: q.dimension, value: rule.r.value, source: "repo", statement: rule.r.statement, evidence: rule.result.evidence });
    } else {
      values[q.key] = q.assumption.value;
      resolved.push({ key: q.key, dimension: q.dimension, value: q.assumption.value, source: "assumption", statement: q.assumption.statement, evidence: [] });
    }
  }
  return resolved;
}

/** Every question with what the repository and the given answers already settle, and the keys still open. */
export function planQuestions(generic: Question[], topic: Topic | null, context: RepoContext, given: Record<string, string>): QuestionPlan {
  const questions = questionsFor(generic, topic);
  const resolved = resolveAnswers(questions, context, given, topic ?? undefined);
  return {
    questions: questions.map(toClarifyingQuestion),
    known: resolved.filter((a) => a.source !== "assumption"),
    open: resolved.filter((a) => a.source === "assumption").map((a) => a.key),
  };
}

/** Answer values by key. */
export function answerValues(answers: ResolvedAnswer[]): Record<string, string> {
  return Object.fromEntries(answers.map((a) => [a.key, a.value]));
}

/** The answer's sentence with where it came from: "… (assumed).", "… (from the repository).", "… (answered)." */
export function statementWithSource(answer: ResolvedAnswer): string {
  const label = answer.source === "assumption" ? "assumed" : answer.source === "repo" ? "from the repository" : "answered";
  return `${answer.statement.trim().replace(/[.\s]+$/, "")} (${label}).`;
}
