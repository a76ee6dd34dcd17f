/**
 * Ids of the diagnostics the parser (src/markdown) reports itself. Lint surfaces them as findings,
 * and `lint.rules` may set their severity like any rule's; listed here for docs and config checks.
 */
export const PARSER_RULES: ReadonlyArray<{ id: string; severity: "error" | "warning"; description: string }> = [
  { id: "front-matter-invalid", severity: "error", description: "Front matter is valid YAML or TOML (reported by the parser)" },
  { id: "file-binary", severity: "error", description: "The file is text, not binary content named `.md` (reported by the parser)" },
  { id: "file-unreadable", severity: "error", description: "The file can be read and parsed (reported by the parser)" },
];

/** Parser diagnostics meaning the file has no usable markdown: only file-level rules run on it. */
export const UNREADABLE_RULE_IDS: readonly string[] = ["file-binary", "file-unreadable"];

export const PARSER_RULE_IDS: readonly string[] = PARSER_RULES.map((rule) => rule.id);
