import type { LintRule } from "../types.js";
import { findSection, layoutFor } from "../sections.js";

/** The sections a format knows appear in the format's order. */
export const sectionOrderRule: LintRule = {
  id: "section-order",
  severity: "warning",
  description: "Known sections (required and optional) appear in the order of the file's format",
  check(record) {
    const layout = layoutFor(record.format);
    if (!layout || layout.unorderedIn.includes(record.format)) return [];
    const present = layout.sections.flatMap((spec) => {
      const section = findSection(record, spec);
      return section ? [{ spec, section }] : [];
    });
    const findings = [];
    let latest = present[0];
    for (const entry of present.slice(1)) {
      if (latest && entry.section.line < latest.section.line) {
        findings.push({ line: entry.section.line, message: `section "${entry.section.heading}" should come after "${latest.section.heading}"` });
      } else latest = entry;
    }
    return findings;
  },
};
