/**
 * Helpers that read raw markdown text for rules which need more than the parsed record
 * (links, placeholders, lines of values). They work on the text with code and comments
 * blanked out, so examples inside code never count, and line numbers stay those of the file.
 */

/** Replaces every character except newlines with a space. */
function blank(text: string): string {
  return text.replace(/[^\n]/g, " ");
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Blanks fenced code blocks, HTML comments and inline code spans, keeping line numbers. */
export function maskNonProse(text: string): string {
  const lines = text.split("\n");
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const match = FENCE.exec(line);
    if (fence === null && match) {
      fence = match[1]!;
      lines[i] = blank(line);
    } else if (fence !== null) {
      const closes = match !== null && match[1]![0] === fence[0] && match[1]!.length >= fence.length && line.trim() === match[1];
      lines[i] = blank(line);
      if (closes) fence = null;
    }
  }
  return lines
    .join("\n")
    .replace(/<!--[\s\S]*?(?:-->|$)/g, blank)
    .replace(/(`+)(?:(?!\1)[^\n])+?\1/g, blank);
}

/** 1-based line number of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The first 1-based line containing `needle` (preferring lines that also match `prefer`), or null. */
export function findLine(text: string, needle: string, prefer?: RegExp): number | null {
  if (needle === "") return null;
  const lines = text.split("\n");
  let first: number | null = null;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.includes(needle)) continue;
    if (!prefer || prefer.test(lines[i]!)) return i + 1;
    first ??= i + 1;
  }
  return first;
}

/** The first line after YAML front matter (1 when there is none): where an H1 belongs. */
export function firstBodyLine(text: string): number {
  const lines = text.split("\n");
  if (lines[0]?.trim() !== "---") return 1;
  const end = lines.findIndex((line, i) => i > 0 && (line.trim() === "---" || line.trim() === "..."));
  return end === -1 ? 1 : Math.min(end + 2, lines.length);
}

/** A link found in prose, with its target as written. */
export interface TextLink {
  target: string;
  line: number;
}

// `[text](target "title")`, allowing one level of brackets inside the text; images too.
const INLINE_LINK = /\[(?:[^[\]\n]|\[[^\]\n]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?/gm;

/** Every inline link and reference definition in the prose of a markdown text. */
export function findLinks(text: string): TextLink[] {
  const prose = maskNonProse(text);
  const links: TextLink[] = [];
  for (const pattern of [INLINE_LINK, REFERENCE_DEFINITION]) {
    for (const match of prose.matchAll(pattern)) {
      links.push({ target: match[1]!, line: lineAt(prose, match.index + match[0].indexOf(match[1]!)) });
    }
  }
  return links.sort((a, b) => a.line - b.line);
}

/** The path part of a relative link to a markdown file, or null for URLs, anchors and other files. */
export function relativeMarkdownTarget(target: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("#") || target.startsWith("/") || target.startsWith("//")) return null;
  let pathPart = target.replace(/[?#].*$/, "");
  try {
    pathPart = decodeURI(pathPart);
  } catch {
    // A malformed escape: check the path as written.
  }
  return /\.md$/i.test(pathPart) ? pathPart : null;
}

/** Lower-cases, strips markdown decoration and HTML comments, and collapses whitespace. */
export function normalizeText(text: string): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*`]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\s.:;,]+$/, "")
    .toLowerCase();
}
