// The Anthropic engine: Claude as the advisor of DESIGN.md §2. plan() adds Claude's
// topic-specific questions to the generic ones (one clarify request, skipped when nothing is
// open); decide() asks for the Decision, validates it, and retries once with the problems.
import { planQuestions } from "../offline/answers.js";
import { loadDimensionQuestions } from "../offline/knowledge/load.js";
import type { Question } from "../offline/knowledge/schema.js";
import type { ClarifyingQuestion, QuestionPlan } from "../../clarify/types.js";
import { runtimeError } from "../../domain/errors.js";
import { redactSecrets } from "../../scan/redact.js";
import { summarizeContext } from "../../scan/summary.js";
import type { RepoContext } from "../../scan/types.js";
import type { DecideRequest, DecideResult, Engine } from "../types.js";
import { createAnthropicClient } from "./client.js";
import { legendOf } from "./evidence.js";
import { clarifyFormat, decisionFormat, type OutputFormat } from "./output-formats.js";
import { emptyUsage, formatUsage, usageReport, type TokenUsage, type UsageReport } from "./pricing.js";
import { PromptPrinted } from "./print-prompt.js";
import type { ProgressSink } from "./progress.js";
import { readClarifyReply, readDecisionReply } from "./read-reply.js";
import { clarifyRequest, decideRequest, retryRequest, type RequestBody } from "./requests.js";
import { sendRequest, type Reply } from "./send.js";
import { endpointLabel, type AnthropicSettings } from "./settings.js";

export interface AnthropicEngineOptions {
  settings: AnthropicSettings;
  /** stderr: progress lines, the spinner when it is a terminal, the SDK's log. */
  progress?: ProgressSink | undefined;
  /** `--print-prompt`: each request is written here instead of being sent. */
  printPrompt?: ((text: string) => void) | undefined;
  /** Stream replies (default true). */
  stream?: boolean | undefined;
  /** Aborts the request in flight. */
  signal?: AbortSignal | undefined;
  /** Generic per-dimension questions; default knowledge/dimensions.yaml. */
  generic?: Question[] | undefined;
}

/** The engine plus the tokens its requests used so far. */
export interface AnthropicEngine extends Engine {
  readonly name: "anthropic";
  usage(): UsageReport;
}

/** Creates the Anthropic engine for one run. Nothing is sent until plan() or decide() needs it. */
export function createAnthropicEngine(options: AnthropicEngineOptions): AnthropicEngine {
  const { settings, progress } = options;
  const tally: TokenUsage = emptyUsage();
  let client: ReturnType<typeof createAnthropicClient> | undefined;
  let generic: Question[] | undefined;
  // generate-adr calls plan() once without answers only to learn the answer keys, then again
  // with them; the clarify request waits for that second call, so answers that settle every
  // open question save the request.
  const listed = new Set<string>();
  const clarified = new Map<string, ClarifyingQuestion[]>();

  const send = async (kind: string, body: RequestBody, format: OutputFormat, label: string): Promise<Reply> => {
    if (options.printPrompt) {
      const wire = { ...body, output_config: { format } };
      options.printPrompt(`# ${kind} request: POST ${endpointLabel(settings)}/v1/messages (not sent)\n${JSON.stringify(wire, null, 2)}\n`);
      if (kind === "decide") {
        if (clarified.size > 0) progress?.line("The decide request would also carry the answers to Claude's clarifying questions, which are known only once the clarify request is sent.");
        throw new PromptPrinted();
      }
      return { text: "", stopReason: null, usage: { input_tokens: 0, output_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 } };
    }
    client ??= createAnthropicClient(settings, (line) => progress?.line(line));
    tally.requests++;
    const reply = await sendRequest(client, body, { settings, stream: options.stream ?? true, label, progress, signal: options.signal, format });
    tally.inputTokens += reply.usage.input_tokens;
    tally.outputTokens += reply.usage.output_tokens;
    tally.cacheCreationInputTokens += reply.usage.cache_creation_input_tokens;
    tally.cacheReadInputTokens += reply.usage.cache_read_input_tokens;
    return reply;
  };
  const report = () => usageReport(settings.model, tally);

  const clarify = async (title: string, context: RepoContext, base: QuestionPlan): Promise<ClarifyingQuestion[]> => {
    const cached = clarified.get(title);
    if (cached) return cached;
    const body = clarifyRequest(settings, { title: redactSecrets(title), summary: summarizeContext(context), questions: base.questions, known: base.known });
    const reply = await send("clarify", body, clarifyFormat(), `${settings.model} is preparing questions`);
    const { questions, dropped, unreadable } = readClarifyReply(reply.text, new Set(base.questions.map((q) => q.key)));
    // Topic questions only refine the decision: a bad clarify reply costs them, not the run.
    if (!options.printPrompt && unreadable) progress?.line("Claude's clarifying questions could not be read; continuing with the generic questions.");
    if (!options.printPrompt && dropped > 0) progress?.line(`Left out ${dropped} of Claude's clarifying questions that were malformed or repeated.`);
    clarified.set(title, questions);
    return questions;
  };

  return {
    name: "anthropic",
    usage: report,
    async plan({ title, context, given }) {
      generic ??= options.generic ?? loadDimensionQuestions();
      const base = planQuestions(generic, null, context, given);
      const listing = Object.keys(given).length === 0 && !listed.has(title) && !clarified.has(title);
      listed.add(title);
      if (listing || base.open.length === 0) return base;
      const extra = await clarify(title, context, base);
      return { questions: [...base.questions, ...extra], known: base.known, open: [...base.open, ...extra.map((q) => q.key)] };
    },
    async decide(request: DecideRequest): Promise<DecideResult> {
      const summary = summarizeContext(request.context);
      const legend = legendOf(summary);
      const input = { title: redactSecrets(request.title), summary, legend, answers: request.answers, namedOptions: request.namedOptions, feedback: request.feedback };
      const first = decideRequest(settings, input);
      const label = `${settings.model} is deciding`;
      let reply = await send("decide", first, decisionFormat(), label);
      let read = readDecisionReply(reply.text, legend, request.context);
      if ("problems" in read) assertNotCutOff(reply, settings);
      if ("problems" in read) {
        progress?.line(`The decision failed validation (${read.problems.length} problem${read.problems.length === 1 ? "" : "s"}); asking once more with the problems.`);
        reply = await send("decide", retryRequest(first, reply.text, read.problems), decisionFormat(), `${label} (retry)`);
        read = readDecisionReply(reply.text, legend, request.context);
        if ("problems" in read) assertNotCutOff(reply, settings);
      }
      if ("problems" in read) {
        progress?.line(formatUsage(report()));
        throw runtimeError(
          `${settings.model}'s decision failed validation twice; nothing was written:\n${read.problems.map((p) => `  - ${p}`).join("\n")}`,
          "Run again, try another model (--model), or decide with --engine offline.",
        );
      }
      return { decision: read.decision, engine: "anthropic", source: settings.model, notes: [formatUsage(report())] };
    },
  };
}

/** A reply cut off at max_tokens cannot be repaired by asking again with the same limit. */
function assertNotCutOff(reply: Reply, settings: AnthropicSettings): void {
  if (reply.stopReason !== "max_tokens") return;
  throw runtimeError(
    `The reply was cut off at max_tokens (${settings.maxTokens}) before the decision was complete; nothing was written.`,
    "Raise anthropic.maxTokens in .adrgenrc.json, or decide with --engine offline.",
  );
}
