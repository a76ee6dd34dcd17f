// Answers given up front: `--answer key=value` (repeatable) and `--answers file.yaml|json`.
// Syntax is checked before the scan; values are checked against the decision's questions
// once they are known. Every problem is reported at once (exit 2), nothing is written.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { usageError } from "../domain/errors.js";
import { withNamedExports } from "../io/commonjs.js";
import { findJsonSyntaxError } from "../io/json-syntax.js";
import { describeJsonFailure, describeYamlFailure, formatParseFailure } from "../io/parse-location.js";
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

/** Reads an answers file (YAML or JSON, by content); unreadable or malformed files are usage errors. */
export async function readAnswersFile(file: string, cwd: string): Promise<GivenAnswer[]> {
  const abs = path.resolve(cwd, file);
  let text: string;
  try {
    text = await readFile(abs, "utf8");
  } catch (error) {
    throw usageError(`Cannot read the answers file ${file}: ${(error as Error).message}`, "Pass an existing YAML or JSON file to --answers.");
  }
  // Loaded on use: only an answers file needs the YAML parser and zod (~50 ms together).
  const [yaml, { z }] = await Promise.all([import("yaml").then(withNamedExports), import("zod")]);
  /** An answers file: a map of answer key → value (strings; `unknown` means "assume"). */
  const answersFileSchema = z.record(z.string(), z.unknown(), { error: "the file must be a map of answer keys to values, e.g. scale.rps: 1k-10k" });
  let raw: unknown;
  try {
    // JSON is YAML, so one parser reads both.
    raw = yaml.parse(text);
  } catch (error) {
    // A .json file (or one that opens like JSON) with a JSON syntax error is blamed as JSON: YAML's words about flow collections would puzzle.
    const jsonLike = /\.json$/i.test(file) || /^\s*[{[]/.test(text);
    const asJson = jsonLike && findJsonSyntaxError(text) !== undefined;
    const failure = asJson ? describeJsonFailure(text) : describeYamlFailure(text, error);
    throw usageError(formatParseFailure(file, `answers file is not valid ${asJson ? "JSON" : "YAML"}`, failure), ANSWER_HINT);
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
  if (DONT_KNOW_WORDS.has(wanted.replace(/[\s'\u2019]/g, ""))) return ASSUME;
  return question.choices.find((choice) => choice.value.toLowerCase() === wanted || choice.label.toLowerCase() === wanted)?.value;
}

function allowedValues(question: ClarifyingQuestion): string {
  return `${question.choices.map((choice) => `${choice.value} (${choice.label})`).join(", ")}, or unknown`;
}

/**
 * One given answer checked against its question: a string naming a choice (value or label, any
 * case) becomes the choice value or ASSUME; anything else is a problem message. Hand-written
 * rather than zod so answering from flags does not load zod (~50 ms) on every `new`.
 */
function checkAnswer(question: ClarifyingQuestion, given: unknown): { value: string } | { problem: string } {
  if (typeof given !== "string") return { problem: `expected text, got ${given === null ? "null" : typeof given}; allowed: ${allowedValues(question)}` };
  const value = matchChoice(question, given);
  return value === undefined ? { problem: `${JSON.stringify(given)} is not allowed; use one of: ${allowedValues(question)}` } : { value };
}

/**
 * Checks given answers against the questions (known key, allowed value) and normalises them:
 * key → choice value, or ASSUME. Later answers win (flags after the file). Every problem is
 * listed in one usage error naming the key, where it came from and the allowed values.
 */
export function validateAnswers(given: readonly GivenAnswer[], questions: readonly ClarifyingQuestion[]): Record<string, string> {
  const byKey = new Map(questions.map((question) => [question.key, question]));
  const problems: string[] = [];
  const result: Record<string, string> = {};
  for (const answer of given) {
    const question = byKey.get(answer.key);
    if (!question) {
      problems.push(`  - ${answer.key} (${answer.origin}): unknown question key; this decision's keys are ${[...byKey.keys()].join(", ")}`);
      continue;
    }
    // An absent value is no answer (as an optional key would be), not an error.
    if (answer.value === undefined) {
      result[answer.key] = undefined as unknown as string;
      continue;
    }
    const checked = checkAnswer(question, answer.value);
    if ("value" in checked) result[answer.key] = checked.value;
    else problems.push(`  - ${answer.key} (${answer.origin}): ${checked.problem}`);
  }
  if (problems.length > 0) throw usageError(`Invalid answers:\n${problems.join("\n")}`, ANSWER_HINT);
  return result;
}
