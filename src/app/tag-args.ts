// Tags as users give them (`--tag`, `tag --add`, an answers file's `tags`), checked and normalised.
// Kept apart from the tag edit so `new` loads nothing of the editing side.
import { parseAnswerFlags, readAnswersFile, type GivenAnswer } from "../clarify/answers.js";
import { usageError } from "../domain/errors.js";
import { MAX_TAG_LENGTH, splitTagArgs, tagKey, tagProblem } from "../search/tags.js";

/** Normalises `--tag` values (repeatable, comma-separated): trimmed, lower-cased, spaces as hyphens, duplicates dropped. Bad tags are usage errors. */
export function normalizeTagArgs(values: ReadonlyArray<string | number>): string[] {
  const tags: string[] = [];
  for (const raw of splitTagArgs(values)) {
    const problem = tagProblem(raw);
    if (problem) {
      throw usageError(
        `Invalid tag ${JSON.stringify(raw.trim())}: ${problem}.`,
        `Use short lower-case words such as --tag security --tag event-sourcing (at most ${MAX_TAG_LENGTH} characters; letters, digits, - _ . / +).`,
      );
    }
    const tag = tagKey(raw);
    if (!tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

/**
 * Takes a `tags` entry out of the given answers (an answers file's `tags: [a, b]` or `tags: a, b`,
 * or `--answer tags=a,b`), so the clarifying questions never see it; its tags come back normalised.
 */
export function takeTagAnswers(given: GivenAnswer[]): { answers: GivenAnswer[]; tags: string[] } {
  const answers: GivenAnswer[] = [];
  const values: string[] = [];
  for (const answer of given) {
    if (answer.key.trim().toLowerCase() !== "tags") {
      answers.push(answer);
      continue;
    }
    const items = Array.isArray(answer.value) ? answer.value : [answer.value];
    for (const item of items) {
      if (typeof item !== "string" && typeof item !== "number") {
        throw usageError(`tags in ${answer.origin} must be a list of words or a comma-separated text.`, "For example: tags: [security, api]");
      }
      values.push(String(item));
    }
  }
  return { answers, tags: normalizeTagArgs(values) };
}

/**
 * The tags of `new --blank`: `--tag` values plus a `tags` answer (answers file or `--answer`). No
 * questions are asked with --blank, so any other answer would be silently ignored: it is refused instead.
 */
export async function blankTags(options: { tags: ReadonlyArray<string | number>; answers: readonly string[]; answersFile?: string | undefined }, cwd: string): Promise<string[]> {
  const given = [...(options.answersFile ? await readAnswersFile(options.answersFile, cwd) : []), ...parseAnswerFlags(options.answers)];
  const { answers: others, tags } = takeTagAnswers(given);
  if (others.length > 0) {
    throw usageError(
      `--blank asks no questions, so these answers would be ignored: ${others.map((a) => `${a.key} (${a.origin})`).join(", ")}.`,
      "With --blank only a tags answer is used; drop --blank to have the advisor use the other answers.",
    );
  }
  return [...new Set([...normalizeTagArgs(options.tags), ...tags])];
}
