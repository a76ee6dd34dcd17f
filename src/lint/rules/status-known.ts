import { KNOWN_STATUSES } from "../../domain/adr.js";
import type { LintRule } from "../types.js";

const KNOWN: readonly string[] = KNOWN_STATUSES;

/** True when a stated status is one adrgen knows; "superseded by …" style suffixes are allowed. */
export function isKnownStatus(status: string): boolean {
  const normalized = status.trim().toLowerCase();
  if (KNOWN.includes(normalized)) return true;
  // adr-tools and MADR 2 write "Superseded by [3. …](…)" as the status itself.
  const firstWord = /^[a-z]+/.exec(normalized)?.[0] ?? "";
  return KNOWN.includes(firstWord) && /^[a-z]+(?:\s+by\b|\s*[([:,-])/.test(normalized);
}

/** A stated status is one of proposed, accepted, rejected, deprecated, superseded. */
export const statusKnownRule: LintRule = {
  id: "status-known",
  severity: "warning",
  description: `Status is one of ${KNOWN_STATUSES.join(", ")}`,
  check(record) {
    if (record.status === null || isKnownStatus(record.status)) return [];
    return [{ line: record.statusLine, message: `unknown status "${record.status}" (known: ${KNOWN_STATUSES.join(", ")})` }];
  },
};
