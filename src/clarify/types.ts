import type { Dimension, FactSource } from "../domain/dimensions.js";
import type { Evidence } from "../scan/types.js";

/** A clarifying question as the user sees it (generic per dimension, or topic-specific). */
export interface ClarifyingQuestion {
  /** Answer key, e.g. `scale.rps` or `message-broker.replay`. */
  key: string;
  dimension: Dimension;
  prompt: string;
  why: string;
  choices: Array<{ value: string; label: string }>;
  /** The value and sentence used when nobody answers. */
  assumption: { value: string; statement: string };
}

/** The effective answer to one question, and where it came from. */
export interface ResolvedAnswer {
  key: string;
  dimension: Dimension;
  value: string;
  /** `repo`: the scan answered (with evidence); `answer`: the user; `assumption`: nobody. */
  source: FactSource;
  /** A sentence for the ADR: the choice label, the repo statement or the assumption. */
  statement: string;
  evidence: Evidence[];
}

/** Every question of a decision with its state before asking: what the repo already answers and what is open. */
export interface QuestionPlan {
  questions: ClarifyingQuestion[];
  /** Answers known before prompting: from the repository, `--answer` flags or an answers file. */
  known: ResolvedAnswer[];
  /** Keys still open; asked on a TTY, else assumed. */
  open: string[];
}
