// How tool answers leave the server: structured content plus the same JSON as text, every string
// passed through the scanner's redactor; failures become tool errors, never a crashed server.
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { AdrgenError } from "../domain/errors.js";
import { redactDeep, redactSecrets } from "../scan/redact.js";

/** A successful tool answer: redacted structured content, echoed as JSON text for clients that read only text. */
export function toolResult(value: Record<string, unknown>): CallToolResult {
  const safe = redactDeep(value);
  return { structuredContent: safe, content: [{ type: "text", text: JSON.stringify(safe, null, 2) }] };
}

/** A tool error with a message (and the hint adrgen would print), redacted like everything else. */
export function toolError(message: string, hint?: string): CallToolResult {
  const text = hint ? `${message}\nhint: ${hint}` : message;
  return { isError: true, content: [{ type: "text", text: redactSecrets(text) }] };
}

/** Runs a tool body; any throw becomes a tool error so the server keeps answering. */
export async function guarded(run: () => Promise<Record<string, unknown>>): Promise<CallToolResult> {
  try {
    return toolResult(await run());
  } catch (error) {
    if (error instanceof AdrgenError) return toolError(error.message, error.hint);
    return toolError(`adrgen failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
