import type { AdrgenConfig } from "../config/schema.js";
import type { AdrRecord, Diagnostic, Severity } from "../domain/adr.js";
import { FILE_LEVEL_RULES, LINT_RULES } from "./registry.js";
import { UNREADABLE_RULE_IDS } from "./parser-rules.js";
import type { LintContext, LintRule, RuleSetting } from "./types.js";

/** Rule id for a rule that threw: a bug in adrgen, reported instead of aborting the whole run. */
export const RULE_FAILURE_ID = "lint-internal";

/** The configured setting of a rule id, or its default severity. */
export function effectiveSetting(config: AdrgenConfig, ruleId: string, fallback: Severity): RuleSetting {
  return config.lint?.rules?.[ruleId] ?? fallback;
}

/** Rule ids named in `lint.rules` that neither a rule nor the parser defines. */
export function unknownConfiguredRules(config: AdrgenConfig, parserRuleIds: Iterable<string> = []): string[] {
  const known = new Set([...LINT_RULES.map((rule) => rule.id), ...parserRuleIds]);
  return Object.keys(config.lint?.rules ?? {}).filter((id) => !known.has(id));
}


/** Runs one rule on one record with the configured severity; a throwing rule becomes a finding. */
export function runRule(rule: LintRule, record: AdrRecord, ctx: LintContext): Diagnostic[] {
  const setting = effectiveSetting(ctx.config, rule.id, rule.severity);
  if (setting === "off") return [];
  try {
    return rule.check(record, ctx).map((finding) => ({ file: record.relPath, line: finding.line, rule: rule.id, severity: setting, message: finding.message }));
  } catch (error) {
    const message = `rule ${rule.id} failed on this file (an adrgen bug, please report it): ${error instanceof Error ? error.message : String(error)}`;
    return [{ file: record.relPath, line: null, rule: RULE_FAILURE_ID, severity: "error", message }];
  }
}

/**
 * Parser diagnostics that a lint rule reports itself (with its own id, line and config key):
 * dropped so a file with an invalid date gets one finding, not two.
 */
export const PARSER_RULES_COVERED: Readonly<Record<string, string>> = {
  "title-missing": "title-h1",
  "status-unknown": "status-known",
  "date-invalid": "date-valid",
};

/** The parser's own diagnostics for a record (corrupt front matter, binary file, …), with config overrides applied. */
export function parserFindings(record: AdrRecord, config: AdrgenConfig): Diagnostic[] {
  return record.diagnostics.flatMap((diagnostic) => {
    if (PARSER_RULES_COVERED[diagnostic.rule] !== undefined) return [];
    const setting = effectiveSetting(config, diagnostic.rule, diagnostic.severity);
    return setting === "off" ? [] : [{ ...diagnostic, file: record.relPath, severity: setting }];
  });
}

/** Lints the given records against every rule; `ctx.records` supplies the rest of the workspace. */
export function lintRecords(targets: readonly AdrRecord[], ctx: LintContext, rules: readonly LintRule[] = LINT_RULES): Diagnostic[] {
  const findings: Diagnostic[] = [];
  for (const record of targets) {
    findings.push(...parserFindings(record, ctx.config));
    const unreadable = record.diagnostics.some((d) => UNREADABLE_RULE_IDS.includes(d.rule));
    for (const rule of rules) {
      // Content rules on a binary file would only repeat "this is not an ADR" in many ways.
      if (unreadable && !FILE_LEVEL_RULES.has(rule.id)) continue;
      findings.push(...runRule(rule, record, ctx));
    }
  }
  return sortDiagnostics(findings);
}

/** Orders findings by file, then line (file-level first), then rule. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => compare(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || compare(a.rule, b.rule));
}

// Code-unit order, not locale order, so output is the same on every machine.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
