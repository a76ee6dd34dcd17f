import { CONTEXT_CATEGORIES, type ContextItem, type Evidence, type Finding, type PackageItem, type RepoContext, type ServiceItem } from "./types.js";
import { matchesWorkspacePattern } from "./workspace-patterns.js";

export type MergedContext = Omit<RepoContext, "root" | "existingDecisions">;

/** Orders evidence by file, then line (file-level evidence first), then detail. */
export function compareEvidence(a: Evidence, b: Evidence): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  const la = a.line ?? 0;
  const lb = b.line ?? 0;
  if (la !== lb) return la - lb;
  const da = a.detail ?? "";
  const db = b.detail ?? "";
  return da < db ? -1 : da > db ? 1 : 0;
}

/** Deduplicates and sorts an evidence list. */
export function normalizeEvidence(list: Evidence[]): Evidence[] {
  // Sorting first puts duplicates next to each other: no key string per entry (a monorepo has tens of thousands).
  const sorted = [...list].sort(compareEvidence);
  const unique: Evidence[] = [];
  let last: Evidence | undefined;
  for (const evidence of sorted) {
    if (last && last.file === evidence.file && last.line === evidence.line && last.detail === evidence.detail) continue;
    unique.push(evidence);
    last = evidence;
  }
  return unique;
}

/** Evidence entries kept per item, service and package; the rest is counted in `evidenceCount`. */
export const MAX_EVIDENCE = 20;

/** Services and packages kept in the context; the rest is counted in `serviceCount` / `packageCount`. */
export const MAX_LISTED = 100;

/**
 * Bounds the context whatever the repository size: keeps the first MAX_EVIDENCE entries (in
 * their sorted order) of every evidence list, recording the total as `evidenceCount`, and
 * the first MAX_LISTED services and packages, recording `serviceCount` / `packageCount`. A
 * monorepo of 1,300 packages would otherwise cite every package.json for javascript and
 * make a megabyte-sized context.
 */
export function limitEvidence<T extends MergedContext>(context: T, max = MAX_EVIDENCE, maxListed = MAX_LISTED): T {
  const cut = <E extends { evidence: Evidence[]; evidenceCount?: number }>(entry: E): E =>
    entry.evidence.length <= max ? entry : { ...entry, evidence: entry.evidence.slice(0, max), evidenceCount: entry.evidenceCount ?? entry.evidence.length };
  const result: T = { ...context };
  for (const category of CONTEXT_CATEGORIES) result[category] = context[category].map(cut);
  result.services = context.services.slice(0, maxListed).map(cut);
  result.packages = context.packages.slice(0, maxListed).map(cut);
  if (context.services.length > maxListed) result.serviceCount = context.serviceCount ?? context.services.length;
  if (context.packages.length > maxListed) result.packageCount = context.packageCount ?? context.packages.length;
  return result;
}

/** Picks the most specific version (`16.2` over `16`); ties go to the lexically smallest, for determinism. */
export function bestVersion(versions: Array<string | undefined>): string | undefined {
  const candidates = [...new Set(versions.filter((v): v is string => typeof v === "string" && v.trim() !== ""))];
  const specificity = (v: string) => (/^\d/.test(v) ? v.split(".").length * 2 : 1);
  candidates.sort((a, b) => specificity(b) - specificity(a) || (a < b ? -1 : a > b ? 1 : 0));
  return candidates[0];
}

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Merges every detector's findings into the context arrays: deduplicated, evidence merged, sorted. */
export function mergeFindings(findings: Finding[]): MergedContext {
  const items = new Map<string, { name: string; versions: Array<string | undefined>; evidence: Evidence[] }>();
  const services = new Map<string, ServiceItem>();
  const packages = new Map<string, PackageItem & { requiresWorkspace: boolean }>();
  const workspaces: Array<{ base: string; patterns: string[] }> = [];
  const warnings = new Map<string, { message: string; file?: string; line?: number }>();

  for (const finding of findings) {
    switch (finding.kind) {
      case "item": {
        const key = `${finding.category}\0${finding.name}`;
        const entry = items.get(key) ?? { name: finding.name, versions: [], evidence: [] };
        entry.versions.push(finding.version);
        entry.evidence.push(finding.evidence);
        items.set(key, entry);
        break;
      }
      case "service": {
        const key = `${finding.source}\0${finding.name}\0${finding.image ?? ""}`;
        const entry: ServiceItem = services.get(key) ?? {
          name: finding.name,
          ...(finding.image !== undefined ? { image: finding.image } : {}),
          source: finding.source,
          evidence: [],
        };
        entry.evidence.push(finding.evidence);
        services.set(key, entry);
        break;
      }
      case "package": {
        const existing = packages.get(finding.path);
        const requiresWorkspace = (existing?.requiresWorkspace ?? true) && finding.requiresWorkspace === true;
        const entry = existing ?? { name: finding.name, path: finding.path, evidence: [], requiresWorkspace };
        entry.requiresWorkspace = requiresWorkspace;
        entry.evidence.push(finding.evidence);
        packages.set(finding.path, entry);
        break;
      }
      case "workspace": {
        const slash = finding.evidence.file.lastIndexOf("/");
        workspaces.push({ base: slash < 0 ? "" : finding.evidence.file.slice(0, slash), patterns: finding.patterns });
        break;
      }
      case "warning": {
        const warning = { message: finding.message, file: finding.file, ...(finding.line !== undefined ? { line: finding.line } : {}) };
        warnings.set(`${finding.file}\0${finding.line ?? ""}\0${finding.message}`, warning);
        break;
      }
    }
  }

  const result = Object.fromEntries(CONTEXT_CATEGORIES.map((category) => [category, [] as ContextItem[]])) as unknown as MergedContext;
  for (const [key, entry] of items) {
    const category = key.slice(0, key.indexOf("\0")) as (typeof CONTEXT_CATEGORIES)[number];
    const version = bestVersion(entry.versions);
    result[category].push({ name: entry.name, ...(version !== undefined ? { version } : {}), evidence: normalizeEvidence(entry.evidence) });
  }
  for (const category of CONTEXT_CATEGORIES) result[category].sort(byName);

  result.services = [...services.values()]
    .map((service) => ({ ...service, evidence: normalizeEvidence(service.evidence) }))
    .sort((a, b) => byName(a, b) || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0) || ((a.image ?? "") < (b.image ?? "") ? -1 : 1));
  result.packages = [...packages.values()]
    .filter((pkg) => !pkg.requiresWorkspace || workspaces.some((ws) => matchesWorkspacePattern(pkg.path, ws.base, ws.patterns)))
    .map(({ requiresWorkspace: _ignored, ...pkg }) => ({ ...pkg, evidence: normalizeEvidence(pkg.evidence) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  result.warnings = [...warnings.values()].sort((a, b) =>
    compareEvidence({ file: a.file ?? "", line: a.line, detail: a.message }, { file: b.file ?? "", line: b.line, detail: b.message }),
  );
  return result;
}
