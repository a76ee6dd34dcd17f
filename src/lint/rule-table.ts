import { LINT_RULES } from "./registry.js";
import { PARSER_RULES } from "./parser-rules.js";

/** The README's rule table in markdown, generated from the rule registry so docs cannot drift. */
export function lintRuleTable(): string {
  const rows = [...LINT_RULES, ...PARSER_RULES].map((rule) => `| \`${rule.id}\` | ${rule.severity} | ${rule.description.replace(/\|/g, "\\|")} |`);
  return ["| Rule | Default | Checks |", "| --- | --- | --- |", ...rows].join("\n");
}
