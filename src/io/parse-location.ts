// Where a malformed JSON or YAML file breaks, as `file:line:column` plus the offending line with
// a caret under the column. Shared by the config loader, the answers loader and (for warnings)
// the scanner, so every malformed input reads the same way on every Node version.
import { findJsonSyntaxError } from "./json-syntax.js";

/** A 1-based line and column (columns count UTF-16 code units, as editors mostly do). */
export interface SourcePosition {
  line: number;
  column: number;
}

/** Why and where a file failed to parse, ready to print. */
export interface ParseFailure extends SourcePosition {
  reason: string;
  /** The offending line with a caret under the column (two lines, indented). */
  excerpt: string;
}

/** Longest slice of the offending line shown in an excerpt; long lines are cut around the column. */
const EXCERPT_WIDTH = 72;

/** The line and column of a character offset; an offset past the end means the end of the file. */
export function positionOfOffset(text: string, offset: number): SourcePosition {
  const at = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < at; i = text.indexOf("\n", i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: at - lineStart + 1 };
}

/** The end of the file as a parser would blame it: just after the last character that is not whitespace. */
export function endOfContent(text: string): number {
  return text.trimEnd().length;
}

/** The line at `position` with a caret under its column, cut to a readable width, tabs shown as spaces. */
export function caretExcerpt(text: string, position: SourcePosition): string {
  const full = (text.split("\n")[position.line - 1] ?? "").replace(/\r$/, "");
  let start = 0;
  if (full.length > EXCERPT_WIDTH && position.column > EXCERPT_WIDTH / 2) start = Math.min(position.column - 1 - EXCERPT_WIDTH / 2, full.length - EXCERPT_WIDTH);
  start = Math.max(0, start);
  const shown = full.slice(start, start + EXCERPT_WIDTH).replace(/[\t\u0000-\u001f\u007f]/g, " ");
  const cut = `${start > 0 ? "…" : ""}${shown}${start + EXCERPT_WIDTH < full.length ? "…" : ""}`;
  const gutter = String(position.line);
  const caretAt = position.column - 1 - start + (start > 0 ? 1 : 0);
  return `  ${gutter} | ${cut}\n  ${" ".repeat(gutter.length)} | ${" ".repeat(Math.max(0, caretAt))}^`;
}

/** Locates a JSON syntax error: computed from the text, else the engine's `position N`, else the end of the file. */
export function describeJsonFailure(text: string, error?: unknown): ParseFailure {
  const found = findJsonSyntaxError(text);
  if (found) return failureAt(text, found.offset >= text.length ? endOfContent(text) : found.offset, found.reason);
  // JSON.parse refused something the checker accepts (a corner case): fall back to its own words.
  const message = error instanceof Error ? error.message : "invalid JSON";
  const position = /position (\d+)/.exec(message)?.[1];
  return failureAt(text, position === undefined ? endOfContent(text) : Number(position), conciseReason(message));
}

/**
 * Locates a YAML parse error: the `yaml` package's `pos` offsets or js-yaml's `mark.position`
 * (and its `reason`); no position means the end of the file.
 */
export function describeYamlFailure(text: string, error: unknown): ParseFailure {
  const found = error as { pos?: unknown; mark?: { position?: unknown }; reason?: unknown } | null;
  const end = endOfContent(text);
  const at = Array.isArray(found?.pos) && typeof found.pos[0] === "number" ? found.pos[0] : typeof found?.mark?.position === "number" ? found.mark.position : end;
  // An error in the trailing whitespace (an unclosed bracket found at the end) belongs to the last content.
  const offset = Math.min(at, end);
  const message = typeof found?.reason === "string" ? found.reason : error instanceof Error ? error.message : String(error);
  return failureAt(text, offset, conciseReason(message));
}

/** `file:line:column: <what>: <reason>` followed by the excerpt, for error and warning messages. */
export function formatParseFailure(file: string, what: string, failure: ParseFailure): string {
  return `${file}:${failure.line}:${failure.column}: ${what}: ${failure.reason}\n${failure.excerpt}`;
}

function failureAt(text: string, offset: number, reason: string): ParseFailure {
  const position = positionOfOffset(text, offset);
  return { ...position, reason, excerpt: caretExcerpt(text, position) };
}

/**
 * A parser message without its own location and source quote: the yaml package appends
 * ` at line N, column M:` and an excerpt; V8 appends `in JSON at position N` or quotes the text.
 */
function conciseReason(message: string): string {
  const first = (message.split(/ at line \d+, column \d+:/)[0] ?? "").split("\n")[0] ?? "";
  const bare = first.replace(/ in JSON at position \d+.*$/, "").replace(/, "[^"]*"(\.\.\.)? is not valid JSON$/, "").trim();
  const text = bare === "" ? "invalid syntax" : bare.charAt(0).toLowerCase() + bare.slice(1);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}
