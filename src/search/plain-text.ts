// Markdown to plain text, line for line: line N of the result is line N of the file, so a
// search hit can name the file line it matched. No Node imports (the site bundles this).

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const THEMATIC_OR_SETEXT = /^ {0,3}(?:([-*_=])[ \t]*(?:\1[ \t]*){2,}|=+|-+)[ \t]*$/;
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;
const INLINE_MARKUP = /[[\]`*_~<>\\|!#]/;
const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:\s*\S+/;

/** Plain text of one markdown line outside code: markers, links, emphasis and HTML removed. */
export function plainLine(line: string): string {
  // Most lines are prose: without markup characters only list and heading markers need removing.
  if (!INLINE_MARKUP.test(line)) {
    const bare = line.replace(/^\s*(?:[*+-]|\d{1,9}[.)]|#{1,6})(?:\s+|$)/, "");
    return /^[-=\s]*$/.test(bare) ? "" : bare.replace(/\s+/g, " ").trim();
  }
  if (THEMATIC_OR_SETEXT.test(line) || LINK_DEFINITION.test(line)) return "";
  if (line.includes("|") && TABLE_DELIMITER.test(line) && line.includes("-")) return "";
  let text = line.replace(/^\s*(?:>\s?)+/, "");
  const heading = /^\s{0,3}#{1,6}(?:\s+|$)/.exec(text);
  text = heading
    ? text.slice(heading[0].length).replace(/\s+#+\s*$/, "")
    : text.replace(/^\s*(?:[*+-]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/, "");
  text = text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, "$1")
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, "$1")
    .replace(/<\/?[A-Za-z][^>]*>/g, " ")
    .replace(/`+/g, "")
    .replace(/(\*\*|__|~~)(?=\S)(.*?\S)\1/g, "$2")
    .replace(/(^|[^\p{L}\p{N}*])\*(?=\S)(.*?\S)\*(?![\p{L}\p{N}])/gu, "$1$2")
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)(.*?\S)_(?![\p{L}\p{N}])/gu, "$1$2")
    .replace(/\\([!-/:-@[-`{-~])/g, "$1")
    .replace(/\s*\|\s*/g, " ");
  return text.replace(/\s+/g, " ").trim();
}

/**
 * The plain text of an ADR file with the same number of lines: front matter, fences, comments and
 * link definitions become blank lines; code stays as written (configuration is worth finding).
 */
export function markdownToPlainLines(markdown: string): string[] {
  const source = markdown.charCodeAt(0) === 0xfeff ? markdown.slice(1) : markdown;
  const lines = source.split(/\r\n|\r|\n/);
  const out: string[] = new Array<string>(lines.length).fill("");
  let i = 0;
  const open = lines[0]?.trimEnd();
  if (open === "---" || open === "+++") {
    const close = lines.findIndex((line, n) => n > 0 && line.trimEnd() === open);
    if (close > 0) i = close + 1;
  }
  let fence: string | null = null;
  let inComment = false;
  for (; i < lines.length; i++) {
    let line = lines[i]!;
    if (fence) {
      if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, "") === "") fence = null;
      else out[i] = line.trim();
      continue;
    }
    const opening = FENCE.exec(line);
    if (opening && !inComment) {
      fence = opening[1]!;
      continue;
    }
    // HTML comments may span lines (MADR templates use them for hints).
    let kept = "";
    while (line !== "") {
      if (inComment) {
        const end = line.indexOf("-->");
        if (end < 0) break;
        inComment = false;
        line = line.slice(end + 3);
        continue;
      }
      const start = line.indexOf("<!--");
      if (start < 0) {
        kept += line;
        break;
      }
      kept += `${line.slice(0, start)} `;
      inComment = true;
      line = line.slice(start + 4);
    }
    out[i] = plainLine(kept);
  }
  return out;
}
