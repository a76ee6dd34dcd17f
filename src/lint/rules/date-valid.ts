import type { LintRule } from "../types.js";
import { findLine } from "../text.js";

/** True for a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A stated date is a valid ISO date (YYYY-MM-DD). */
export const dateValidRule: LintRule = {
  id: "date-valid",
  severity: "error",
  description: "A stated date is a valid ISO date (`YYYY-MM-DD`, a real calendar day)",
  check(record) {
    const stated = record.dateRaw ?? (record.date !== null && !isIsoDate(record.date) ? record.date : undefined);
    if (stated === undefined) return [];
    const line = findLine(record.text, stated, /date|created/i);
    return [{ line, message: `invalid date "${stated}" (expected YYYY-MM-DD)` }];
  },
};
