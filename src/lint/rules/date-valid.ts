import { isIsoDate } from "../../domain/dates.js";
import type { LintRule } from "../types.js";
import { findLine } from "../text.js";

export { isIsoDate };

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
