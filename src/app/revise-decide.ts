// Re-decides an ADR: the answers people gave when it was written plus the new ones, what the
// repository proves now, assumptions for the rest (never a prompt), then the engine and its checks.
import { ASSUME, validateAnswers, type GivenAnswer } from "../clarify/answers.js";
import { resolveAnswers } from "../clarify/prompt.js";
import type { ResolvedAnswer } from "../clarify/types.js";
import type { Decision } from "../domain/decision.js";
import type { Engine } from "../engines/types.js";
import type { MachineBlock } from "../render/machine-block.js";
import { redactDeep } from "../scan/redact.js";
import type { RepoContext } from "../scan/types.js";
import { provenanceOf } from "./decision-provenance.js";
import { assertKnownTopic, checkDecision } from "./decision-pipeline.js";

export interface RedecideInput {
  title: string;
  context: RepoContext;
  /** Answers recorded in the ADR's block (null when adopting an ADR adrgen did not write). */
  stored: MachineBlock["answers"] | null;
  /** `--answer` / `--answers`: they win over stored answers. */
  given: GivenAnswer[];
  namedOptions: string[];
  /** Options to weigh when the title matches no topic and none were named (the ADR's Considered Options). */
  fallbackOptions?: string[];
  feedback?: string | undefined;
  engine: Engine;
}

export interface Redecision {
  decision: Decision;
  provenance: Omit<MachineBlock, "sections">;
  answers: ResolvedAnswer[];
  notes: string[];
}

/** Re-runs plan → answers → decide → validate for a revision; nothing is asked, open questions stay assumptions. */
export async function redecide(input: RedecideInput): Promise<Redecision> {
  const { title, context, engine } = input;
  const questions = (await engine.plan({ title, context, given: {} })).questions;
  const { DIMENSIONS } = await import("../domain/dimensions.js");
  const generic = new Set<string>(DIMENSIONS);
  const unknownTopic = questions.every((question) => generic.has(question.key.split(".")[0]!));
  const namedOptions = unknownTopic && input.namedOptions.length < 2 ? [...input.namedOptions, ...(input.fallbackOptions ?? [])] : input.namedOptions;
  await assertKnownTopic(engine, title, questions, namedOptions);
  const keys = new Set(questions.map((question) => question.key));
  // Only what a person answered is carried over: repository answers are re-read, assumptions re-assumed.
  const carried: GivenAnswer[] = (input.stored ?? [])
    .filter((answer) => answer.source === "answer" && keys.has(answer.key))
    .map((answer) => ({ key: answer.key, value: answer.value, origin: "the ADR's recorded answers" }));
  const normalized = validateAnswers([...carried, ...input.given], questions);
  const forEngine = Object.fromEntries(Object.entries(normalized).filter(([, value]) => value !== ASSUME));
  const plan = await engine.plan({ title, context, given: forEngine });
  const answers = await resolveAnswers(plan, { given: normalized, prompter: undefined });
  const result = await engine.decide({ title, context, answers, namedOptions, ...(input.feedback ? { feedback: input.feedback } : {}) });
  const decision = redactDeep(await checkDecision(result.decision, context));
  return { decision, provenance: provenanceOf({ ...result, decision }, answers, context), answers, notes: result.notes };
}
