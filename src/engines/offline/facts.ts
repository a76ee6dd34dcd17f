import type { ResolvedAnswer } from "../../clarify/types.js";
import type { Decision } from "../../domain/decision.js";
import { DIMENSIONS, DIMENSION_LABELS, type Dimension } from "../../domain/dimensions.js";
import type { ContextCategory, Evidence, RepoContext } from "../../scan/types.js";
import { decisionState, dedupeEvidence, evidenceRef, imageName } from "./conditions.js";
import { statementWithSource } from "./answers.js";
import type { Condition, Topic } from "./knowledge/schema.js";
import { containsPhrase, kebab, normalizeWords } from "./text.js";

type Fact = Decision["facts"][number];

const CATEGORY_LABELS: Record<ContextCategory, string> = {
  languages: "language",
  frameworks: "framework",
  datastores: "datastore",
  caches: "cache",
  messaging: "messaging",
  apiStyles: "API style",
  auth: "authentication",
  infra: "infrastructure",
  ci: "CI",
};
const FACT_CATEGORIES: ContextCategory[] = ["datastores", "caches", "messaging", "frameworks", "apiStyles", "auth", "infra", "ci", "languages"];
const MAX_REFS = 3;

/** Evidence references (`file:line`) as stored on facts: at most three, in scan order. */
export function refs(evidence: Evidence[]): string[] {
  return dedupeEvidence(evidence).map(evidenceRef).slice(0, MAX_REFS);
}

function conditionNames(when: Condition): string[] {
  return [...(when.uses ?? []), ...(when.lacks ?? [])];
}

/** Technology names the topic's rules and options refer to: what makes a repo fact relevant to this decision. */
export function relevantNames(topic: Topic): Set<string> {
  const names = new Set<string>(["aws", "gcp", "azure"]);
  const add = (list: string[]) => list.forEach((n) => names.add(n));
  for (const rule of topic.weightRules) add(conditionNames(rule.when));
  for (const q of topic.questions) for (const a of q.answeredBy) add(conditionNames(a.when));
  for (const option of topic.options) {
    names.add(option.id);
    for (const alias of option.aliases) names.add(kebab(alias));
    for (const rule of option.fit) add(conditionNames(rule.when));
  }
  return names;
}

/** Facts the repository proves about the technologies this topic cares about, each with its evidence, and a short mention of each for the problem statement. */
export function repoFacts(topic: Topic, context: RepoContext, mainLanguage: string | null): { facts: Fact[]; mentions: string[] } {
  const names = relevantNames(topic);
  const facts: Fact[] = [];
  const mentions: string[] = [];
  const reported = new Set<string>();
  for (const category of FACT_CATEGORIES) {
    for (const item of context[category]) {
      const relevant = names.has(item.name) || (category === "languages" && item.name === mainLanguage);
      if (!relevant || item.evidence.length === 0) continue;
      const version = item.version ? ` ${item.version}` : "";
      const what = category === "languages" ? `The main language is ${item.name}${version}` : `The repository uses ${item.name}${version} (${CATEGORY_LABELS[category]})`;
      reported.add(item.name);
      facts.push({ statement: `${what}.`, source: "repo", evidence: refs(item.evidence), dimension: category === "languages" ? "team" : "integration" });
      mentions.push(`${category === "languages" ? "main language " : ""}${item.name}${version} (${refs(item.evidence).join(", ")})`);
    }
  }
  for (const service of context.services) {
    // Images the scanner already turned into items (redis → caches) would repeat the same fact.
    if (!service.image || service.evidence.length === 0 || !names.has(imageName(service.image)) || reported.has(imageName(service.image))) continue;
    facts.push({ statement: `Service "${service.name}" runs the image ${service.image} (${service.source}).`, source: "repo", evidence: refs(service.evidence), dimension: "integration" });
    mentions.push(`service ${service.name} running ${service.image} (${refs(service.evidence).join(", ")})`);
  }
  const optionNames = topic.options.flatMap((o) => [o.id.replace(/-/g, " "), o.name, ...o.aliases].map(normalizeWords)).filter((w) => w.length > 0);
  for (const decision of context.existingDecisions) {
    const state = decisionState(decision.status);
    if (!state || !decision.title) continue;
    const title = normalizeWords(decision.title);
    if (!optionNames.some((words) => containsPhrase(title, words) >= 0)) continue;
    facts.push({ statement: `An earlier ADR, "${decision.title}", is ${decision.status?.trim().toLowerCase()}.`, source: "repo", evidence: [decision.file], dimension: "integration" });
    mentions.push(`the ${decision.status?.trim().toLowerCase()} ADR "${decision.title}" (${decision.file})`);
  }
  return { facts, mentions };
}

/** One fact per effective answer: repo findings with evidence, user answers, stated assumptions. */
export function answerFacts(answers: ResolvedAnswer[]): Fact[] {
  return answers.map((a) => {
    const evidence = refs(a.evidence);
    // A repo answer inferred only from absence has nothing to cite, so it is stated as an assumption.
    if (a.source === "repo" && evidence.length === 0) return { statement: `${a.statement} (inferred from what the repository lacks)`, source: "assumption" as const, evidence: [], dimension: a.dimension };
    return { statement: a.statement, source: a.source, evidence: a.source === "repo" ? evidence : [], dimension: a.dimension };
  });
}

/** Where each of the seven dimensions stands; a dimension is only as known as its least-known answer, but user answers count as answered. */
export function dimensionStatuses(answers: ResolvedAnswer[]): Decision["dimensions"] {
  return DIMENSIONS.map((dimension: Dimension) => {
    const own = answers.filter((a) => a.dimension === dimension);
    const sources = new Set(own.map((a) => a.source));
    const source = own.length === 0 || [...sources].every((s) => s === "assumption") ? "assumption" : sources.has("answer") ? "answer" : "repo";
    const parts = own.map(statementWithSource);
    const summary = parts.length > 0 ? parts.join(" ") : `${DIMENSION_LABELS[dimension]}: not asked for this topic; assumed not to constrain the choice.`;
    return { dimension, source, summary };
  });
}
