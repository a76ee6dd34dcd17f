import path from "node:path";
import type { LintRule } from "../types.js";

/** Two files in the same ADR directory must not share a number. */
export const duplicateNumberRule: LintRule = {
  id: "duplicate-number",
  severity: "error",
  description: "No two ADRs in the same directory share a number",
  check(record, ctx) {
    if (record.number === null) return [];
    const dir = path.dirname(record.path);
    const sharing = ctx.records.filter((other) => other.number === record.number && path.dirname(other.path) === dir);
    const files = [...new Set(sharing.map((other) => path.basename(other.path)))].sort();
    if (files.length < 2) return [];
    return [{ line: record.titleLine ?? 1, message: `ADR number ${record.number} is used by ${files.length} files: ${files.join(", ")}` }];
  },
};
