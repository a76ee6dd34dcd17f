// How `adrgen suggest` prints its report: lines for people, one JSON document for tools.
import type { Colors } from "../io/output.js";
import type { SuggestReport, Suggestion } from "./suggest.js";

function where(change: Suggestion): string {
  return change.line !== null ? `${change.file}:${change.line}` : change.file;
}

/** The report as lines for a terminal: each change, its evidence, its coverage or the ADR to write. */
export function formatSuggestions(report: SuggestReport, c: Colors): string[] {
  const lines: string[] = [];
  for (const change of report.changes) {
    const mark = change.covered ? c.green("covered") : c.yellow("no ADR");
    lines.push(`${mark}  ${change.summary}  ${c.dim(`(${where(change)})`)}`);
    const shown = change.evidence.slice(0, 3).map((e) => `${e.line !== undefined ? `${e.file}:${e.line}` : e.file}${e.detail ? ` ${e.detail}` : ""}`);
    if (shown.length > 0) lines.push(c.dim(`         evidence: ${shown.join("; ")}`));
    if (change.covered) for (const adr of change.coveredBy) lines.push(`         by ${adr.file}${adr.title ? ` — ${adr.title}` : ""}`);
    else if (change.proposal) lines.push(`         write it: ${change.proposal.command}`);
  }
  return lines;
}

/** The one-line summary printed on stderr. */
export function suggestSummary(report: SuggestReport): string {
  const uncovered = report.changes.filter((change) => !change.covered).length;
  if (report.changes.length === 0) return `No significant stack change between ${report.base} and ${report.head}.`;
  const noun = report.changes.length === 1 ? "change" : "changes";
  return `${report.changes.length} significant ${noun} between ${report.base} and ${report.head}, ${uncovered} without an ADR.`;
}

/** The `--json` document. */
export function suggestJson(report: SuggestReport): SuggestReport {
  return report;
}
