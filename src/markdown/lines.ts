/**
 * A text split into lines that remembers each line's own terminator, so an edit can
 * replace or insert lines and leave every other byte (CRLF, a missing final newline) as it was.
 */
export interface LineDoc {
  lines: string[];
  /** The terminator after each line: "\n", "\r\n", "\r" or "" (the last line without one). */
  eols: string[];
  /** The terminator new lines get: the one the file uses most. */
  eol: string;
}

/** Splits a text into lines, keeping each terminator. */
export function splitLines(text: string): LineDoc {
  const lines: string[] = [];
  const eols: string[] = [];
  const pattern = /\r\n|\n|\r/g;
  let start = 0;
  let crlf = 0;
  let lf = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    lines.push(text.slice(start, match.index));
    eols.push(match[0]);
    if (match[0] === "\r\n") crlf += 1;
    else if (match[0] === "\n") lf += 1;
    start = match.index + match[0].length;
  }
  if (start < text.length) {
    lines.push(text.slice(start));
    eols.push("");
  }
  return { lines, eols, eol: crlf > lf ? "\r\n" : "\n" };
}

/** Joins a LineDoc back into text. */
export function joinLines(doc: LineDoc): string {
  let out = "";
  for (let i = 0; i < doc.lines.length; i += 1) out += doc.lines[i]! + doc.eols[i]!;
  return out;
}

/** Inserts lines before index `at` (0-based); `at === lines.length` appends. */
export function insertLines(doc: LineDoc, at: number, added: string[]): void {
  if (added.length === 0) return;
  const appendingAfterUnterminated = at === doc.lines.length && at > 0 && doc.eols[at - 1] === "";
  const newEols = added.map(() => doc.eol);
  if (appendingAfterUnterminated) {
    // Keep "no newline at end of file" true after appending: the old last line gets one, the new last does not.
    doc.eols[at - 1] = doc.eol;
    newEols[newEols.length - 1] = "";
  }
  doc.lines.splice(at, 0, ...added);
  doc.eols.splice(at, 0, ...newEols);
}

/** Replaces `count` lines from index `at` with the given lines, keeping the last replaced line's terminator. */
export function replaceLines(doc: LineDoc, at: number, count: number, replacement: string[]): void {
  const lastEol = count > 0 ? doc.eols[at + count - 1]! : doc.eol;
  const eols = replacement.map((_, i) => (i === replacement.length - 1 ? lastEol : doc.eol));
  if (replacement.length === 0 && count > 0 && at + count === doc.lines.length && at > 0) {
    // Removing the final lines: the new last line inherits the removed ending.
    doc.eols[at - 1] = lastEol;
  }
  doc.lines.splice(at, count, ...replacement);
  doc.eols.splice(at, count, ...eols);
}

/** True for a line holding only whitespace. */
export function isBlank(line: string | undefined): boolean {
  return line === undefined || line.trim() === "";
}
