// Drift: an accepted ADR whose chosen technology is gone from the repository, or whose
// rejected option now runs in it (the ADR chose RabbitMQ, compose now runs Kafka).
import type { Workspace } from "../config/workspace.js";
import type { AdrRecord } from "../domain/adr.js";
import { parseMachineBlock } from "../render/machine-block.js";
import { CONTEXT_CATEGORIES, type Evidence, type RepoContext } from "../scan/types.js";
import { technologiesNamed } from "./drift-match.js";

/** One way an ADR and the repository disagree. */
export interface DriftFinding {
  /** The ADR, relative to the repository root. */
  file: string;
  /** 1-based line of the chosen option in the ADR, or of its title. */
  line: number | null;
  number: number | null;
  kind: "chosen-missing" | "rejected-present";
  /** The option concerned, as the ADR names it. */
  option: string;
  /** Vocabulary names of that option that are missing (chosen) or present (rejected). */
  technologies: string[];
  /** `file:line` references: where the rejected technology runs now, or where the chosen one was when the ADR was written. */
  evidence: string[];
  message: string;
}

const MAX_EVIDENCE = 3;

function ref(evidence: Evidence): string {
  return evidence.line !== undefined ? `${evidence.file}:${evidence.line}` : evidence.file;
}

/** Every technology the scan found, with its evidence references. */
export function foundTechnologies(context: RepoContext): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const category of CONTEXT_CATEGORIES) {
    for (const item of context[category]) found.set(item.name, [...(found.get(item.name) ?? []), ...item.evidence.map(ref)]);
  }
  return found;
}

/** The chosen option: MADR's `Chosen option: "…"`, or the Nygard template's `We will use …, because`. */
export function chosenOptionOf(record: AdrRecord): string | null {
  if (record.chosenOption) return record.chosenOption;
  const decision = record.sections.find((s) => /^decision$/i.test(s.heading.trim()));
  const m = decision ? /^\s*We will (?:use|adopt|choose|go with) (.+?)(?:, because\b|\.\s|\.$|$)/im.exec(decision.body) : null;
  return m ? m[1]!.trim() : null;
}

function lineOf(record: AdrRecord, needle: string): number | null {
  const lines = record.text.split(/\r?\n/);
  const at = lines.findIndex((line) => line.includes(needle) && /chosen|we will/i.test(line));
  return at >= 0 ? at + 1 : record.titleLine;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Drift of one ADR against the technologies found now. Only accepted ADRs whose chosen option names a technology are judged. */
export function driftOfRecord(record: AdrRecord, found: Map<string, string[]>): DriftFinding[] {
  if (record.status !== "accepted") return [];
  const chosen = chosenOptionOf(record);
  if (!chosen) return [];
  const chosenTech = technologiesNamed(chosen);
  if (chosenTech.length === 0) return [];
  const block = parseMachineBlock(record.text);
  // What ran when adrgen wrote the ADR was weighed by the decision; only what appeared since is drift.
  const known = new Map((block?.context ?? []).map((item) => [item.name, item.evidence]));
  const base = { file: record.relPath, line: lineOf(record, chosen), number: record.number };
  const findings: DriftFinding[] = [];
  if (!chosenTech.some((name) => found.has(name))) {
    const evidence = chosenTech.flatMap((name) => known.get(name) ?? []).slice(0, MAX_EVIDENCE);
    const was = evidence.length > 0 ? ` (when the ADR was written: ${evidence.join(", ")})` : "";
    findings.push({
      ...base,
      kind: "chosen-missing",
      option: chosen,
      technologies: chosenTech,
      evidence,
      message: `chosen option "${chosen}" is no longer found in the repository: no ${chosenTech.join(", ")}${was}`,
    });
  }
  for (const option of record.consideredOptions) {
    if (same(option, chosen)) continue;
    const present = technologiesNamed(option).filter((name) => !chosenTech.includes(name) && found.has(name) && !known.has(name));
    if (present.length === 0) continue;
    const evidence = present.flatMap((name) => found.get(name)!).slice(0, MAX_EVIDENCE);
    findings.push({
      ...base,
      kind: "rejected-present",
      option,
      technologies: present,
      evidence,
      message: `rejected option "${option}" is now in the repository: ${present.join(", ")} (${evidence.join(", ")}); the ADR chose "${chosen}"`,
    });
  }
  return findings;
}

/** Drift of every ADR given, against one scan of the repository. */
export function detectDrift(records: readonly AdrRecord[], context: RepoContext): DriftFinding[] {
  const found = foundTechnologies(context);
  return records.flatMap((record) => driftOfRecord(record, found));
}

/** Whether any ADR could show drift, so a repository without accepted decisions is not scanned for nothing. */
export function mayDrift(records: readonly AdrRecord[]): boolean {
  return records.some((record) => record.status === "accepted" && chosenOptionOf(record) !== null);
}

/** Reads every ADR of the workspace, scans the repository once and reports drift. */
export async function findDrift(workspace: Workspace, given: { records?: AdrRecord[]; context?: RepoContext } = {}): Promise<DriftFinding[]> {
  const records = given.records ?? (await (await import("../store/read.js")).readRecords(workspace));
  if (!mayDrift(records)) return [];
  const context = given.context ?? (await (await import("../scan/scan.js")).scanRepository(workspace.root, { workspace, includeDecisions: false }));
  return detectDrift(records, context);
}
