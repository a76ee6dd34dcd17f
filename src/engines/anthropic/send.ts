// Sends one request and returns the reply's text and usage. Streaming replies are watched by an
// idle watchdog (the client timeout stops at the headers); Ctrl-C aborts the request.
import type Anthropic from "@anthropic-ai/sdk";
import { mapRequestError, type AbortReason } from "./errors.js";
import { startProgress, type ProgressSink } from "./progress.js";
import type { RequestBody } from "./requests.js";
import type { AnthropicSettings } from "./settings.js";

/** What came back: the text (the JSON document, or prose around it on local servers) and token counts. */
export interface Reply {
  text: string;
  /** Why the model stopped: "end_turn", or "max_tokens" when the reply was cut off. */
  stopReason: string | null;
  usage: { input_tokens: number; output_tokens: number; cache_creation_input_tokens: number; cache_read_input_tokens: number };
}

export interface SendOptions {
  settings: AnthropicSettings;
  /** Stream the reply (default); off sends one plain request. */
  stream: boolean;
  /** Shown while waiting, e.g. "Claude is deciding". */
  label: string;
  progress?: ProgressSink | undefined;
  /** An outside abort (tests, embedding callers); Ctrl-C is handled here. */
  signal?: AbortSignal | undefined;
  /** The output format (zodOutputFormat); its schema is sent, the reply is validated by the caller. */
  format: { type: "json_schema"; schema: Record<string, unknown> };
}

type MessageLike = { content: Array<{ type: string; text?: string }>; stop_reason?: string | null; usage?: Partial<Record<keyof Reply["usage"], number | null>> | null };

function replyOf(message: MessageLike): Reply {
  const text = message.content
    .filter((block) => block.type === "text")
    .map((block) => block.text ?? "")
    .join("");
  const usage = message.usage ?? {};
  return {
    text,
    stopReason: message.stop_reason ?? null,
    usage: {
      input_tokens: usage.input_tokens ?? 0,
      output_tokens: usage.output_tokens ?? 0,
      cache_creation_input_tokens: usage.cache_creation_input_tokens ?? 0,
      cache_read_input_tokens: usage.cache_read_input_tokens ?? 0,
    },
  };
}

/** Sends a request body; every failure becomes an AdrgenError (exit 3, or the abort error on Ctrl-C). */
export async function sendRequest(client: Anthropic, body: RequestBody, options: SendOptions): Promise<Reply> {
  const controller = new AbortController();
  let reason: AbortReason;
  const abort = (why: AbortReason) => {
    reason ??= why;
    controller.abort();
  };
  const onInterrupt = () => abort("interrupted");
  const onOuterAbort = () => abort("interrupted");
  process.once("SIGINT", onInterrupt);
  options.signal?.addEventListener("abort", onOuterAbort, { once: true });
  if (options.signal?.aborted) abort("interrupted");
  const progress = startProgress(options.progress, options.label);
  let watchdog: NodeJS.Timeout | undefined;
  try {
    const params = { ...body, output_config: { format: options.format } };
    if (!options.stream) {
      const message = (await client.messages.create(params as never, { signal: controller.signal })) as unknown as MessageLike;
      const reply = replyOf(message);
      progress.done(reply.usage.output_tokens);
      return reply;
    }
    const stream = client.messages.stream(params as never, { signal: controller.signal });
    // Until the headers arrive the client timeout (with the SDK's retries) applies; from then on
    // every event re-arms the watchdog and silence for idleTimeoutMs aborts. (The SDK drops ping
    // frames before they become events, so pings alone do not keep a reply alive.)
    const arm = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => abort("stalled"), options.settings.idleTimeoutMs);
    };
    stream.on("connect", arm);
    stream.on("streamEvent", arm);
    stream.on("text", (_delta: string, snapshot: string) => progress.text(snapshot.length));
    const reply = replyOf((await stream.finalMessage()) as unknown as MessageLike);
    progress.done(reply.usage.output_tokens);
    return reply;
  } catch (error) {
    throw mapRequestError(error, options.settings, reason);
  } finally {
    clearTimeout(watchdog);
    progress.stop();
    process.removeListener("SIGINT", onInterrupt);
    options.signal?.removeEventListener("abort", onOuterAbort);
  }
}
