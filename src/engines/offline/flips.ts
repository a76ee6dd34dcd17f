import type { ResolvedAnswer } from "../../clarify/types.js";
import type { RepoContext } from "../../scan/types.js";
import { answerValues } from "./answers.js";
import { buildEnv } from "./conditions.js";
import type { Question, Topic } from "./knowledge/schema.js";
import { scoreTopic } from "./score.js";

/** An answer that, if it were different, would change the winner. */
export interface Flip {
  key: string;
  source: ResolvedAnswer["source"];
  /** The current answer's sentence (the assumption or the repo finding). */
  statement: string;
  /** Alternative values (and their labels) that make `winnerId` win, in choice order. */
  values: Array<{ value: string; label: string }>;
  winnerId: string;
}

/**
 * For every assumed or repo-derived answer, re-scores with each other choice and reports the
 * values that would change the winner, grouped by the option that would win instead.
 */
export function findFlips(topic: Topic, questions: Question[], context: RepoContext, answers: ResolvedAnswer[], winnerId: string, optionIds?: string[]): Flip[] {
  const base = answerValues(answers);
  const evidence = Object.fromEntries(answers.filter((a) => a.source === "repo").map((a) => [a.key, a.evidence]));
  const flips: Flip[] = [];
  for (const answer of answers) {
    if (answer.source === "answer") continue;
    const question = questions.find((q) => q.key === answer.key);
    if (!question) continue;
    const byWinner = new Map<string, Flip>();
    for (const choice of question.choices) {
      if (choice.value === answer.value) continue;
      const env = buildEnv(context, { ...base, [answer.key]: choice.value }, topic, evidence);
      const winner = scoreTopic(topic, env, optionIds).winnerId;
      if (winner === winnerId) continue;
      const flip = byWinner.get(winner) ?? { key: answer.key, source: answer.source, statement: answer.statement, values: [], winnerId: winner };
      flip.values.push({ value: choice.value, label: choice.label });
      byWinner.set(winner, flip);
    }
    flips.push(...byWinner.values());
  }
  return flips;
}
