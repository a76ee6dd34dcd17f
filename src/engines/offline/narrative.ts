import type { ResolvedAnswer } from "../../clarify/types.js";
import type { Decision } from "../../domain/decision.js";
import { statementWithSource } from "./answers.js";
import { DIMENSION_LABELS } from "../../domain/dimensions.js";
import type { Flip } from "./flips.js";
import type { Topic, TopicOption } from "./knowledge/schema.js";
import type { OptionScore, ScoreResult } from "./score.js";
import { compareIds } from "../../domain/compare.js";

const withoutFinalStop = (text: string) => text.trim().replace(/[.\s]+$/, "");
const fmt = (n: number) => n.toFixed(2);

/** "a", "a or b", "a, b or c". */
export function orList(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

/** "a", "a and b", "a, b and c". */
export function andList(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** The winner's strongest drivers: high score on heavily weighted criteria, best first. */
export function strongestDrivers(score: ScoreResult, row: OptionScore, count = 3) {
  return score.criteria
    .filter((c) => (row.criterionScores[c.id] ?? 0) >= 4 && c.weight > 0)
    .sort((a, b) => b.weight * (row.criterionScores[b.id] ?? 0) - a.weight * (row.criterionScores[a.id] ?? 0) || compareIds(a.id, b.id))
    .slice(0, count);
}

/** The outcome's "because …" (no final full stop; templates add it): score lead, strongest drivers, fired fit reasons. */
export function becauseText(score: ScoreResult, names: Map<string, string>): string {
  const row = score.rows.find((r) => r.optionId === score.winnerId)!;
  const runnerUp = score.rows.find((r) => r.optionId === score.ranking[1]);
  const tie = runnerUp !== undefined && fmt(runnerUp.total) === fmt(row.total);
  const lead = !runnerUp
    ? `it has the best weighted score (${fmt(row.total)})`
    : tie
      ? `it ties with ${names.get(runnerUp.optionId)} at ${fmt(row.total)} and comes first in the order considered, so the tie is not a reason to prefer it; the answers and facts under confidence must settle it`
      : `it has the best weighted score (${fmt(row.total)} against ${fmt(runnerUp.total)} for ${names.get(runnerUp.optionId)})`;
  const strong = strongestDrivers(score, row).map((c) => `${c.label.toLowerCase()} (${row.criterionScores[c.id]}/5, weight ${c.weight})`);
  const strengths = strong.length > 0 ? `, strongest on the drivers that weigh most here: ${andList(strong)}` : "";
  // Fit reasons are whole sentences that may start with a capital, so they follow as sentences; the template adds the final stop.
  const reasons = row.fired.filter((f) => (f.adjust ?? 0) > 0).map((f) => `${withoutFinalStop(f.reason)}.`);
  return withoutFinalStop([`${lead}${strengths}.`, ...reasons].join(" "));
}

/** Alternatives: each other option's winning conditions, then the answer flips that would change the winner. */
export function alternativesFor(topic: Topic, score: ScoreResult, flips: Flip[], names: Map<string, string>): Decision["alternatives"] {
  const others = score.ranking.filter((id) => id !== score.winnerId).map((id) => {
    const option = topic.options.find((o) => o.id === id)!;
    const row = score.rows.find((r) => r.optionId === id)!;
    return { optionId: id, when: `${withoutFinalStop(option.winsWhen)} (scores ${fmt(row.total)} here).` };
  });
  return [...others, ...flips.map((flip) => ({ optionId: flip.winnerId, when: flipSentence(flip, names) }))];
}

/** "If the assumption "…" were instead "…" (`key=value`), X would win." */
export function flipSentence(flip: Flip, names: Map<string, string>): string {
  const what = flip.source === "assumption" ? "the assumption" : "the repository finding";
  const values = orList(flip.values.map((v) => `"${v.label}"`));
  const keys = flip.values.map((v) => `${flip.key}=${v.value}`).join(", ");
  return `If ${what} "${withoutFinalStop(flip.statement)}" were instead ${values} (${keys}), ${names.get(flip.winnerId) ?? flip.winnerId} would win.`;
}

/** Confidence: low when decisive answers are assumed in several dimensions or the lead is thin; high when what matters is known and the lead is clear. */
export function confidenceFor(
  score: ScoreResult,
  flips: Flip[],
  answers: ResolvedAnswer[],
  names: Map<string, string>,
  unscored: string[],
  prompts: Map<string, string> = new Map(),
): Decision["confidence"] {
  const decisive = flips.filter((f) => f.source === "assumption");
  const dimensions = [...new Set(decisive.map((f) => answers.find((a) => a.key === f.key)!.dimension))];
  const keyCount = new Set(decisive.map((f) => f.key)).size;
  const wouldSettle = decisive.map((f) => {
    const answer = answers.find((a) => a.key === f.key)!;
    const prompt = prompts.get(f.key) ?? DIMENSION_LABELS[answer.dimension];
    return `${f.key}: ${withoutFinalStop(prompt)}? Assumed ${answer.value}; ${orList(f.values.map((v) => v.value))} would make ${names.get(f.winnerId)} win.`.replace("??", "?");
  });
  for (const name of unscored) wouldSettle.push(`Fill in the facts for ${name} and compare it on the same drivers; adrgen could not score it.`);
  const winner = names.get(score.winnerId);
  const runnerUp = names.get(score.ranking[1] ?? "") ?? "the next option";
  const lead = `${winner} leads ${runnerUp} by ${fmt(score.margin)} points (weighted 1–5 scores plus fit adjustments)`;
  const assumed = dimensions.length === 0
    ? "no assumed answer would change the winner"
    : `${keyCount === 1 ? "one assumed answer" : `${keyCount} assumed answers`} in ${dimensions.length === 1 ? "one dimension" : `${dimensions.length} dimensions`} (${andList(dimensions)}) would change the winner if different`;
  let level: Decision["confidence"]["level"];
  if (unscored.length > 0 || score.margin < 0.1 || dimensions.length >= 3) level = "low";
  else if (dimensions.length === 0 && score.margin >= 0.25) level = "high";
  else level = "medium";
  const unscoredNote = unscored.length > 0 ? ` ${andList(unscored)} could not be scored: adrgen has no facts about ${unscored.length === 1 ? "it" : "them"}.` : "";
  const advice = level === "low" ? " Too much is assumed or too close to call for a sound decision: settle the answers below before accepting this ADR." : "";
  return { level, reason: `${lead}; ${assumed}.${unscoredNote}${advice}`, wouldSettle };
}

/** Team fit: who builds it, whether the repository already runs the winner, and the client library for the main language. */
export function teamFitText(option: TopicOption, answers: ResolvedAnswer[], usedEvidence: string[], language: string | null): string {
  const team = answers.filter((a) => a.dimension === "team").map(statementWithSource);
  const used = usedEvidence.length > 0
    ? `${option.name} already runs in this repository (${usedEvidence.join(", ")}), so the team operates it today.`
    : `${option.name} would be new to this repository, so budget time for learning it and for its operational runbooks.`;
  const client = language ? option.clients[language] : undefined;
  const clients = language === null ? "" : client ? ` A mature ${language} client exists: ${client}.` : ` The knowledge base lists no mature ${language} client for ${option.name}; check library support before committing.`;
  return `${team.join(" ")} ${used}${clients}`.trim();
}
