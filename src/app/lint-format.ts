import type { Colors } from "../io/output.js";
import type { LintFinding, LintReport } from "./lint.js";

/** One finding as `file:line severity rule message` (`file` alone when the finding has no line). */
export function formatFinding(finding: LintFinding, c: Colors): string {
  const where = finding.line === null ? finding.file : `${finding.file}:${finding.line}`;
  const severity = finding.severity === "error" ? c.red("error") : c.yellow("warning");
  return `${where} ${severity} ${c.dim(finding.rule)} ${finding.message}`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** The summary line: `3 errors, 1 warning in 42 files`. */
export function formatSummary(report: LintReport): string {
  return `${plural(report.errors, "error")}, ${plural(report.warnings, "warning")} in ${plural(report.files, "file")}`;
}

/** The `--json` document: counts and findings, nothing else. */
export function lintJson(report: LintReport): Pick<LintReport, "files" | "errors" | "warnings" | "findings"> {
  const { files, errors, warnings, findings } = report;
  return { files, errors, warnings, findings };
}
