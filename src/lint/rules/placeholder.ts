import type { LintRule } from "../types.js";
import { lineAt, maskNonProse } from "../text.js";

const BRACED = /\{([^{}\n]*)\}/g;

/**
 * True for text a template puts in braces: a phrase (`{describe the context …}`, `{YYYY-MM-DD when …}`)
 * or one plain word (`{title}`, `{TITLE}`). Code-like braces are not: JSON (`{"a": 1}`), identifiers
 * (`{BrokerName}`, `{type.Name}`), expressions (`{k+1}`) and lists (`{a,b}`) outside backticks.
 */
export function isPlaceholderText(content: string): boolean {
  const text = content.trim();
  if (!/\p{L}/u.test(text) || /["=$<>]/.test(text)) return false;
  if (/\s/.test(text)) return /^[\p{L}\u2026]/u.test(text);
  return /^[A-Za-z][a-z0-9_]*$/.test(text) || /^[A-Z][A-Z0-9_]*$/.test(text);
}

/** Template placeholders left in the text (outside code and HTML comments), once per line. */
export function findPlaceholders(text: string): Array<{ placeholder: string; line: number }> {
  const prose = maskNonProse(text);
  const seen = new Set<string>();
  const found: Array<{ placeholder: string; line: number }> = [];
  for (const match of prose.matchAll(BRACED)) {
    if (!isPlaceholderText(match[1]!)) continue;
    const line = lineAt(prose, match.index);
    if (seen.has(`${line}:${match[0]}`)) continue;
    seen.add(`${line}:${match[0]}`);
    found.push({ placeholder: match[0], line });
  }
  return found;
}

/** No unfilled template placeholders such as `{title}` or `{describe the context}`. */
export const placeholderRule: LintRule = {
  id: "placeholder",
  severity: "warning",
  description: "No unfilled template placeholders such as `{title}` or `{describe …}` outside code",
  check(record) {
    return findPlaceholders(record.text).map(({ placeholder, line }) => {
      const shown = placeholder.length > 60 ? `${placeholder.slice(0, 57)}…}` : placeholder;
      return { line, message: `unfilled placeholder ${shown}` };
    });
  },
};
