import type { LintRule } from "../types.js";
import { firstBodyLine } from "../text.js";

/** Every ADR has a level-1 heading: its title. */
export const titleH1Rule: LintRule = {
  id: "title-h1",
  severity: "error",
  description: "The ADR has an H1 title (`# Title`)",
  check(record) {
    if (record.titleLine !== null && record.title !== null && record.title.trim() !== "") return [];
    const line = record.titleLine ?? firstBodyLine(record.text);
    const message = record.titleLine === null ? "no H1 title (a line starting with \"# \")" : "the H1 title is empty";
    return [{ line, message }];
  },
};
