import type { LintRule } from "../types.js";
import { lineAt, maskNonProse } from "../text.js";

// `{title}`, `{describe …}`, `{YYYY-MM-DD …}`: braces around text with at least one letter.
const PLACEHOLDER = /\{([^{}\n]*\p{L}[^{}\n]*)\}/gu;

/** Template placeholders left in the text (outside code and HTML comments). */
export function findPlaceholders(text: string): Array<{ placeholder: string; line: number }> {
  const prose = maskNonProse(text);
  return [...prose.matchAll(PLACEHOLDER)].map((match) => ({ placeholder: match[0], line: lineAt(prose, match.index) }));
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
