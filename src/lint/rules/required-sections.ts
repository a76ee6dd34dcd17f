import type { LintRule } from "../types.js";
import { findSection, layoutFor } from "../sections.js";

/** MADR and Nygard files have the sections their format requires. */
export const requiredSectionsRule: LintRule = {
  id: "required-sections",
  severity: "error",
  description:
    "MADR files have Context and Problem Statement, Considered Options, Decision Outcome (and Consequences from MADR 3); Nygard files have Status, Context, Decision, Consequences",
  check(record) {
    const layout = layoutFor(record.format);
    if (!layout) return [];
    const missing = layout.sections.filter((spec) => spec.requiredIn.includes(record.format) && !findSection(record, spec));
    // A Nygard file may state its status in front matter or a `Status:` line instead of a section.
    const needed = missing.filter((spec) => !(spec.name === "Status" && record.status !== null && record.statusStyle !== "section"));
    return needed.map((spec) => ({ line: null, message: `missing section "${spec.name}" (${layout.family} ${record.format})` }));
  },
};
