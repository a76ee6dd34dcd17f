// Answers given up front: `--answer key=value` (repeatable) and `--answers file.yaml|json`.
// Syntax is checked before the scan; values are checked against the decision's questions
// once they are known. Every problem is reported at once (exit 2), nothing is written.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { usageError } from "../domain/errors.js";
import type { ClarifyingQuestion } from "./types.js";

/** The value that means "I don't know: use the stated assumption". */
export const ASSUME = "assume";

/** Words users type for "don't know" (compared case-insensitively, spaces and `'` ignored). */
const DONT_KNOW_WORDS = new Set(["unknown", "dontknow", "dont-know", "assume", "?"]);

/** One answer as given, before it is checked against the questions. */
export interface GivenAnswer {
  key: string;
  value: unknown;
  /** Where it came from, for error messages: `--answer` or the file name. */
  origin: string;
}

/** Parses repeated `--answer key=value` flags; a flag without `=` or with an empty key is a usage error (all listed). */
export function parseAnswerFlags(flags: readonly string[]): GivenAnswer[] {
  const problems: string[] = [];
  const answers: GivenAnswer[] = [];
  for (const flag of flags) {
    const at = flag.indexOf("=");
    const key = at < 0 ? "" : flag.slice(0, at).trim();
    if (at < 0 || key === "") {
      problems.push(`  - --answer ${JSON.stringify(flag)}: expected key=value, e.g. --answer scale.rps=1k-10k`);
      continue;
    }
    answers.push({ key, value: flag.slice(at + 1).trim(), origin: "--answer" });
  }
  if (problems.length > 0) throw usageError(`Invalid --answer:\n${problems.join("\n")}`, ANSWER_HINT);
  return answers;
}

const ANSWER_HINT = 'Run adrgen questions "<title>" to see every answer key and its allowed values.';

/** An answers file: a map of answer key → value (strings; `unknown` means "assume"). */
const answersFileSchema = z.record(z.string(), z.unknown(), { error: "the file must be a map of answer keys to values, e.g. scale.rps: 1k-10k" });

/** Reads an answers file (YAML or JSON, by content); unreadable or malformed files are usage errors. */
export async function readAnswersFile(file: string, cwd: string): Promise<GivenAnswer[]> {
  const abs = path.resolve(cwd, file);
  let text: string;
  try {
    text = await readFile(abs, "utf8");
  } catch (error) {
    throw usageError(`Cannot read the answers file ${file}: ${(error as Error).message}`, "Pass an existing YAML or JSON file to --answers.");
  }
  let raw: unknown;
  try {
    // JSON is YAML, so one parser reads both.
    raw = parseYaml(text);
  } catch (error) {
    throw usageError(`The answers file ${file} is not valid YAML or JSON: ${(error as Error).message}`, ANSWER_HINT);
  }
  const parsed = answersFileSchema.safeParse(raw ?? {});
  if (!parsed.success || Array.isArray(raw)) {
    throw usageError(`The answers file ${file} must be a map of answer keys to values, e.g. "scale.rps: 1k-10k".`, ANSWER_HINT);
  }
  return Object.entries(parsed.data).map(([key, value]) => ({ key, value, origin: file }));
}

/** The choice a typed value means: its value or its label (case-insensitive), ASSUME for "don't know", else undefined. */
export function matchChoice(question: ClarifyingQuestion, typed: string): string | undefined {
  const wanted = typed.trim().toLowerCase();
  if (DONT_KNOW_WORDS.has(wanted.replace(/[\s'’]/g, ""))) return ASSUME;
  return question.choices.find((choice) => choice.value.toLowerCase() === wanted || choice.label.toLowerCase() === wanted)?.value;
}

function allowedValues(question: ClarifyingQuestion): string {
  return `${question.choices.map((choice) => `${choice.value} (${choice.label})`).join(", ")}, or unknown`;
}

/** A zod schema for one question's answer: a string naming a choice, normalised to the choice value or ASSUME. */
function answerSchema(question: ClarifyingQuestion) {
  return z
    .string({ error: (issue) => `expected text, got ${issue.input === null ? "null" : typeof issue.input}; allowed: ${allowedValues(question)}` })
    .transform((typed, ctx) => {
      const value = matchChoice(question, typed);
      if (value === undefined) {
        ctx.addIssue({ code: "custom", message: `${JSON.stringify(typed)} is not allowed; use one of: ${allowedValues(question)}` });
        return z.NEVER;
      }
      return value;
    });
}

/**
 * Checks given answers against the questions (known key, allowed value) and normalises them:
 * key → choice value, or ASSUME. Later answers win (flags after the file). Every problem is
 * listed in one usage error naming the key, where it came from and the allowed values.
 */
export function validateAnswers(given: readonly GivenAnswer[], questions: readonly ClarifyingQuestion[]): Record<string, string> {
  const byKey = new Map(questions.map((question) => [question.key, question]));
  const schema = z.object(Object.fromEntries(questions.map((question) => [question.key, answerSchema(question)]))).partial();
  const problems: string[] = [];
  const result: Record<string, string> = {};
  for (const answer of given) {
    if (!byKey.has(answer.key)) {
      problems.push(`  - ${answer.key} (${answer.origin}): unknown question key; this decision's keys are ${[...byKey.keys()].join(", ")}`);
      continue;
    }
    const parsed = schema.safeParse({ [answer.key]: answer.value });
    if (parsed.success) result[answer.key] = parsed.data[answer.key] as string;
    else for (const issue of parsed.error.issues) problems.push(`  - ${answer.key} (${answer.origin}): ${issue.message}`);
  }
  if (problems.length > 0) throw usageError(`Invalid answers:\n${problems.join("\n")}`, ANSWER_HINT);
  return result;
}
