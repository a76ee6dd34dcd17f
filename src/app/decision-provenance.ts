// What a generated ADR records about how it was made (its machine-readable block, minus the
// section hashes, which come from the rendered text).
import type { ResolvedAnswer } from "../clarify/types.js";
import type { Decision } from "../domain/decision.js";
import type { DecideResult } from "../engines/types.js";
import type { MachineBlock } from "../render/machine-block.js";
import { redactDeep } from "../scan/redact.js";
import { CONTEXT_CATEGORIES, type Evidence, type RepoContext } from "../scan/types.js";
import { VERSION } from "../version.js";
import { compareIds } from "../domain/compare.js";

const MAX_EVIDENCE_PER_ITEM = 3;

function ref(evidence: Evidence): string {
  return evidence.line !== undefined ? `${evidence.file}:${evidence.line}` : evidence.file;
}

function mentions(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^a-z0-9])${escaped}([^a-z0-9]|$)`, "i").test(text);
}

/**
 * The scanned items the decision rests on: those whose evidence the decision or a repository
 * answer cites, or that a repository fact names. Each with up to three evidence references.
 */
export function contextItemsUsed(decision: Decision, answers: readonly ResolvedAnswer[], context: RepoContext): MachineBlock["context"] {
  const repoFacts = decision.facts.filter((fact) => fact.source === "repo");
  const repoAnswers = answers.filter((answer) => answer.source === "repo");
  const cited = new Set([...repoFacts.flatMap((fact) => fact.evidence), ...repoAnswers.flatMap((answer) => answer.evidence.map(ref))]);
  const statements = [...repoFacts.map((fact) => fact.statement), ...repoAnswers.map((answer) => answer.statement)].join("\n");
  const items = [...CONTEXT_CATEGORIES.flatMap((category) => context[category]), ...context.services];
  const used = new Map<string, Set<string>>();
  for (const item of items) {
    const refs = item.evidence.map(ref);
    if (!refs.some((r) => cited.has(r)) && !mentions(statements, item.name)) continue;
    const kept = used.get(item.name) ?? new Set<string>();
    for (const r of refs) kept.add(r);
    used.set(item.name, kept);
  }
  return [...used]
    .sort(([a], [b]) => compareIds(a, b))
    .map(([name, refs]) => ({ name, evidence: [...refs].sort().slice(0, MAX_EVIDENCE_PER_ITEM) }));
}

/** The machine block's data for a decision (redacted), without section hashes. */
export function provenanceOf(result: DecideResult, answers: readonly ResolvedAnswer[], context: RepoContext): Omit<MachineBlock, "sections"> {
  const { decision } = result;
  return redactDeep({
    adrgen: VERSION,
    engine: result.engine,
    source: result.source,
    topic: decision.topic,
    answers: answers.map((answer) => ({ key: answer.key, value: answer.value, source: answer.source })),
    assumptions: decision.assumptions,
    context: contextItemsUsed(decision, answers, context),
  });
}
