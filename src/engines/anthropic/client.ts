// The one place the SDK client is built: key and URL from the resolved settings (never from
// process.env behind our back), our timeouts, and the SDK's logger pointed at stderr.
import Anthropic from "@anthropic-ai/sdk";
import type { AnthropicSettings } from "./settings.js";

/** Sent when no key is set but a base URL is (local servers such as Ollama accept any key). */
export const LOCAL_SERVER_KEY = "adrgen-local-no-key";
const DEFAULT_BASE_URL = "https://api.anthropic.com";

/** A logger for the SDK that writes every level to stderr (its default, console, prints info to stdout). */
function stderrLogger(write: (line: string) => void) {
  const log = (level: string) => (message: string, ...rest: unknown[]) =>
    write(`anthropic ${level}: ${[message, ...rest.map((item) => (typeof item === "string" ? item : JSON.stringify(item)))].join(" ")}`);
  return { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
}

/** Builds the Anthropic client for a run. */
export function createAnthropicClient(settings: AnthropicSettings, log: (line: string) => void): Anthropic {
  return new Anthropic({
    apiKey: settings.apiKey ?? LOCAL_SERVER_KEY,
    baseURL: settings.baseUrl ?? DEFAULT_BASE_URL,
    timeout: settings.timeoutMs,
    maxRetries: 2,
    logger: stderrLogger(log),
  });
}
