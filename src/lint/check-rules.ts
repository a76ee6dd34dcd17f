import type { Severity } from "../domain/adr.js";

/** Rule ids `check` adds to lint's, with their default severities (overridable under `lint.rules`). */
export const CHECK_RULES = {
  "base-number": { severity: "error", description: "An ADR added on this branch uses a number the base branch gave another file" },
  "index-stale": { severity: "error", description: "The ADR index (between adrgen markers) is out of date or malformed" },
  drift: { severity: "warning", description: "An accepted ADR's chosen technology is gone, or a rejected one now runs" },
  "undocumented-change": { severity: "warning", description: "The branch changes the stack (a datastore, broker, framework, …) and no ADR covers it; an error with --require-adr" },
} as const satisfies Record<string, { severity: Severity; description: string }>;

/** Every rule id `lint.rules` may name besides the lint rules themselves: parser findings and check's rules. */
export function extraRuleIds(parserRuleIds: readonly string[]): string[] {
  return [...parserRuleIds, ...Object.keys(CHECK_RULES)];
}
