// The More Information section of a generated ADR: the decision matrix, how to implement
// it, risks, the alternatives that win elsewhere, the advisor's QA checks, assumptions,
// confidence and when to revisit.
import type { Decision } from "../domain/decision.js";
import { bullets, cell, formatNumber, numbered, sentenceOf } from "./decision-text.js";

const CONFIDENCE_LABELS = { high: "High", medium: "Medium", low: "Low" } as const;

/** A short label for a driver in the matrix: its statement up to the first colon or dash when short, else its id. */
export function driverLabel(driver: Decision["drivers"][number]): string {
  const head = driver.statement.split(/:\s| \u2014 | \u2013 /)[0]!.trim().replace(/\.$/, "");
  return head.length > 0 && head.length <= 60 ? head : driver.id;
}

/** Options × drivers with weights, per-driver scores (1–5) and the weighted score; the chosen option is marked. */
export function buildMatrix(decision: Decision): string {
  const header = decision.options.map((option) => cell(option.id === decision.chosen.optionId ? `${option.name} (chosen)` : option.name));
  const lines = [`| Driver | Weight | ${header.join(" | ")} |`, `| --- | ---: | ${header.map(() => "---:").join(" | ")} |`];
  for (const driver of decision.drivers) {
    const scores = decision.options.map((option) => {
      const score = option.driverScores[driver.id];
      return score === undefined ? "–" : formatNumber(score);
    });
    lines.push(`| ${cell(driverLabel(driver))} | ${driver.weight === undefined ? "–" : formatNumber(driver.weight)} | ${scores.join(" | ")} |`);
  }
  if (decision.options.some((option) => option.score !== undefined)) {
    const totals = decision.options.map((option) => (option.score === undefined ? "–" : `**${formatNumber(option.score)}**`));
    lines.push(`| **Weighted score** | | ${totals.join(" | ")} |`);
  }
  return lines.join("\n");
}

function optionName(decision: Decision, id: string): string {
  return decision.options.find((option) => option.id === id)?.name ?? id;
}

/** "X wins when …", or the engine's own sentence when it is already a full conditional ("If … X would win"). */
function alternativeLine(name: string, when: string, clause: (text: string) => string): string {
  const text = when.trim();
  if (/^if\b/i.test(text)) return sentenceOf(text.charAt(0).toUpperCase() + text.slice(1));
  return `${name} wins when ${sentenceOf(clause(text.replace(/^when\s+/i, "")))}`;
}

/** The More Information markdown (### sub-sections). */
export function buildMoreInformation(decision: Decision, clause: (text: string) => string): string {
  const confidence = decision.confidence;
  const confidenceText = [`${CONFIDENCE_LABELS[confidence.level]}: ${sentenceOf(confidence.reason)}`];
  if (confidence.wouldSettle.length > 0) confidenceText.push("What would settle it:", bullets(confidence.wouldSettle.map(sentenceOf)));
  const sections: Array<[string, string]> = [
    ["Decision matrix", `Each option scored from 1 (poor) to 5 (excellent) per decision driver; the weighted score decides.\n\n${buildMatrix(decision)}`],
    ["Implementation guidelines", numbered(decision.guidelines.map(sentenceOf))],
    ["Risks and mitigations", bullets(decision.risks.map((r) => `${sentenceOf(r.risk)}${r.likelihood ? ` (likelihood: ${r.likelihood})` : ""} Mitigation: ${sentenceOf(r.mitigation)}`))],
    ["Alternatives under other conditions", bullets(decision.alternatives.map((a) => alternativeLine(optionName(decision, a.optionId), a.when, clause)))],
    ["Edge cases", bullets(decision.edgeCases.map(sentenceOf))],
    ["Security", bullets(decision.security.map(sentenceOf))],
    ["Operations and maintenance", bullets(decision.operations.map(sentenceOf))],
    ["Team fit", sentenceOf(decision.teamFit)],
    ["Assumptions", decision.assumptions.length > 0 ? bullets(decision.assumptions.map(sentenceOf)) : "None: every requirement was known from the repository or answered."],
    ["Confidence", confidenceText.join("\n\n")],
    ["When to revisit", bullets(decision.revisitWhen.map(sentenceOf))],
  ];
  return sections.map(([heading, body]) => `### ${heading}\n\n${body}`).join("\n\n");
}
