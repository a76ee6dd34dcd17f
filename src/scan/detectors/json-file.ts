import { describeJsonFailure } from "../../io/parse-location.js";
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
    // Located by our own syntax check, so Node 20 and newer Nodes give the same line, column and reason.
    // The reason is adrgen's wording, never an excerpt of the file (which may hold secrets).
    const failure = describeJsonFailure(file.text, error);
    return { ok: false, warning: { kind: "warning", file: file.path, line: failure.line, message: `invalid JSON at column ${failure.column}: ${failure.reason}; file ignored` } };
  }
}
