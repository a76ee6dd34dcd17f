// One clear message per way a request can fail; exit 3 for all of them (configuration
// mistakes are caught earlier, with exit 2). The SDK has already retried what it retries.
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, AnthropicError } from "@anthropic-ai/sdk";
import { ABORTED_MESSAGE } from "../../clarify/prompt.js";
import { AdrgenError, ExitCode, runtimeError } from "../../domain/errors.js";
import { endpointLabel, type AnthropicSettings } from "./settings.js";

/** Why a request was aborted on our side, when it was. */
export type AbortReason = "stalled" | "interrupted" | undefined;

const OFFLINE_HINT = "Try again later, or decide without the network: --engine offline.";
const KEY_HINT =
  "adrgen reads the key only from the ANTHROPIC_API_KEY environment variable (never from config files); check it in your shell profile or CI secrets, create a key at https://console.anthropic.com/settings/keys, or use --engine offline.";

/** Turns anything a request threw into an AdrgenError users can act on. */
export function mapRequestError(error: unknown, settings: AnthropicSettings, reason: AbortReason): AdrgenError {
  if (error instanceof AdrgenError) return error;
  const where = endpointLabel(settings);
  if (error instanceof APIUserAbortError || reason !== undefined) {
    if (reason === "stalled") {
      return runtimeError(
        `The reply from ${where} stalled: nothing arrived for ${settings.idleTimeoutMs / 1000} s, so the request was aborted. Nothing was written.`,
        `Try again; on a slow local model raise anthropic.idleTimeoutMs in .adrgenrc.json. Or use --engine offline.`,
        error,
      );
    }
    // Issue 6: every failure of an engine request exits 3, an interrupted one included.
    return new AdrgenError(ABORTED_MESSAGE, { exitCode: ExitCode.runtime, cause: error });
  }
  if (error instanceof APIConnectionTimeoutError) {
    return runtimeError(`No answer from ${where} within ${settings.timeoutMs / 1000} s (after retries).`, `Raise anthropic.timeoutMs in .adrgenrc.json, or ${OFFLINE_HINT}`, error);
  }
  if (error instanceof APIConnectionError) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return runtimeError(`Could not reach ${where}${cause}.`, `Check the network and ANTHROPIC_BASE_URL (or anthropic.baseUrl in config). ${OFFLINE_HINT}`, error);
  }
  if (error instanceof APIError) return fromStatus(error, settings, where);
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof AnthropicError) return runtimeError(`The Anthropic client failed: ${message}`, OFFLINE_HINT, error);
  return runtimeError(`The request to ${where} failed: ${message}`, OFFLINE_HINT, error);
}

function fromStatus(error: APIError, settings: AnthropicSettings, where: string): AdrgenError {
  const detail = apiMessage(error);
  const status = error.status;
  if (status === 401) return runtimeError(`The API key was rejected by ${where} (401${detail}).`, KEY_HINT, error);
  if (status === 403) return runtimeError(`The API key may not use ${settings.model} at ${where} (403${detail}).`, KEY_HINT, error);
  if (status === 404) return runtimeError(`${where} does not know the model "${settings.model}" (404${detail}).`, "Choose another model with --model or anthropic.model in .adrgenrc.json (e.g. claude-haiku-5-5).", error);
  if (status === 429) return runtimeError(`${where} is rate limiting this key (429${detail}); gave up after 3 attempts.`, OFFLINE_HINT, error);
  if (status === 529) return runtimeError(`${where} is overloaded (529${detail}); gave up after 3 attempts.`, OFFLINE_HINT, error);
  if (status !== undefined && status >= 500) return runtimeError(`${where} failed with a server error (${status}${detail}); gave up after 3 attempts.`, OFFLINE_HINT, error);
  if (status === 413) return runtimeError(`The request was too large for ${where} (413${detail}).`, "Lower anthropic.maxTokens or decide with --engine offline.", error);
  return runtimeError(`${where} refused the request (${status ?? "no status"}${detail}).`, `Check --model and anthropic settings in .adrgenrc.json. ${OFFLINE_HINT}`, error);
}

/** The API's own error message, when the body had one: `: overloaded_error: …`. */
function apiMessage(error: APIError): string {
  const body = error.error as { error?: { type?: string; message?: string } } | undefined;
  const inner = body?.error;
  if (!inner?.message) return "";
  return `: ${inner.type ? `${inner.type}: ` : ""}${inner.message}`;
}
