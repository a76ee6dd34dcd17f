import type { LintRule } from "../types.js";
import { matchesOption } from "../option-match.js";
import { findLine } from "../text.js";

/** `Chosen option: "…"` names one of the Considered Options. */
export const chosenOptionRule: LintRule = {
  id: "chosen-option",
  severity: "error",
  description: "`Chosen option: \"…\"` names one of the Considered Options",
  check(record) {
    if (record.chosenOption === null || record.consideredOptions.length === 0) return [];
    if (matchesOption(record.chosenOption, record.consideredOptions)) return [];
    const options = record.consideredOptions.map((option) => `"${option}"`).join(", ");
    return [
      {
        line: findLine(record.text, record.chosenOption, /chosen/i),
        message: `chosen option "${record.chosenOption}" is not one of the considered options: ${options}`,
      },
    ];
  },
};
