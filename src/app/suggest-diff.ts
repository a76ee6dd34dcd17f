// What changed in the stack between two scans: technologies added, removed or replaced, major
// version changes, new services and workspace packages — each with the file that shows it.
import type { MergedContext } from "../scan/merge.js";
import { CONTEXT_CATEGORIES, type ContextCategory, type ContextItem, type Evidence } from "../scan/types.js";
import { technologiesNamed } from "./drift-match.js";
import { CATEGORY_WORDS, technologyTitle } from "./suggest-names.js";
import { compareVersions, isBreakingChange } from "./suggest-versions.js";

export type ChangeKind = "replaced" | "added" | "removed" | "upgraded" | "service-added" | "package-added";

/** One significant difference between the base and the head. */
export interface StackChange {
  kind: ChangeKind;
  category: ContextCategory | "services" | "packages";
  /** Vocabulary names concerned, the new one first ("kafka", "rabbitmq"), or the service/package name. */
  technologies: string[];
  /** For `upgraded`: the versions on the base and on the head. */
  fromVersion?: string;
  toVersion?: string;
  /** Human wording: `replace RabbitMQ with Kafka`. */
  summary: string;
  /** The file (relative to the repository root) that introduced the change, or that held what was removed. */
  file: string;
  line: number | null;
  /** Where the change shows (head side; base side for removals). */
  evidence: Evidence[];
}

/** Significance of each kind: `suggest.threshold` low keeps ≥ 1, medium ≥ 2, high ≥ 3. */
export const CHANGE_WEIGHT: Readonly<Record<ChangeKind, number>> = {
  replaced: 3, added: 2, removed: 2, upgraded: 2, "service-added": 1, "package-added": 1,
};

// Languages follow from the files people write; the decisions are about what runs and what they build on.
const JUDGED: readonly ContextCategory[] = CONTEXT_CATEGORIES.filter((category) => category !== "languages");
const VERSIONED: ReadonlySet<ContextCategory> = new Set(["frameworks", "datastores", "caches", "messaging"]);

function located(evidence: Evidence[]): Pick<StackChange, "file" | "line" | "evidence"> {
  const first = evidence[0];
  return { file: first?.file ?? "", line: first?.line ?? null, evidence: evidence.slice(0, 5) };
}

function categoryChanges(category: ContextCategory, base: ContextItem[], head: ContextItem[]): StackChange[] {
  const before = new Map(base.map((item) => [item.name, item]));
  const after = new Map(head.map((item) => [item.name, item]));
  const added = head.filter((item) => !before.has(item.name));
  const removed = base.filter((item) => !after.has(item.name));
  const changes: StackChange[] = [];
  const word = CATEGORY_WORDS[category] ?? category;
  // One in, one out of the same category reads as a replacement (amqplib → kafkajs: RabbitMQ → Kafka).
  const pairs = Math.min(added.length, removed.length);
  for (let i = 0; i < pairs; i++) {
    const [to, from] = [added[i]!, removed[i]!];
    changes.push({ kind: "replaced", category, technologies: [to.name, from.name], summary: `replace ${technologyTitle(from.name)} with ${technologyTitle(to.name)} (${word})`, ...located(to.evidence) });
  }
  for (const item of added.slice(pairs)) changes.push({ kind: "added", category, technologies: [item.name], summary: `add ${technologyTitle(item.name)} (${word})`, ...located(item.evidence) });
  for (const item of removed.slice(pairs)) changes.push({ kind: "removed", category, technologies: [item.name], summary: `remove ${technologyTitle(item.name)} (${word})`, ...located(item.evidence) });
  if (VERSIONED.has(category)) {
    for (const item of head) {
      const old = before.get(item.name);
      // Semver: 4 → 5 breaks, and so does 0.3 → 0.4 (below 1.0 the minor is the compatibility line).
      if (!old || isBreakingChange(old.version, item.version) !== true) continue;
      const verb = compareVersions(item.version, old.version) > 0 ? "upgrade" : "downgrade";
      changes.push({
        kind: "upgraded", category, technologies: [item.name], fromVersion: old.version!, toVersion: item.version!,
        summary: `${verb} ${technologyTitle(item.name)} from ${old.version} to ${item.version}`, ...located(item.evidence),
      });
    }
  }
  return changes;
}

/** Every stack difference between two scans, in category order. */
export function diffStacks(base: MergedContext, head: MergedContext): StackChange[] {
  const changes = JUDGED.flatMap((category) => categoryChanges(category, base[category], head[category]));
  const services = new Set(base.services.map((service) => service.name));
  // A compose service that brings a new technology (kafka: bitnami/kafka) is already told by that change.
  const told = new Set(changes.filter((change) => change.kind !== "removed").map((change) => change.technologies[0]!));
  for (const service of head.services) {
    if (services.has(service.name)) continue;
    if (technologiesNamed(`${service.name} ${service.image ?? ""}`).some((name) => told.has(name))) continue;
    services.add(service.name);
    const image = service.image ? ` (${service.image})` : "";
    changes.push({ kind: "service-added", category: "services", technologies: [service.name], summary: `add service ${service.name}${image}`, ...located(service.evidence) });
  }
  // By name: moving a package to another folder is no new package.
  const packages = new Set(base.packages.map((pkg) => pkg.name));
  for (const pkg of head.packages) {
    if (packages.has(pkg.name)) continue;
    packages.add(pkg.name);
    changes.push({ kind: "package-added", category: "packages", technologies: [pkg.name], summary: `add workspace package ${pkg.name} (${pkg.path})`, ...located(pkg.evidence) });
  }
  return changes;
}
