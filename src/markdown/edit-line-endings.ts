// Whole-file rewrites (revise) work on LF text; a CRLF file is converted in and back out, so an
// unchanged ADR stays byte-identical and a changed one keeps the line endings its authors use.

/** The line ending a text uses most: "\r\n" when CRLF lines outnumber bare LF lines, else "\n". */
export function dominantLineEnding(text: string): "\r\n" | "\n" {
  const crlf = text.split("\r\n").length - 1;
  const lf = text.split("\n").length - 1 - crlf;
  return crlf > lf ? "\r\n" : "\n";
}

/** The text with every CRLF turned into LF. */
export function toLf(text: string): string {
  return text.includes("\r\n") ? text.replace(/\r\n/g, "\n") : text;
}

/** LF text written with `eol`: every line break becomes `eol` (a no-op for "\n"). */
export function withLineEnding(text: string, eol: "\r\n" | "\n"): string {
  return eol === "\n" ? text : text.replace(/\r?\n/g, "\r\n");
}
