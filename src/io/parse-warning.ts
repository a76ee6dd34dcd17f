// The scanner's warning for a file it could not parse, with the same location and excerpt that
// config and answers errors carry. The scanner skips such files and goes on (never an error).
import { describeJsonFailure, describeYamlFailure } from "./parse-location.js";

/** A scan warning with the line of the failure; the column and excerpt are in the message. */
export interface ParseFailureWarning {
  kind: "warning";
  file: string;
  line: number;
  message: string;
}

/** The warning for a JSON or YAML file that did not parse: `invalid JSON at column 5: <reason>; file ignored` plus a caret excerpt. */
export function parseFailureWarning(file: string, text: string, format: "JSON" | "YAML", error?: unknown): ParseFailureWarning {
  const failure = format === "JSON" ? describeJsonFailure(text, error) : describeYamlFailure(text, error);
  return { kind: "warning", file, line: failure.line, message: `invalid ${format} at column ${failure.column}: ${failure.reason}; file ignored\n${failure.excerpt}` };
}
