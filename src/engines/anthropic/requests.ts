// The two request bodies (clarify, decide) and the retry turn, built from redacted text only.
// Deterministic: the same inputs give the same bodies, which is what --print-prompt shows.
import type { ClarifyingQuestion, ResolvedAnswer } from "../../clarify/types.js";
import { redactSecrets } from "../../scan/redact.js";
import { citeEvidence, type EvidenceLegend } from "./evidence.js";
import type { AnthropicSettings } from "./settings.js";
import { SYSTEM_PROMPT } from "./system-prompt.js";

export interface MessageParam {
  role: "user" | "assistant";
  content: string;
}

/** A Messages API request body as adrgen sends it (the output format is added by the caller). */
export interface RequestBody {
  model: string;
  max_tokens: number;
  system: Array<{ type: "text"; text: string; cache_control: { type: "ephemeral" } }>;
  messages: MessageParam[];
}

function body(settings: AnthropicSettings, user: string): RequestBody {
  return {
    model: settings.model,
    max_tokens: settings.maxTokens,
    // The system block is the same for every call and every run: cached, it is billed at a tenth.
    system: [{ type: "text", text: SYSTEM_PROMPT, cache_control: { type: "ephemeral" } }],
    messages: [{ role: "user", content: redactSecrets(user) }],
  };
}

const sourceLabel = { repo: "from the repository", answer: "answered by the user", assumption: "assumed" } as const;

/** The clarify request: title, context summary and the questions already listed (with their state) → topic-specific questions. */
export function clarifyRequest(settings: AnthropicSettings, input: { title: string; summary: string; questions: ClarifyingQuestion[]; known: ResolvedAnswer[] }): RequestBody {
  const known = new Map(input.known.map((answer) => [answer.key, answer]));
  const listed = input.questions.map((question) => {
    const answer = known.get(question.key);
    const state = answer ? `${sourceLabel[answer.source]}: ${answer.statement}` : `open; if unanswered: ${question.assumption.statement}`;
    return `- ${question.key} (${question.dimension}): ${question.prompt} — ${state}`;
  });
  return body(
    settings,
    [
      `Decision to make: ${input.title}`,
      "",
      input.summary,
      "",
      "Questions already listed (do not repeat them):",
      ...listed,
      "",
      "Task: clarify. List the further questions specific to this decision whose answers would change the recommendation and that the repository context does not answer. Reply with the clarifying-questions JSON document; an empty list is fine when nothing else matters.",
    ].join("\n"),
  );
}

export interface DecideInput {
  title: string;
  summary: string;
  legend: EvidenceLegend;
  answers: ResolvedAnswer[];
  namedOptions: string[];
  feedback?: string | undefined;
}

/** The decide request: context, every answer with where it came from, the named options and feedback. Adds legend ids for answer evidence the summary left out. */
export function decideRequest(settings: AnthropicSettings, input: DecideInput): RequestBody {
  const extraLegend: string[] = [];
  const requirements = input.answers.map((answer) => {
    const cited = answer.source === "repo" ? citeEvidence(input.legend, answer.evidence) : { ids: [], added: [] };
    extraLegend.push(...cited.added);
    const ids = cited.ids.length > 0 ? ` [${cited.ids.join("][")}]` : "";
    return `- ${answer.key} (${answer.dimension}), ${sourceLabel[answer.source]}: ${answer.statement}${ids}`;
  });
  const lines = [`Decision to make: ${input.title}`, "", input.summary];
  if (extraLegend.length > 0) lines.push("", "More evidence (cite these ids too):", ...extraLegend);
  lines.push("", "Requirements, one per clarifying question, with where each came from:", ...requirements);
  if (input.namedOptions.length > 0) lines.push("", `Options the user asked to weigh (include each one): ${input.namedOptions.join("; ")}`);
  if (input.feedback?.trim()) lines.push("", "Feedback on an earlier version of this ADR (take it into account):", input.feedback.trim());
  lines.push("", "Task: decide. Work through the four steps, check your answer against the checklist, and reply with the decision JSON document.");
  return body(settings, lines.join("\n"));
}

/** The retry: the rejected reply and the problems found, asking for a corrected complete document. */
export function retryRequest(first: RequestBody, reply: string, problems: string[]): RequestBody {
  const feedback = [
    "Your reply was rejected by the validator:",
    ...problems.slice(0, 40).map((problem) => `- ${problem}`),
    "",
    "Reply again with the complete, corrected JSON document only.",
  ].join("\n");
  return {
    ...first,
    messages: [...first.messages, { role: "assistant", content: redactSecrets(reply.trim() || "(empty reply)") }, { role: "user", content: redactSecrets(feedback) }],
  };
}
