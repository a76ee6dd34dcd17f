import type { LintRule } from "../types.js";

/**
 * The file states a status. A warning, not an error: MADR makes status optional and many
 * real repositories omit it, while every file adrgen writes states one.
 */
export const statusPresentRule: LintRule = {
  id: "status-present",
  severity: "warning",
  description: "The ADR states a status (front matter, `Status:` line or bullet, or Status section)",
  check(record) {
    if (record.status !== null && record.status.trim() !== "") return [];
    return [{ line: null, message: "no status stated" }];
  },
};
