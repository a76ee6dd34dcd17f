// Where every Anthropic setting comes from, in one place: flag, then environment, then config, then default.
import type { AdrgenConfig } from "../../config/schema.js";

export const DEFAULT_MODEL = "claude-sonnet-5-5";
export const DEFAULT_MAX_TOKENS = 16_000;
/** How long the client waits for response headers (the SDK's timeout covers nothing after them). */
export const DEFAULT_TIMEOUT_MS = 120_000;
/** How long a started reply may go without a single event before the watchdog aborts it. */
export const DEFAULT_IDLE_TIMEOUT_MS = 60_000;

/** Everything the Anthropic client needs; the key is only ever read from the environment. */
export interface AnthropicSettings {
  apiKey: string | undefined;
  /** Undefined means the SDK's default (the Anthropic API). */
  baseUrl: string | undefined;
  model: string;
  maxTokens: number;
  timeoutMs: number;
  idleTimeoutMs: number;
}

const present = (value: string | undefined): string | undefined => (value !== undefined && value.trim() !== "" ? value.trim() : undefined);

/** Resolves the settings of a run: `--model` wins over config; ANTHROPIC_BASE_URL over config `anthropic.baseUrl`. */
export function resolveAnthropicSettings(input: { env: NodeJS.ProcessEnv; config?: AdrgenConfig | undefined; model?: string | undefined }): AnthropicSettings {
  const config = input.config?.anthropic ?? {};
  return {
    apiKey: present(input.env.ANTHROPIC_API_KEY),
    baseUrl: present(input.env.ANTHROPIC_BASE_URL) ?? config.baseUrl,
    model: present(input.model) ?? config.model ?? DEFAULT_MODEL,
    maxTokens: config.maxTokens ?? DEFAULT_MAX_TOKENS,
    timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    idleTimeoutMs: config.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
  };
}

/** True when the user has set up the Anthropic engine: a key or a base URL (environment or config). */
export function anthropicConfigured(env: NodeJS.ProcessEnv, config?: AdrgenConfig): boolean {
  return present(env.ANTHROPIC_API_KEY) !== undefined || present(env.ANTHROPIC_BASE_URL) !== undefined || config?.anthropic?.baseUrl !== undefined;
}

/** Where the API is, for messages: the base URL or the public API. */
export function endpointLabel(settings: AnthropicSettings): string {
  return settings.baseUrl ?? "https://api.anthropic.com";
}
