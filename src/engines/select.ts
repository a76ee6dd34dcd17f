// The one place that picks the advisor engine: a flag wins; otherwise Anthropic when a key or a
// base URL is configured, offline when not.
import type { AdrgenConfig } from "../config/schema.js";
import { usageError } from "../domain/errors.js";
import type { ProgressSink } from "./anthropic/progress.js";
import { anthropicConfigured, resolveAnthropicSettings } from "./anthropic/settings.js";
import type { Engine, EngineName } from "./types.js";

export const ENGINE_NAMES: readonly EngineName[] = ["offline", "anthropic"];

export interface EngineRequest {
  /** `--engine`; when absent: anthropic if ANTHROPIC_API_KEY or a base URL is set, else offline. */
  name?: string | undefined;
  env: NodeJS.ProcessEnv;
  /** The repository's config (its `anthropic` settings). */
  config?: AdrgenConfig | undefined;
  /** `--model` (Anthropic only). */
  model?: string | undefined;
  /** stderr for the Anthropic engine's progress and the SDK's log. */
  progress?: ProgressSink | undefined;
  /** `--print-prompt`: where the Anthropic engine writes the requests it would send. */
  printPrompt?: ((text: string) => void) | undefined;
  /** Aborts a request in flight. */
  signal?: AbortSignal | undefined;
}

/** The engine a run would use, without creating it. */
export function engineNameFor(request: Pick<EngineRequest, "name" | "env" | "config" | "printPrompt">): string {
  // --print-prompt shows what Claude would receive, so it needs no key and implies the Anthropic engine.
  return request.name ?? (request.printPrompt || anthropicConfigured(request.env, request.config) ? "anthropic" : "offline");
}

/** Creates the engine a run asks for; unknown names and an unconfigured Anthropic engine are usage errors (exit 2). */
export async function selectEngine(request: EngineRequest): Promise<Engine> {
  const name = engineNameFor(request);
  if (name === "offline") {
    if (request.printPrompt) throw usageError("--print-prompt shows the requests of the Anthropic engine; the offline engine sends none.", "Leave out --engine offline, or leave out --print-prompt.");
    const { createOfflineEngine } = await import("./offline/index.js");
    return createOfflineEngine();
  }
  if (name === "anthropic") {
    const settings = resolveAnthropicSettings({ env: request.env, config: request.config, model: request.model });
    if (settings.apiKey === undefined && settings.baseUrl === undefined && !request.printPrompt) {
      throw usageError(
        "The Anthropic engine needs an API key: ANTHROPIC_API_KEY is not set.",
        "Export ANTHROPIC_API_KEY (or point ANTHROPIC_BASE_URL / anthropic.baseUrl at a local server), or use --engine offline.",
      );
    }
    const { createAnthropicEngine } = await import("./anthropic/engine.js");
    return createAnthropicEngine({ settings, progress: request.progress, printPrompt: request.printPrompt, signal: request.signal });
  }
  throw usageError(`Unknown engine "${name}".`, `Choose one of: ${ENGINE_NAMES.join(", ")}.`);
}
