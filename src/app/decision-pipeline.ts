// Steps `new` and `revise` share after the scan: gather the given answers, check the engine's
// decision against the schema and the advisor's QA rules, and lint the ADR before it is written.
import path from "node:path";
import { parseAnswerFlags, readAnswersFile, type GivenAnswer } from "../clarify/answers.js";
import { toPosix, type Workspace } from "../config/workspace.js";
import type { Decision } from "../domain/decision.js";
import { runtimeError } from "../domain/errors.js";
import { isSchemaConforming } from "../engines/schema-conforming.js";
import type { Engine } from "../engines/types.js";
import type { RepoContext } from "../scan/types.js";

/** Answers from `--answers file` and `--answer key=value` (file first, flags win); syntax problems are usage errors before any scan. */
export async function givenAnswers(options: { answers?: string[] | undefined; answersFile?: string | undefined }, cwd: string): Promise<GivenAnswer[]> {
  const fromFile = options.answersFile ? await readAnswersFile(options.answersFile, cwd) : [];
  return [...fromFile, ...parseAnswerFlags(options.answers ?? [])];
}

/**
 * Checks a decision against the schema (unless its engine marked it as already conforming) and the
 * advisor's QA checklist; any problem is a runtime error (exit 3) naming each.
 */
export async function checkDecision(decision: Decision, context: RepoContext): Promise<Decision> {
  const checked = isSchemaConforming(decision) ? decision : await parseDecision(decision);
  const { validateDecision } = await import("../domain/validate-decision.js");
  const problems = validateDecision(checked, context);
  if (problems.length > 0) {
    throw runtimeError(`The decision failed the advisor's checks:\n${problems.map((p) => `  - ${p}`).join("\n")}`, "This is a bug in the engine; please report it.");
  }
  return checked;
}

/** The schema check, loaded on use: zod takes ~50 ms to load (see engines/schema-conforming.ts for who skips it). */
async function parseDecision(decision: Decision): Promise<Decision> {
  const { decisionSchema } = await import("../domain/decision.js");
  const parsed = decisionSchema.safeParse(decision);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw runtimeError(`The engine produced an invalid decision:\n${problems.join("\n")}`, "This is a bug in the engine; please report it.");
  }
  return parsed.data;
}

/** Lints an ADR about to be written; an error-level finding stops the write (exit 3). */
export async function lintGenerated(text: string, workspace: Workspace, file: string, dirLabel: string): Promise<void> {
  // Loaded on use: remark costs ~250 ms, and offline-engine output need not be linted (see callers).
  const { lintAdrText } = await import("../lint/lint-text.js");
  const relPath = toPosix(path.relative(workspace.root, file));
  const errors = lintAdrText(text, { path: file, relPath, dirLabel }, { config: workspace.config, root: workspace.root }).filter((d) => d.severity === "error");
  if (errors.length > 0) {
    const lines = errors.map((d) => `  - ${d.rule}${d.line ? ` (line ${d.line})` : ""}: ${d.message}`);
    throw runtimeError(
      `The generated ADR does not pass adrgen lint, so nothing was written:\n${lines.join("\n")}`,
      "If your lint configuration (lint.rules) asks for this, relax it or use --blank; otherwise this is a bug in adrgen: please report it.",
    );
  }
}

/**
 * The offline engine knows only its topics: an unknown one is a usage error listing them,
 * before any question is asked, unless the user names at least two options to weigh.
 */
export async function assertKnownTopic(engine: Engine, title: string, questions: ReadonlyArray<{ key: string }>, namedOptions: string[]): Promise<void> {
  if (engine.name !== "offline" || namedOptions.length >= 2) return;
  const { DIMENSIONS } = await import("../domain/dimensions.js");
  const generic = new Set<string>(DIMENSIONS);
  if (questions.some((question) => !generic.has(question.key.split(".")[0]!))) return;
  const { catalogFromDisk, unknownTopicError } = await import("../engines/offline/index.js");
  throw unknownTopicError(title, catalogFromDisk().stubs());
}
