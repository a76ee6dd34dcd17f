import type { QuestionPlan, ResolvedAnswer } from "../clarify/types.js";
import type { Decision } from "../domain/decision.js";
import type { RepoContext } from "../scan/types.js";

export type EngineName = "offline" | "anthropic";

/** What an engine needs to decide. */
export interface DecideRequest {
  title: string;
  context: RepoContext;
  /** Every question's effective answer (user, repository or assumption). */
  answers: ResolvedAnswer[];
  /** Options the user named (`--option`) or the title names. */
  namedOptions: string[];
  /** Free-text feedback (revise); engines that cannot use it say so in `notes`. */
  feedback?: string;
}

/** An engine's answer: the decision plus provenance for the ADR's machine-readable block. */
export interface DecideResult {
  decision: Decision;
  engine: EngineName;
  /** e.g. `message-broker@1` for the offline engine, the model id for Anthropic. */
  source: string;
  /** Diagnostics for stderr (e.g. which feedback could not be used). */
  notes: string[];
}

/** The advisor behind `new` and `revise`: the offline knowledge base or Claude. */
export interface Engine {
  readonly name: EngineName;
  /** The questions for a title, with what the repository and the given answers already settle. */
  plan(request: { title: string; context: RepoContext; given: Record<string, string> }): Promise<QuestionPlan>;
  /** Evaluates the options and recommends one. */
  decide(request: DecideRequest): Promise<DecideResult>;
}
