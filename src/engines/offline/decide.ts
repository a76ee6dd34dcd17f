import type { ResolvedAnswer } from "../../clarify/types.js";
import type { Decision, DecisionOption } from "../../domain/decision.js";
import { usageError } from "../../domain/errors.js";
import type { RepoContext } from "../../scan/types.js";
import type { DecideRequest, DecideResult } from "../types.js";
import { checkGiven, questionsFor, resolveAnswers, statementWithSource } from "./answers.js";
import type { TopicCatalog } from "./catalog.js";
import { buildEnv, usesOf, type ConditionEnv } from "./conditions.js";
import { customTopic, placeholderOption, TO_BE_FILLED } from "./custom-topic.js";
import { answerFacts, dimensionStatuses, refs, repoFacts } from "./facts.js";
import { findFlips, type Flip } from "./flips.js";
import type { Question, Topic, TopicOption } from "./knowledge/schema.js";
import { matchTopic, unknownTopicError } from "./match.js";
import { alternativesFor, becauseText, confidenceFor, flipSentence, teamFitText } from "./narrative.js";
import { scoreTopic, type OptionScore, type ScoreResult } from "./score.js";
import { kebab, normalizeWords } from "./text.js";

/** The topic a request is decided on, the topic options the user named, and names the topic does not know. */
interface Subject {
  topic: Topic;
  custom: boolean;
  named: string[];
  unknown: string[];
}

function sameWords(a: string, b: string): boolean {
  return normalizeWords(a).join(" ") === normalizeWords(b).join(" ");
}

/** Splits named options into the topic's option ids and names it does not know (deduplicated, in the order named). */
function resolveNamed(topic: Topic, names: string[]): { named: string[]; unknown: string[] } {
  const named: string[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const option = topic.options.find((o) => [o.id, o.name, ...o.aliases].some((n) => sameWords(n, name)));
    if (option) {
      if (!named.includes(option.id)) named.push(option.id);
    } else if (normalizeWords(name).length > 0 && !unknown.some((u) => sameWords(u, name))) unknown.push(name.trim());
  }
  return { named, unknown };
}

/** Title → topic; else the topic the named options belong to; else the user's options on generic criteria; else a usage error. */
export function pickSubject(title: string, namedOptions: string[], catalog: TopicCatalog): Subject {
  const stubs = catalog.stubs();
  const byTitle = matchTopic(title, stubs);
  if (byTitle) {
    const topic = catalog.load(byTitle.topic.id);
    return { topic, custom: false, ...resolveNamed(topic, [...byTitle.namedOptions, ...namedOptions]) };
  }
  const byOptions = namedOptions.length >= 2 ? matchTopic(namedOptions.join(" vs "), stubs) : null;
  if (byOptions && byOptions.namedOptions.length >= 2) {
    const topic = catalog.load(byOptions.topic.id);
    return { topic, custom: false, ...resolveNamed(topic, namedOptions) };
  }
  const distinct = namedOptions.map((n) => n.trim()).filter((n, i, all) => n && all.findIndex((m) => sameWords(m, n)) === i);
  if (distinct.length >= 2) return { topic: customTopic(distinct), custom: true, named: customTopic(distinct).options.map((o) => o.id), unknown: [] };
  throw unknownTopicError(title, stubs);
}

/** The request's answers where given, the repository's or the assumption for every other question. */
function effectiveAnswers(questions: Question[], request: DecideRequest, topic: Topic | undefined): ResolvedAnswer[] {
  // Same guard as plan(): a value outside the choices would silently match no rule.
  checkGiven(questions, Object.fromEntries(request.answers.map((a) => [a.key, a.value])));
  const byKey = new Map(request.answers.map((a) => [a.key, a]));
  const defaults = resolveAnswers(questions, request.context, {}, topic);
  return defaults.map((d) => byKey.get(d.key) ?? d);
}

/** Evidence that the repository already runs an option (its id or any alias as a technology name). */
function optionUsage(option: TopicOption, context: RepoContext): string[] {
  const names = new Set([option.id, ...option.aliases.map(kebab)]);
  return refs([...names].flatMap((name) => usesOf(context, name)));
}

function cloudOf(answers: ResolvedAnswer[]): "aws" | "gcp" | "azure" | null {
  const value = answers.find((a) => a.key === "integration.cloud")?.value;
  return value === "aws" || value === "gcp" || value === "azure" ? value : null;
}

function decisionOption(option: TopicOption, row: OptionScore, env: ConditionEnv, cloud: "aws" | "gcp" | "azure" | null): DecisionOption {
  const neutral = [...option.neutral];
  const managed = cloud ? option.managed?.[cloud] : undefined;
  if (managed && cloud) neutral.push(`Managed offering on ${cloud.toUpperCase()}: ${managed}.`);
  const client = env.language ? option.clients[env.language] : undefined;
  if (client) neutral.push(`Client for ${env.language}: ${client}.`);
  return {
    id: option.id,
    name: option.name,
    description: option.description.trim(),
    good: [...option.good, ...row.fired.filter((f) => (f.adjust ?? 0) > 0).map((f) => f.reason)],
    neutral,
    bad: [...option.bad, ...row.fired.filter((f) => (f.adjust ?? 0) < 0).map((f) => f.reason)],
    technicalDebt: option.technicalDebt.trim(),
    migrationPath: option.migrationPath.trim(),
    score: row.total,
    driverScores: row.criterionScores,
  };
}

function refineAnalysis(topic: Topic, answers: ResolvedAnswer[]): Decision["analysis"] {
  const said = (keys: (key: string) => boolean) =>
    answers.filter((a) => keys(a.key)).map(statementWithSource).join(" ");
  const join = (base: string, extra: string) => (extra ? `${base.trim()} Here: ${extra}` : base.trim());
  return {
    domain: topic.analysis.domain.trim(),
    dataAccessPatterns: join(topic.analysis.dataAccessPatterns, said((k) => k.startsWith(`${topic.id}.`) || k === "scale.data" || k === "consistency.model")),
    trafficShape: join(topic.analysis.trafficShape, said((k) => k === "scale.rps" || k === "scale.users" || k === "latency.p99")),
    timelineAndMaintenance: join(topic.analysis.timelineAndMaintenance, said((k) => k === "team.size" || k === "budget.ops")),
  };
}

function consequencesFor(option: DecisionOption, score: ScoreResult, row: OptionScore): Decision["consequences"] {
  const weak = score.criteria
    .filter((c) => (row.criterionScores[c.id] ?? 5) <= 2 && c.weight > 0)
    .map((c) => `It scores only ${row.criterionScores[c.id]}/5 on ${c.label.toLowerCase()}; the guidelines and risks below say how that is contained.`);
  return { good: option.good, bad: [...option.bad, ...weak] };
}

/** Builds the full Decision for a request from the knowledge base, the scan and the answers. */
export async function decideOffline(request: DecideRequest, catalog: TopicCatalog): Promise<DecideResult> {
  const title = request.title.trim();
  if (!title) throw usageError("The decision needs a title.");
  const subject = pickSubject(title, request.namedOptions, catalog);
  const generic = catalog.generic();
  const { topic } = subject;
  const questions = questionsFor(generic, subject.custom ? null : topic);
  const answers = effectiveAnswers(questions, request, topic);
  const values = Object.fromEntries(answers.map((a) => [a.key, a.value]));
  const answerEvidence = Object.fromEntries(answers.filter((a) => a.source === "repo").map((a) => [a.key, a.evidence]));
  const env = buildEnv(request.context, values, topic, answerEvidence);
  const score = scoreTopic(topic, env);
  const flips: Flip[] = findFlips(topic, questions, request.context, answers, score.winnerId);
  const cloud = cloudOf(answers);
  const names = new Map(topic.options.map((o) => [o.id, o.name]));

  const ordered = [...subject.named, ...topic.options.map((o) => o.id).filter((id) => !subject.named.includes(id))];
  const options = ordered.map((id) => decisionOption(topic.options.find((o) => o.id === id)!, score.rows.find((r) => r.optionId === id)!, env, cloud));
  const placeholders = subject.unknown.map(placeholderOption).filter((p) => !ordered.includes(p.id));
  options.splice(subject.named.length, 0, ...placeholders);

  const winner = topic.options.find((o) => o.id === score.winnerId)!;
  const winnerRow = score.rows.find((r) => r.optionId === winner.id)!;
  const chosenOption = options.find((o) => o.id === winner.id)!;
  const repo = repoFacts(topic, request.context, env.language);
  const facts = [...repo.facts, ...answerFacts(answers)];
  const assumptions = facts.filter((f) => f.source === "assumption").map((f) => f.statement);
  const decisiveAssumptions = flips.filter((f) => f.source === "assumption");
  const compliance = answers.find((a) => a.key === "security.compliance");
  const opsCapacity = answers.find((a) => a.key === "budget.ops");
  const managed = cloud ? winner.managed?.[cloud] : undefined;
  const client = env.language ? winner.clients[env.language] : undefined;
  const unscored = placeholders.map((p) => p.name);

  const decision: Decision = {
    title,
    topic: topic.id,
    problemStatement: problemStatement(topic, title, repo.mentions),
    analysis: refineAnalysis(topic, answers),
    facts,
    dimensions: dimensionStatuses(answers),
    drivers: score.criteria.map((c) => ({
      id: c.id,
      dimension: c.dimension,
      statement: `${c.label}: ${c.description.trim()}${c.rules.length > 0 ? ` Weight ${c.baseWeight} → ${c.weight}: ${c.rules.map((r) => r.reason).join(" ")}` : ""}`,
      weight: c.weight,
    })),
    options,
    chosen: { optionId: winner.id, because: becauseText(score, names), driversAddressed: score.criteria.map((c) => c.id) },
    consequences: consequencesFor(chosenOption, score, winnerRow),
    confirmation: winner.confirmation,
    guidelines: [
      ...winner.guidelines,
      ...(client ? [`Use ${client} as the ${env.language} client.`] : []),
      ...(managed ? [`On ${cloud!.toUpperCase()}, use the managed offering: ${managed.trim().replace(/\.$/, "")}.`] : []),
    ],
    risks: [
      ...winner.risks,
      ...decisiveAssumptions.slice(0, 3).map((f) => ({
        risk: `A decisive assumption is wrong: ${flipSentence(f, names)}`,
        mitigation: `Confirm ${f.key} before implementing (re-run with --answer ${f.key}=<value>) and supersede this ADR if the answer differs.`,
      })),
    ],
    alternatives: [...alternativesFor(topic, score, flips, names), ...placeholders.map((p) => ({ optionId: p.id, when: `${TO_BE_FILLED} the conditions under which ${p.name} wins; adrgen has no facts to compare it.` }))],
    edgeCases: topic.edgeCases,
    security: [...(compliance ? [statementWithSource(compliance)] : []), ...topic.security],
    operations: [
      ...(opsCapacity ? [statementWithSource(opsCapacity)] : []),
      ...topic.operations,
    ],
    teamFit: teamFitText(winner, answers, optionUsage(winner, request.context), env.language),
    assumptions,
    revisitWhen: [...topic.revisitWhen, ...(decisiveAssumptions.length > 0 ? [`Any decisive assumption turns out wrong (${[...new Set(decisiveAssumptions.map((f) => f.key))].join(", ")}).`] : [])],
    confidence: confidenceFor(score, flips, answers, names, unscored, new Map(questions.map((q) => [q.key, q.prompt]))),
  };
  if (subject.custom) decision.confidence = { ...decision.confidence, level: "low", reason: `The knowledge base has no topic for this decision: the options are scored on generic criteria with a neutral 3 of 5 wherever facts are missing, so only repository evidence separates them. ${decision.confidence.reason}` };
  const notes = request.feedback?.trim() ? ["The offline engine cannot apply free-text feedback; change the answers (--answer key=value) or use the Anthropic engine."] : [];
  return { decision, engine: "offline", source: `${topic.id}@${topic.version}`, notes };
}

function problemStatement(topic: Topic, title: string, mentions: string[]): string {
  const base = topic.problem.replaceAll("{title}", title).trim();
  return mentions.length > 0 ? `${base} Found in this repository: ${mentions.join("; ")}.` : base;
}
