// How `adrgen check` prints its findings: lines for people, workflow commands for GitHub Actions, JSON.
import type { CheckFinding, CheckReport } from "./check.js";

/** Escapes the message of a workflow command (GitHub Actions: `%`, CR and LF). */
export function escapeAnnotationData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a property value of a workflow command: the data escapes plus `:` and `,`. */
export function escapeAnnotationProperty(text: string): string {
  return escapeAnnotationData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** One finding as a GitHub Actions annotation: `::error file=…,line=…,title=…::message`. */
export function githubAnnotation(finding: CheckFinding): string {
  const properties = [`file=${escapeAnnotationProperty(finding.file)}`];
  if (finding.line !== null) properties.push(`line=${finding.line}`);
  properties.push(`title=${escapeAnnotationProperty(`adrgen ${finding.rule}`)}`);
  return `::${finding.severity} ${properties.join(",")}::${escapeAnnotationData(finding.message)}`;
}

/** The `--json` document: counts and findings (files relative to the repository root). */
export function checkJson(report: CheckReport): Pick<CheckReport, "files" | "errors" | "warnings" | "findings"> {
  const { files, errors, warnings, findings } = report;
  return { files, errors, warnings, findings };
}

/** Whether the report fails the run: errors always, warnings with --strict. */
export function checkFails(report: CheckReport, strict: boolean): boolean {
  return report.errors > 0 || (strict && report.warnings > 0);
}
