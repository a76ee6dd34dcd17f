// Plain-text helpers both ADR readers use on raw markdown lines, so they see the same text.

/** Removes a leading byte-order mark. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Splits text into lines on LF, CRLF or CR; line N is at index N-1. */
export function splitLines(text: string): string[] {
  return text.includes("\r") ? text.split(/\r\n|\r|\n/) : text.split("\n");
}

/** True when the text looks like a binary file read as UTF-8 (NUL bytes or many replacement characters). */
export function looksBinary(text: string): boolean {
  const head = text.length > 8000 ? text.slice(0, 8000) : text;
  if (head.includes("\u0000")) return true;
  let bad = 0;
  for (let i = head.indexOf("\ufffd"); i >= 0; i = head.indexOf("\ufffd", i + 1)) bad++;
  return bad > 0 && bad / head.length > 0.1;
}

const LINK = /!?\[((?:[^[\]]|\[[^\]]*\])*)\]\([^)]*\)/g;
const REF_LINK = /!?\[((?:[^[\]]|\[[^\]]*\])*)\]\[[^\]]*\]/g;

/** Converts inline markdown to plain text: links and images to their text, emphasis and code marks and escapes dropped. */
export function inlineText(markdown: string): string {
  // Most headings and values hold no markup at all; skip the replacements for them.
  if (!/[[\]`*_~<>\\!]/.test(markdown)) return /\s\s|[\t\n\r]/.test(markdown) ? markdown.replace(/\s+/g, " ").trim() : markdown.trim();
  let text = markdown.replace(/<!--[\s\S]*?(-->|$)/g, "");
  // Links twice: a label may itself hold a link (elastisys' "[Superseded by [ADR-1](x)]").
  for (let i = 0; i < 2; i++) text = text.replace(LINK, "$1").replace(REF_LINK, "$1");
  text = text
    .replace(/`+([^`]*)`+/g, "$1")
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, "$2")
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, "$1$2")
    .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, "$1$2")
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, "$1")
    .replace(/<(https?:[^>\s]+)>/g, "$1")
    .replace(/\\([!-/:-@[-`{-~])/g, "$1");
  return text.replace(/\s+/g, " ").trim();
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;

/** Parses an ATX heading line (`## Title ##`) into depth and raw inline content, or null. */
export function atxHeading(line: string): { depth: number; raw: string } | null {
  if (!line.includes("#")) return null;
  const m = ATX.exec(line);
  if (!m) return null;
  const raw = (m[2] ?? "").replace(/^#+$/, "");
  return { depth: m[1]!.length, raw };
}

/** Strips a list marker (`* `, `- `, `+ `, `1. `) from a line; reports whether there was one. */
export function stripListMarker(line: string): { text: string; bullet: boolean } {
  const m = /^\s*(?:[*+-]|\d{1,9}[.)])\s+(.*)$/.exec(line);
  return m ? { text: m[1]!, bullet: true } : { text: line.trim(), bullet: false };
}

/** Drops HTML comments such as `<!-- optional -->` that templates leave after values. */
export function dropComments(text: string): string {
  return text.replace(/<!--[\s\S]*?(-->|$)/g, "").trim();
}
