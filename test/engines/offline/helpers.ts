import type { ResolvedAnswer } from "../../../src/clarify/types.js";
import { createOfflineEngine } from "../../../src/engines/offline/index.js";
import { loadDimensionQuestions, loadTopics } from "../../../src/engines/offline/knowledge/load.js";
import type { DecideResult } from "../../../src/engines/types.js";
import type { ContextCategory, ExistingDecision, RepoContext, ServiceItem } from "../../../src/scan/types.js";

/** An empty repository context (what `scanRepository` reports for an empty folder). */
export function emptyContext(): RepoContext {
  return { root: "/repo", languages: [], frameworks: [], datastores: [], caches: [], messaging: [], apiStyles: [], auth: [], infra: [], ci: [], services: [], packages: [], existingDecisions: [], warnings: [] };
}

export interface ContextSpec {
  items?: Partial<Record<ContextCategory, Array<string | [name: string, file: string, line?: number]>>>;
  services?: Array<{ name: string; image: string; file?: string; line?: number }>;
  decisions?: Array<Pick<ExistingDecision, "title" | "status"> & { file?: string }>;
}

/** A context with the given items; each item's evidence defaults to a plausible manifest line. */
export function makeContext(spec: ContextSpec = {}): RepoContext {
  const context = emptyContext();
  let line = 1;
  for (const [category, items] of Object.entries(spec.items ?? {}) as Array<[ContextCategory, NonNullable<ContextSpec["items"]>[ContextCategory]]>) {
    for (const item of items ?? []) {
      const [name, file, at] = typeof item === "string" ? [item, "package.json", line++] : item;
      context[category].push({ name, evidence: [{ file, ...(at !== undefined ? { line: at } : {}) }] });
    }
  }
  for (const s of spec.services ?? []) {
    const service: ServiceItem = { name: s.name, image: s.image, source: "compose", evidence: [{ file: s.file ?? "docker-compose.yml", line: s.line ?? line++ }] };
    context.services.push(service);
  }
  spec.decisions?.forEach((d, i) => context.existingDecisions.push({ number: i + 1, title: d.title, status: d.status, file: d.file ?? `docs/adr/000${i + 1}-adr.md` }));
  return context;
}

export const topics = loadTopics();
export const generic = loadDimensionQuestions();
export const engine = createOfflineEngine({ topics, generic });

/** Runs plan() then decide() the way `adrgen new --yes` does: given answers, the rest from the repo or assumed. */
export async function decideWith(title: string, context: RepoContext, given: Record<string, string> = {}, namedOptions: string[] = []): Promise<DecideResult> {
  const plan = await engine.plan({ title, context, given });
  const answers: ResolvedAnswer[] = plan.questions.map((q) => {
    const known = plan.known.find((k) => k.key === q.key);
    if (known) return known;
    return { key: q.key, dimension: q.dimension, value: q.assumption.value, source: "assumption", statement: q.assumption.statement, evidence: [] };
  });
  return engine.decide({ title, context, answers, namedOptions });
}
