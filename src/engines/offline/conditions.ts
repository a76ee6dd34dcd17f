import { isDependencyManifest } from "../../scan/rules.js";
import { CONTEXT_CATEGORIES, type Evidence, type RepoContext } from "../../scan/types.js";
import type { Condition, Topic } from "./knowledge/schema.js";
import { containsPhrase, normalizeWords } from "./text.js";
import { compareIds } from "../../domain/compare.js";

/** Everything a `when` condition can look at. */
export interface ConditionEnv {
  context: RepoContext;
  /** Effective answer values by key. */
  answers: Record<string, string>;
  /** The repository's main language, or null when none was detected. */
  language: string | null;
  /** Clouds proven by deployment evidence (aws, gcp, azure). */
  clouds: Map<string, Evidence[]>;
  /** Topic whose option ids, names and aliases `decided`/`rejected` also recognise in ADR titles. */
  topic?: Topic;
  /** Evidence behind answers the repository gave, so rules on those answers cite the same files. */
  answerEvidence: Record<string, Evidence[]>;
}

/** The outcome of a condition: whether it holds and the files that prove it. */
export interface ConditionResult {
  holds: boolean;
  evidence: Evidence[];
}

const CLOUDS = ["aws", "gcp", "azure"] as const;

// The scanner keeps at most 20 evidence entries per item and records the full count.
const proofs = (item: { evidence: unknown[]; evidenceCount?: number }) => item.evidenceCount ?? item.evidence.length;

/** The most evidenced language; TypeScript wins over JavaScript when both are present (TS projects carry JS tooling). */
export function mainLanguage(context: RepoContext): string | null {
  const names = new Set(context.languages.map((l) => l.name));
  const ranked = [...context.languages]
    .filter((l) => !(l.name === "javascript" && names.has("typescript")))
    .sort((a, b) => proofs(b) - proofs(a) || compareIds(a.name, b.name));
  return ranked[0]?.name ?? null;
}

/** Builds the condition environment from the scan and the effective answers (with the evidence of repo-given ones). */
export function buildEnv(context: RepoContext, answers: Record<string, string>, topic?: Topic, answerEvidence: Record<string, Evidence[]> = {}): ConditionEnv {
  const clouds = new Map<string, Evidence[]>();
  for (const item of context.infra) if ((CLOUDS as readonly string[]).includes(item.name)) clouds.set(item.name, item.evidence);
  return { context, answers, language: mainLanguage(context), clouds, ...(topic ? { topic } : {}), answerEvidence };
}

/** "bitnami/redis:7.2" → "redis"; "docker.io/library/postgres@sha256:…" → "postgres". */
export function imageName(image: string): string {
  const withoutDigest = image.split("@")[0] ?? image;
  const last = withoutDigest.split("/").pop() ?? withoutDigest;
  return (last.split(":")[0] ?? last).toLowerCase();
}

/** Evidence for every use of `name` in the context (any category item, or a service image), empty when unused. */
export function usesOf(context: RepoContext, name: string): Evidence[] {
  return [...(usageIndex(context).evidence.get(name) ?? [])];
}

function isUsed(context: RepoContext, name: string): boolean {
  return usageIndex(context).evidence.has(name);
}

interface UsageIndex {
  /** Array lengths the index was built from: a context grown since (tests build them up) is indexed again. */
  sizes: string;
  /** Name → evidence of every item and service image with that name, in context order. */
  evidence: Map<string, Evidence[]>;
}

const usageIndexes = new WeakMap<RepoContext, UsageIndex>();

/** Every technology and service-image name of a context: a decision asks about the same names thousands of times. */
function usageIndex(context: RepoContext): UsageIndex {
  const sizes = [...CONTEXT_CATEGORIES.map((category) => context[category].length), context.services.length].join(",");
  const cached = usageIndexes.get(context);
  if (cached?.sizes === sizes) return cached;
  const evidence = new Map<string, Evidence[]>();
  const add = (name: string, found: Evidence[]) => {
    const list = evidence.get(name);
    if (list) list.push(...found);
    else evidence.set(name, [...found]);
  };
  for (const category of CONTEXT_CATEGORIES) for (const item of context[category]) add(item.name, item.evidence);
  for (const service of context.services) if (service.image) add(imageName(service.image), service.evidence);
  const index = { sizes, evidence };
  usageIndexes.set(context, index);
  return index;
}

/** Names an ADR title may use for `id`: the id itself, plus the topic option's name and aliases when it is an option id. */
function namesFor(id: string, topic: Topic | undefined): string[][] {
  const names = [id.replace(/-/g, " ")];
  const option = topic?.options.find((o) => o.id === id);
  if (option) names.push(option.name, ...option.aliases);
  return names.map(normalizeWords).filter((words) => words.length > 0);
}

type DecisionState = "decided" | "rejected" | null;

/** accepted → decided, rejected → rejected; proposed, deprecated and superseded records no longer (or not yet) bind. */
export function decisionState(status: string | null): DecisionState {
  const s = (status ?? "").trim().toLowerCase();
  if (s.startsWith("accepted") || s.startsWith("approved") || s.startsWith("adopted")) return "decided";
  if (s.startsWith("rejected") || s.startsWith("declined")) return "rejected";
  return null;
}

/**
 * Earlier ADRs in `state` whose title names one of `ids`. A superseded ADR's own title no
 * longer binds, but its "Superseded by [Use Kafka](…)" status names the choice that replaced it.
 */
export function decisionsNaming(env: ConditionEnv, ids: string[], state: Exclude<DecisionState, null>): Evidence[] {
  const names = ids.flatMap((id) => namesFor(id, env.topic));
  const namesOneOf = (text: string) => {
    const words = normalizeWords(text);
    return names.some((phrase) => containsPhrase(words, phrase) >= 0);
  };
  const evidence: Evidence[] = [];
  for (const decision of env.context.existingDecisions) {
    const status = decision.status ?? "";
    if (decisionState(status) === state && decision.title && namesOneOf(decision.title)) {
      evidence.push({ file: decision.file, detail: `ADR "${decision.title}" (${status})` });
    } else if (state === "decided" && /^\s*superseded\s+by\b/i.test(status) && namesOneOf(status.replace(/^\s*superseded\s+by\b/i, ""))) {
      evidence.push({ file: decision.file, detail: `ADR "${decision.title ?? decision.file}" (${status})` });
    }
  }
  return evidence;
}

/** Evaluates a topic `when` condition: every key present must hold, a list means "any of". */
export function evaluateCondition(when: Condition, env: ConditionEnv): ConditionResult {
  const evidence: Evidence[] = [];
  if (when.answer) {
    for (const [key, expected] of Object.entries(when.answer)) {
      const value = env.answers[key];
      const accepted = Array.isArray(expected) ? expected : [expected];
      if (value === undefined || !accepted.includes(value)) return { holds: false, evidence: [] };
      evidence.push(...(env.answerEvidence[key] ?? []));
    }
  }
  if (when.uses) {
    const found = when.uses.flatMap((name) => usesOf(env.context, name));
    if (!when.uses.some((name) => isUsed(env.context, name))) return { holds: false, evidence: [] };
    evidence.push(...found);
  }
  if (when.lacks && when.lacks.some((name) => isUsed(env.context, name))) return { holds: false, evidence: [] };
  let languageEvidence: Evidence[] = [];
  if (when.language) {
    if (env.language === null || !when.language.includes(env.language)) return { holds: false, evidence: [] };
    languageEvidence = env.context.languages.find((l) => l.name === env.language)?.evidence ?? [];
  }
  if (when.cloud) {
    const clouds = when.cloud.filter((cloud) => env.clouds.has(cloud));
    if (clouds.length === 0) return { holds: false, evidence: [] };
    for (const cloud of clouds) evidence.push(...(env.clouds.get(cloud) ?? []));
  }
  for (const state of ["decided", "rejected"] as const) {
    const ids = when[state];
    if (!ids) continue;
    const found = decisionsNaming(env, ids, state);
    if (found.length === 0) return { holds: false, evidence: [] };
    evidence.push(...found);
  }
  // The language's manifests prove a rule only when nothing more specific does.
  return { holds: true, evidence: dedupeEvidence(evidence.length > 0 ? evidence : languageEvidence) };
}

const RUNTIME_FILE = /(^|\/)((docker-)?compose[^/]*\.ya?ml|Dockerfile[^/]*|[^/]*\.tf|Chart\.yaml|values[^/]*\.ya?ml)$|(^|\/)(k8s|kubernetes|helm|charts|deploy|manifests)\//;

/** 0 for files that show what runs (compose, Kubernetes, Terraform), 1 for dependency manifests, 2 for the rest. */
function citeRank(file: string): number {
  if (RUNTIME_FILE.test(file)) return 0;
  return isDependencyManifest(file) ? 1 : 2;
}

/** Drops repeated file:line references and puts the strongest proof first (what runs, then what is installed, then the rest). */
export function dedupeEvidence(evidence: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence
    .filter((e) => {
      const key = evidenceRef(e);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((e, index) => ({ e, index, rank: citeRank(e.file) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((x) => x.e);
}

/** `file:line`, or `file` when the evidence has no line. */
export function evidenceRef(e: Evidence): string {
  return e.line !== undefined ? `${e.file}:${e.line}` : e.file;
}
