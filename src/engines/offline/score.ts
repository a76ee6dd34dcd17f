import type { Evidence } from "../../scan/types.js";
import { evaluateCondition, evidenceRef, type ConditionEnv } from "./conditions.js";
import type { Topic, TopicOption } from "./knowledge/schema.js";
import { round2 } from "./text.js";

/** A weight or fit rule that held, with its reason (evidence filled in) and the files that prove it. */
export interface FiredRule {
  reason: string;
  evidence: Evidence[];
  /** Fit rules: points added to the option's score. */
  adjust?: number;
  /** Weight rules: factor applied to the criterion's weight. */
  factor?: number;
}

/** A criterion with its weight after weight rules. */
export interface WeightedCriterion {
  id: string;
  label: string;
  dimension: Topic["criteria"][number]["dimension"];
  description: string;
  baseWeight: number;
  weight: number;
  rules: FiredRule[];
}

/** One option's row of the decision matrix. */
export interface OptionScore {
  optionId: string;
  /** Criterion id → 1..5 score. */
  criterionScores: Record<string, number>;
  /** Weighted mean of the criterion scores. */
  mean: number;
  /** Sum of the fired fit rules' adjustments. */
  adjustment: number;
  /** mean + adjustment: what the ranking uses. */
  total: number;
  fired: FiredRule[];
}

export interface ScoreResult {
  criteria: WeightedCriterion[];
  /** Rows in topic order. */
  rows: OptionScore[];
  /** Option ids, best first. */
  ranking: string[];
  winnerId: string;
  /** Winner's total minus the runner-up's. */
  margin: number;
}

const MAX_REFS = 3;

/** Replaces `{evidence}` with the proving files ("docker-compose.yml:14, package.json:12") or appends them; removes the placeholder cleanly when there are none. */
export function fillEvidence(reason: string, evidence: Evidence[]): string {
  const refs = evidence.slice(0, MAX_REFS).map(evidenceRef);
  if (evidence.length > MAX_REFS) refs.push(`${evidence.length - MAX_REFS} more`);
  if (!reason.includes("{evidence}")) {
    // The ADR shows its work: a rule proven by files cites them even when its author left no placeholder.
    return refs.length > 0 ? `${reason.trim().replace(/\.$/, "")} (${refs.join(", ")}).` : reason;
  }
  if (refs.length > 0) return reason.replaceAll("{evidence}", refs.join(", "));
  return reason
    .replace(/\s*\(\{evidence\}\)/g, "")
    .replace(/\s*[:,;]?\s*\{evidence\}/g, "")
    .replace(/\s+([.,;])/g, "$1")
    .replace(/\s{2,}/g, " ")
    .trim();
}

/** Criteria weights after every weight rule that holds (factors multiply). */
export function weighCriteria(topic: Topic, env: ConditionEnv): WeightedCriterion[] {
  return topic.criteria.map((c) => {
    const rules: FiredRule[] = [];
    let weight = c.weight;
    for (const rule of topic.weightRules) {
      if (rule.criterion !== c.id) continue;
      const result = evaluateCondition(rule.when, env);
      if (!result.holds) continue;
      weight *= rule.factor;
      rules.push({ reason: fillEvidence(rule.reason, result.evidence), evidence: result.evidence, factor: rule.factor });
    }
    return { id: c.id, label: c.label, dimension: c.dimension, description: c.description, baseWeight: c.weight, weight: round2(weight), rules };
  });
}

/** An option's weighted mean plus the adjustments of its fit rules that hold. */
export function scoreOption(option: TopicOption, criteria: WeightedCriterion[], env: ConditionEnv): OptionScore {
  const criterionScores: Record<string, number> = {};
  let sum = 0;
  let weights = 0;
  for (const c of criteria) {
    const s = option.scores[c.id] ?? 3;
    criterionScores[c.id] = s;
    sum += s * c.weight;
    weights += c.weight;
  }
  // All weights can be scaled to zero by rules; then every option is neutral.
  const mean = weights > 0 ? sum / weights : 3;
  const fired: FiredRule[] = [];
  let adjustment = 0;
  for (const rule of option.fit) {
    const result = evaluateCondition(rule.when, env);
    if (!result.holds) continue;
    adjustment += rule.adjust;
    fired.push({ reason: fillEvidence(rule.reason, result.evidence), evidence: result.evidence, adjust: rule.adjust });
  }
  return { optionId: option.id, criterionScores, mean: round2(mean), adjustment: round2(adjustment), total: round2(mean + adjustment), fired };
}

/** Ranks rows: higher total, then higher weighted mean, then the order given (topic order). */
export function rankRows(rows: OptionScore[]): string[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => b.row.total - a.row.total || b.row.mean - a.row.mean || a.index - b.index)
    .map((x) => x.row.optionId);
}

/** Scores every option of the topic (or only `optionIds`) and picks the winner. */
export function scoreTopic(topic: Topic, env: ConditionEnv, optionIds?: string[]): ScoreResult {
  const criteria = weighCriteria(topic, env);
  const options = optionIds ? topic.options.filter((o) => optionIds.includes(o.id)) : topic.options;
  const rows = options.map((o) => scoreOption(o, criteria, env));
  const ranking = rankRows(rows);
  const total = (id: string | undefined) => rows.find((r) => r.optionId === id)?.total ?? 0;
  return { criteria, rows, ranking, winnerId: ranking[0]!, margin: round2(total(ranking[0]) - total(ranking[1])) };
}
