import { redactSecrets } from "./redact.js";
import type { ContextCategory, Evidence, RepoContext } from "./types.js";

export interface SummaryOptions {
  /** Upper bound on words, legend included (default 1,500). */
  maxWords?: number;
  /** Evidence references shown per fact (default 2). */
  evidencePerFact?: number;
}

/** Sections in the order an architect weighs them: where data lives and moves first. */
const SECTION_ORDER: Array<[ContextCategory, string]> = [
  ["datastores", "Datastores"],
  ["messaging", "Messaging"],
  ["caches", "Caches"],
  ["frameworks", "Frameworks"],
  ["apiStyles", "API styles"],
  ["auth", "Auth"],
  ["infra", "Infrastructure"],
  ["ci", "CI"],
  ["languages", "Languages"],
];

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * Renders a repository context as compact text for a prompt or an ADR: facts most relevant
 * to a decision first, each with `[E<n>]` evidence ids and a legend mapping ids to file:line,
 * at most about `maxWords` words however large the repository. Deterministic.
 */
export function summarizeContext(context: RepoContext, options: SummaryOptions = {}): string {
  const maxWords = options.maxWords ?? 1500;
  const perFact = Math.max(1, options.evidencePerFact ?? 2);
  const ids = new Map<string, number>();
  const legend: string[] = [];
  const lines: string[] = ["Repository context (detected from files; [E<n>] cites evidence listed at the end):"];
  // Budget: every fact line plus the legend lines it introduces must fit.
  let used = words(lines[0]!) + 1;
  let omitted = 0;

  const refsFor = (evidence: Evidence[]): { refs: string; newLegend: string[]; newIds: Array<[string, number]> } => {
    const newLegend: string[] = [];
    const newIds: Array<[string, number]> = [];
    const refs = evidence.slice(0, perFact).map((e) => {
      const key = e.line !== undefined ? `${e.file}:${e.line}` : e.file;
      let id = ids.get(key) ?? newIds.find(([k]) => k === key)?.[1];
      if (id === undefined) {
        id = ids.size + newIds.length + 1;
        newIds.push([key, id]);
        newLegend.push(`[E${id}] ${key}`);
      }
      return `[E${id}]`;
    });
    return { refs: refs.join(""), newLegend, newIds };
  };

  const tryAdd = (text: string, evidence: Evidence[]): boolean => {
    const { refs, newLegend, newIds } = refsFor(evidence);
    const line = refs ? `${text} ${refs}` : text;
    const cost = words(line) + newLegend.reduce((sum, entry) => sum + words(entry), 0);
    // Keep room for the "omitted" note and the legend heading.
    if (used + cost > maxWords - 12) return false;
    used += cost;
    lines.push(line);
    legend.push(...newLegend);
    for (const [key, id] of newIds) ids.set(key, id);
    return true;
  };
  const section = (label: string, facts: Array<[text: string, evidence: Evidence[]]>): void => {
    if (facts.length === 0) return;
    // A heading needs room for at least its first fact, or it is left out with its facts.
    if (used + words(label) + words(facts[0]![0]) + 3 > maxWords - 12 || !tryAdd(label, [])) {
      omitted += facts.length;
      return;
    }
    for (const [text, evidence] of facts) if (!tryAdd(text, evidence)) omitted++;
  };

  for (const [category, label] of SECTION_ORDER) {
    section(`${label}:`, context[category].map((item) => [`- ${item.name}${item.version ? ` ${item.version}` : ""}`, item.evidence]));
  }
  section(
    "Services:",
    context.services.map((service) => [`- ${service.name}${service.image ? ` (${service.image})` : ""}, ${service.source}`, service.evidence]),
  );
  section("Workspace packages:", context.packages.map((pkg) => [`- ${pkg.name} at ${pkg.path}`, pkg.evidence]));
  section(
    "Existing decisions:",
    context.existingDecisions.map((decision) => {
      const number = decision.number !== null ? `ADR-${String(decision.number).padStart(4, "0")} ` : "";
      return [`- ${number}"${decision.title ?? "untitled"}" (${decision.status ?? "no status"})`, [{ file: decision.file }]];
    }),
  );
  if (lines.length === 1) lines.push("Nothing detectable: no manifests, compose files, Dockerfiles, infrastructure or CI configuration found.");
  if (omitted > 0) lines.push(`(${omitted} further facts omitted to stay within ${maxWords} words.)`);
  if (legend.length > 0) lines.push("", "Evidence:", ...legend);
  return redactSecrets(lines.join("\n"));
}
