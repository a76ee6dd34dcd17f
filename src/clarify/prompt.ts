// Turns a question plan into one effective answer per question: the user's given answers,
// what the repository proves, what the user picks at a prompt, or the stated assumption.
import { AdrgenError, ExitCode } from "../domain/errors.js";
import { ASSUME } from "./answers.js";
import type { ClarifyingQuestion, QuestionPlan, ResolvedAnswer } from "./types.js";

/** Asks one question; resolves to a choice value or ASSUME ("don't know"). Injected so tests pass a fake. */
export interface Prompter {
  ask(question: ClarifyingQuestion): Promise<string>;
}

/** The message every abort at a prompt ends with. */
export const ABORTED_MESSAGE = "Aborted; nothing was written.";

/** The error a Ctrl-C at a prompt becomes: a clean usage-style exit, no stack trace. */
export function abortedError(cause?: unknown): AdrgenError {
  return new AdrgenError(ABORTED_MESSAGE, { exitCode: ExitCode.usage, cause });
}

/** A prompter on @inquirer/prompts `select` (loaded on first use), drawing on `output` (stderr) so stdout stays clean. */
export function createInquirerPrompter(io: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream }): Prompter {
  return {
    async ask(question) {
      const { select } = await import("@inquirer/prompts");
      const choices = [
        ...question.choices.map((choice) => ({ value: choice.value, name: choice.label })),
        { value: ASSUME, name: `Don't know — assume: ${question.assumption.statement}` },
      ];
      try {
        // Enter on an untouched prompt keeps the stated assumption (recorded as assumed, not as an answer).
        return await select({ message: question.prompt, choices, default: ASSUME }, { input: io.input, output: io.output });
      } catch (error) {
        // Ctrl-C (or a closed terminal) rejects with ExitPromptError; nothing has been written yet.
        if (error instanceof Error && (error.name === "ExitPromptError" || error.name === "AbortPromptError")) throw abortedError(error);
        throw error;
      }
    },
  };
}

export interface ResolveOptions {
  /** Validated given answers: key → choice value or ASSUME. */
  given: Record<string, string>;
  /** Prompt for open questions; without one (non-interactive) every open question is assumed. */
  prompter?: Prompter | undefined;
}

/** The sentence an answer gets in the ADR: the question and the chosen label. */
export function answerStatement(question: ClarifyingQuestion, value: string): string {
  const label = question.choices.find((choice) => choice.value === value)?.label ?? value;
  return `${question.prompt} ${label.charAt(0).toUpperCase()}${label.slice(1)}.`;
}

function assumed(question: ClarifyingQuestion): ResolvedAnswer {
  return { key: question.key, dimension: question.dimension, value: question.assumption.value, source: "assumption", statement: question.assumption.statement, evidence: [] };
}

function answered(question: ClarifyingQuestion, value: string, known: ResolvedAnswer | undefined): ResolvedAnswer {
  // The engine may phrase a given answer itself; keep its sentence when it agrees on the value.
  if (known && known.source === "answer" && known.value === value) return known;
  return { key: question.key, dimension: question.dimension, value, source: "answer", statement: answerStatement(question, value), evidence: [] };
}

/**
 * One answer per question, in question order. A given answer wins (ASSUME → the assumption);
 * then what the repository proves; open questions are asked when a prompter is given, else
 * assumed. Only questions neither the user nor the repository settled reach the prompter.
 */
export async function resolveAnswers(plan: QuestionPlan, options: ResolveOptions): Promise<ResolvedAnswer[]> {
  const known = new Map(plan.known.map((answer) => [answer.key, answer]));
  const open = new Set(plan.open);
  const answers: ResolvedAnswer[] = [];
  for (const question of plan.questions) {
    const given = options.given[question.key];
    const fromPlan = known.get(question.key);
    if (given === ASSUME) answers.push(assumed(question));
    else if (given !== undefined) answers.push(answered(question, given, fromPlan));
    else if (fromPlan && !open.has(question.key)) answers.push(fromPlan);
    else if (options.prompter) {
      const picked = await options.prompter.ask(question);
      answers.push(picked === ASSUME ? assumed(question) : answered(question, picked, undefined));
    } else answers.push(assumed(question));
  }
  return answers;
}

/** Keys that would be asked: open in the plan and not given. */
export function openKeys(plan: QuestionPlan, given: Record<string, string>): string[] {
  const known = new Set(plan.known.filter((answer) => !plan.open.includes(answer.key)).map((answer) => answer.key));
  return plan.questions.map((question) => question.key).filter((key) => given[key] === undefined && !known.has(key));
}
