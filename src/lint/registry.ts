import { chosenOptionRule } from "./rules/chosen-option.js";
import { dateValidRule } from "./rules/date-valid.js";
import { duplicateNumberRule } from "./rules/duplicate-number.js";
import { fileNameRule } from "./rules/file-name.js";
import { linkTargetRule } from "./rules/link-target.js";
import { placeholderRule } from "./rules/placeholder.js";
import { requiredSectionsRule } from "./rules/required-sections.js";
import { sectionOrderRule } from "./rules/section-order.js";
import { statusKnownRule } from "./rules/status-known.js";
import { statusPresentRule } from "./rules/status-present.js";
import { titleH1Rule } from "./rules/title-h1.js";
import type { LintRule } from "./types.js";

/** Every lint rule, in the order the README table lists them. Add a rule here and it runs everywhere. */
export const LINT_RULES: readonly LintRule[] = [
  fileNameRule,
  duplicateNumberRule,
  titleH1Rule,
  requiredSectionsRule,
  sectionOrderRule,
  statusKnownRule,
  statusPresentRule,
  dateValidRule,
  chosenOptionRule,
  linkTargetRule,
  placeholderRule,
];

/** Rules that judge only the file's name and number, so they still apply to unreadable files. */
export const FILE_LEVEL_RULES: ReadonlySet<string> = new Set([fileNameRule.id, duplicateNumberRule.id]);

/** The rule with this id, if there is one. */
export function findRule(id: string): LintRule | undefined {
  return LINT_RULES.find((rule) => rule.id === id);
}
