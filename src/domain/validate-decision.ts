import type { RepoContext } from "../scan/types.js";
import type { Decision } from "./decision.js";
import { DIMENSIONS } from "./dimensions.js";

/** Every evidence reference the scan can prove: `file` and `file:line` of items, services, packages and ADRs. */
function knownReferences(context: RepoContext): Set<string> {
  const refs = new Set<string>();
  const add = (file: string, line?: number) => {
    refs.add(file);
    if (line !== undefined) refs.add(`${file}:${line}`);
  };
  const categories = [context.languages, context.frameworks, context.datastores, context.caches, context.messaging, context.apiStyles, context.auth, context.infra, context.ci];
  for (const items of [...categories, context.services, context.packages]) {
    for (const item of items) for (const e of item.evidence) add(e.file, e.line);
  }
  for (const decision of context.existingDecisions) add(decision.file);
  return refs;
}

/**
 * The advisor's QA checklist (DESIGN.md §2, issue 5 §1) over a decision from either engine.
 * Returns one sentence per problem; an empty list means the decision passes. Pure.
 */
export function validateDecision(decision: Decision, context?: RepoContext): string[] {
  const problems: string[] = [];
  const optionIds = new Set(decision.options.map((o) => o.id));
  if (decision.options.length < 2) problems.push("At least two options must be considered.");
  if (optionIds.size !== decision.options.length) problems.push("Option ids must be unique.");
  if (!optionIds.has(decision.chosen.optionId)) problems.push(`The chosen option "${decision.chosen.optionId}" is not one of the considered options.`);

  for (const option of decision.options) {
    if (option.good.length === 0) problems.push(`Option "${option.name}" has no pros (good points).`);
    if (option.bad.length === 0) problems.push(`Option "${option.name}" has no cons (bad points).`);
  }

  for (const dimension of DIMENSIONS) {
    const status = decision.dimensions.find((d) => d.dimension === dimension);
    if (!status) problems.push(`Dimension "${dimension}" is neither known, answered nor assumed.`);
    else if (!status.summary.trim()) problems.push(`Dimension "${dimension}" has no summary.`);
  }

  const addressed = new Set(decision.chosen.driversAddressed);
  for (const driver of decision.drivers) {
    if (!addressed.has(driver.id)) problems.push(`Decision driver "${driver.id}" is not addressed by the outcome.`);
  }
  const driverIds = new Set(decision.drivers.map((d) => d.id));
  for (const id of addressed) if (!driverIds.has(id)) problems.push(`The outcome addresses "${id}", which is not a decision driver.`);

  for (const alternative of decision.alternatives) {
    if (!optionIds.has(alternative.optionId)) problems.push(`Alternative "${alternative.optionId}" is not one of the considered options.`);
  }

  const blank = (items: string[]) => items.every((s) => !s.trim());
  if (blank(decision.edgeCases)) problems.push("No edge cases are named.");
  if (blank(decision.security)) problems.push("Security is not addressed.");
  if (blank(decision.operations)) problems.push("Operations and maintenance are not addressed.");
  if (!decision.teamFit.trim()) problems.push("Team fit is not addressed.");
  if (decision.facts.some((f) => f.source === "assumption") && decision.assumptions.length === 0) problems.push("Assumed facts are not listed as assumptions.");

  const known = context ? knownReferences(context) : null;
  for (const fact of decision.facts) {
    if (fact.source !== "repo") continue;
    if (fact.evidence.length === 0) {
      problems.push(`Repository fact without evidence: "${fact.statement}"`);
      continue;
    }
    if (!known) continue;
    for (const ref of fact.evidence) {
      if (!known.has(ref)) problems.push(`Evidence "${ref}" for "${fact.statement}" does not exist in the scan.`);
    }
  }
  return problems;
}
