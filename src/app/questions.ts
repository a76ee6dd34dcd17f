// `adrgen questions "<title>"`: the clarifying questions of a decision, what the repository
// already answers (with evidence) and what would be assumed, so answers can be scripted.
import type { ClarifyingQuestion } from "../clarify/types.js";
import type { Workspace } from "../config/workspace.js";
import type { Colors } from "../io/output.js";
import type { RepoContext } from "../scan/types.js";
import type { Engine } from "../engines/types.js";
import { buildContext, formatEvidence } from "./context.js";
import { normalizeTitle } from "./new-adr.js";

/** One question as `questions` reports it. */
export interface QuestionReport extends ClarifyingQuestion {
  /** `repo`: the repository answers it; `open`: it would be asked, or assumed without a terminal. */
  status: "repo" | "open";
  /** The value that would be used: the repository's, else the assumption's. */
  value: string;
  /** The sentence the ADR would carry. */
  statement: string;
  /** `file:line` references proving a repository answer. */
  evidence: string[];
}

export interface QuestionsResult {
  title: string;
  topic: { id: string; title: string };
  questions: QuestionReport[];
  /** A ready-to-copy `adrgen new` command answering every open question with its assumption. */
  answerCommand: string;
}

export interface QuestionsDeps {
  engine?: Engine;
  env: NodeJS.ProcessEnv;
  /** `--engine`. */
  engineName?: string | undefined;
  /** `--model` (Anthropic only). */
  model?: string | undefined;
  scan?: (workspace: Workspace) => Promise<RepoContext>;
  progress?: (message: string) => void;
}

/** Quotes a word for a POSIX shell when it needs it. */
export function shellQuote(text: string): string {
  return /^[A-Za-z0-9_./:=@+-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}

/**
 * The topic of a title in the offline knowledge base. An unknown topic is a usage error listing
 * the topics, unless two or more `--option`s make it a decision on the generic questions.
 */
export async function topicForTitle(title: string, namedOptions: readonly string[] = []): Promise<{ id: string; title: string }> {
  const { catalogFromDisk, matchTopic, unknownTopicError } = await import("../engines/offline/index.js");
  // Match data only: the full topic files are parsed by the engine for the chosen topic.
  const topics = catalogFromDisk().stubs();
  const match = matchTopic(title, topics);
  if (match) return { id: match.topic.id, title: match.topic.title };
  if (namedOptions.length >= 2) return { id: "custom", title: `User-given options: ${namedOptions.join(", ")}` };
  throw unknownTopicError(title, topics);
}

/** Lists a decision's questions with what the repository settles and what would be assumed. */
export async function listQuestions(workspace: Workspace, options: { title: string; options?: string[] }, deps: QuestionsDeps): Promise<QuestionsResult> {
  const title = normalizeTitle(options.title);
  const named = [...new Set((options.options ?? []).map((o) => o.trim()).filter(Boolean))];
  const topic = await topicForTitle(title, named);
  const engine = deps.engine ?? (await (await import("../engines/select.js")).selectEngine({ name: deps.engineName, env: deps.env, config: workspace.config, model: deps.model }));
  deps.progress?.("Scanning the repository…");
  const context = deps.scan ? await deps.scan(workspace) : await buildContext(workspace);
  const plan = await engine.plan({ title, context, given: {} });
  if (engine.name === "anthropic") {
    // Listing sends nothing (see the engine's plan()); say so, so nobody expects Claude's questions here.
    const { engineUsage } = await import("../engines/anthropic/index.js");
    const model = engineUsage(engine)?.model;
    deps.progress?.(`The anthropic engine${model ? ` (${model})` : ""} adds its own topic questions when adrgen new runs; only the generic questions are listed here.`);
  }
  const known = new Map(plan.known.map((answer) => [answer.key, answer]));
  const questions = plan.questions.map((question): QuestionReport => {
    const answer = known.get(question.key);
    if (answer && !plan.open.includes(question.key)) {
      return { ...question, status: "repo", value: answer.value, statement: answer.statement, evidence: answer.evidence.map(formatEvidence) };
    }
    return { ...question, status: "open", value: question.assumption.value, statement: question.assumption.statement, evidence: [] };
  });
  const open = questions.filter((question) => question.status === "open");
  const optionFlags = topic.id === "custom" ? named.map((name) => `--option ${shellQuote(name)}`) : [];
  const answerCommand = ["adrgen new", shellQuote(title), ...optionFlags, ...open.map((question) => `--answer ${shellQuote(`${question.key}=${question.value}`)}`)].join(" ");
  return { title, topic, questions, answerCommand };
}

/** Human output of `questions`: per question its key, prompt, choices and state; then the `--answer` line. */
export function formatQuestions(result: QuestionsResult, c: Colors): string {
  const blocks = [`${c.bold("Topic")} ${result.topic.id} (${result.topic.title})`];
  for (const question of result.questions) {
    const state =
      question.status === "repo"
        ? `${c.green("answered by the repository")}: ${question.value} — ${question.statement}${question.evidence.length > 0 ? ` [${question.evidence.join(", ")}]` : ""}`
        : `${c.yellow("open")}; would assume ${question.value} — ${question.statement}`;
    blocks.push(
      [
        `${c.bold(question.key)} (${question.dimension})`,
        `  ${question.prompt}`,
        `  ${c.dim(`why: ${question.why}`)}`,
        ...question.choices.map((choice) => `    ${choice.value.padEnd(16)} ${choice.label}`),
        `  ${state}`,
      ].join("\n"),
    );
  }
  const openCount = result.questions.filter((question) => question.status === "open").length;
  blocks.push(
    openCount === 0
      ? "The repository answers every question."
      : `Answer the ${openCount} open questions (edit the values; "unknown" keeps the assumption):\n  ${result.answerCommand}`,
  );
  return blocks.join("\n\n");
}
