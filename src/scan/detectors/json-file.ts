import { lineOfOffset } from "../text-lines.js";
import type { Finding, ScannedFile } from "../types.js";

export type JsonParse<T> = { ok: true; value: T } | { ok: false; warning: Extract<Finding, { kind: "warning" }> };

/** Parses a JSON object file; a syntax error or a non-object becomes a warning with the line when known. */
export function parseJsonFile<T extends object>(file: ScannedFile): JsonParse<T> {
  try {
    const value: unknown = JSON.parse(file.text);
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      return { ok: false, warning: { kind: "warning", file: file.path, message: "not a JSON object; ignored" } };
    }
    return { ok: true, value: value as T };
  } catch (error) {
    // V8 says "... in JSON at position 42" (Node 20) or "(line 3 column 5)" (Node 22+).
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message)?.[1];
    const line = /line (\d+)/.exec(message)?.[1];
    const at = line !== undefined ? Number(line) : position !== undefined ? lineOfOffset(file.text, Number(position)) : undefined;
    return { ok: false, warning: { kind: "warning", file: file.path, ...(at !== undefined ? { line: at } : {}), message: "invalid JSON; file ignored" } };
  }
}
