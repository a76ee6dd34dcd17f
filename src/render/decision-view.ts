// Turns an advisor's Decision into the template's sections: every MADR 4 section filled,
// the same content for the minimal and Nygard layouts. Pure and deterministic.
import type { Decision, DecisionOption } from "../domain/decision.js";
import { DIMENSION_LABELS, type FactSource } from "../domain/dimensions.js";
import { buildMoreInformation } from "./decision-more-info.js";
import { bullets, cell, clauseWith, formatNumber, namesIn, sentenceOf } from "./decision-text.js";
import type { AdrSections, OptionView } from "./view-model.js";

const SOURCE_LABELS: Record<FactSource, string> = { repo: "repository", answer: "answered", assumption: "assumed" };

/** The option a decision chose (the validator guarantees it exists; fall back to the first). */
export function chosenOptionOf(decision: Decision): DecisionOption {
  return decision.options.find((option) => option.id === decision.chosen.optionId) ?? decision.options[0]!;
}

/** `file:line` references as inline code, comma-separated. */
function evidenceRefs(evidence: readonly string[]): string {
  return evidence.map((ref) => `\`${ref}\``).join(", ");
}

/** Context and Problem Statement: the problem, the facts by source (repo facts with evidence), the requirements and the analysis. */
export function buildContext(decision: Decision): string {
  const parts: string[] = [sentenceOf(decision.problemStatement)];
  const bySource = (source: FactSource) => decision.facts.filter((fact) => fact.source === source);
  const repo = bySource("repo");
  if (repo.length > 0) {
    parts.push("What the repository shows:", bullets(repo.map((fact) => (fact.evidence.length > 0 ? sentenceOf(`${fact.statement.trim().replace(/\.$/, "")} (${evidenceRefs(fact.evidence)})`) : sentenceOf(fact.statement)))));
  }
  const answered = bySource("answer");
  if (answered.length > 0) parts.push("What the team answered:", bullets(answered.map((fact) => sentenceOf(fact.statement))));
  const assumed = bySource("assumption");
  // The assumptions are listed once, under More Information; here only how many there are.
  if (assumed.length > 0) {
    parts.push(`${assumed.length === 1 ? "One requirement is" : `${assumed.length} requirements are`} assumed because nobody answered; see Assumptions under More Information.`);
  }
  if (decision.dimensions.length > 0) {
    const rows = decision.dimensions.map((status) => `| ${cell(DIMENSION_LABELS[status.dimension])} | ${SOURCE_LABELS[status.source]} | ${cell(sentenceOf(status.summary))} |`);
    parts.push(["| Requirement | Source | Where it stands |", "| --- | --- | --- |", ...rows].join("\n"));
  }
  const { analysis } = decision;
  parts.push(
    bullets([
      `Domain and use case: ${sentenceOf(analysis.domain)}`,
      `Data access patterns: ${sentenceOf(analysis.dataAccessPatterns)}`,
      `Traffic shape: ${sentenceOf(analysis.trafficShape)}`,
      `Timeline and maintenance: ${sentenceOf(analysis.timelineAndMaintenance)}`,
    ]),
  );
  return parts.join("\n\n");
}

/** Decision Drivers: each driver with its dimension and weight. */
export function buildDrivers(decision: Decision): string[] {
  return decision.drivers.map((driver) => {
    const weight = driver.weight === undefined ? "" : `, weight ${formatNumber(driver.weight)}`;
    return `${driver.statement.trim().replace(/\s+/g, " ").replace(/\.$/, "")} (${driver.dimension}${weight})`;
  });
}

function optionView(option: DecisionOption, clause: (text: string) => string): OptionView {
  return {
    title: option.name,
    description: sentenceOf(option.description),
    good: option.good.map(clause).map(sentenceOf),
    neutral: option.neutral.map(clause).map(sentenceOf),
    bad: option.bad.map(clause).map(sentenceOf),
    details: [`Technical debt: ${sentenceOf(option.technicalDebt)}`, `Migration path: ${sentenceOf(option.migrationPath)}`].join("\n\n"),
  };
}

/** Nygard's Decision body: the choice, the options weighed and how to implement it. */
function buildNygardDecision(decision: Decision, clause: (text: string) => string): string {
  const chosen = chosenOptionOf(decision);
  return [
    `We will use ${chosen.name}, because ${sentenceOf(clause(decision.chosen.because))}`,
    `Options considered: ${decision.options.map((option) => option.name).join(", ")}.`,
    "Implementation guidelines:",
    bullets(decision.guidelines.map(sentenceOf)),
    "We will confirm the decision by:",
    bullets(decision.confirmation.map(sentenceOf)),
  ].join("\n\n");
}

/** Every section of the ADR, filled from the decision. */
export function decisionSections(decision: Decision): AdrSections {
  // Names of the options keep their capital letter when a sentence becomes a "because" clause.
  const clause = clauseWith(namesIn(decision.options.map((option) => option.name)));
  return {
    context: buildContext(decision),
    decisionDrivers: buildDrivers(decision),
    consideredOptions: decision.options.map((option) => optionView(option, clause)),
    chosenOption: chosenOptionOf(decision).name,
    justification: clause(decision.chosen.because),
    decision: buildNygardDecision(decision, clause),
    consequences: { good: decision.consequences.good.map(clause).map(sentenceOf), bad: decision.consequences.bad.map(clause).map(sentenceOf) },
    confirmation: bullets(decision.confirmation.map(sentenceOf)),
    moreInformation: buildMoreInformation(decision, clause),
  };
}
