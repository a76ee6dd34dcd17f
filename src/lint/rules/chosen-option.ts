import type { LintRule } from "../types.js";
import { findLine, normalizeText } from "../text.js";

/** True when `long` equals `short` or continues it after a word boundary ("Redis" ~ "Redis (managed)"). */
function extends_(long: string, short: string): boolean {
  return long === short || (short.length > 0 && long.startsWith(short) && !/[\p{L}\p{N}]/u.test(long[short.length]!));
}

/** True when the chosen option names one of the considered options, allowing a shortened title. */
export function matchesOption(chosen: string, options: readonly string[]): boolean {
  const wanted = normalizeText(chosen);
  return options.some((option) => {
    const candidate = normalizeText(option);
    return extends_(candidate, wanted) || extends_(wanted, candidate);
  });
}

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
