// Supersede and link relations resolved to page ids within the site, in both directions: when 0005 says
// it supersedes 0002, 0002's page says "superseded by 0005" even if its own file does not.
import type { AdrRef, AdrSummary } from "../domain/adr.js";
import { resolveRef } from "../domain/adr-index.js";
import { normalizeRelationType, reverseRelationType } from "../domain/relation-types.js";

/** The relations of one ADR as page ids, plus the references that point nowhere in the site. */
export interface ResolvedRelations {
  supersedes: string[];
  supersededBy: string[];
  links: Array<{ type: string; id: string }>;
  warnings: string[];
}

/** Resolves every ADR's relations to the ids of the other ADRs (`ids[i]` is `adrs[i]`'s id). */
export function resolveRelations(adrs: readonly AdrSummary[], ids: readonly string[]): ResolvedRelations[] {
  const result: ResolvedRelations[] = adrs.map(() => ({ supersedes: [], supersededBy: [], links: [], warnings: [] }));
  const indexOf = new Map(adrs.map((adr, i) => [adr, i]));
  const byDir = new Map<string, AdrSummary[]>();
  for (const adr of adrs) {
    const list = byDir.get(adr.dirLabel);
    if (list) list.push(adr);
    else byDir.set(adr.dirLabel, [adr]);
  }
  const all = [...adrs];
  // A bare number means an ADR of the same directory first; other directories only when it is unique there.
  const find = (ref: AdrRef, source: AdrSummary): number | undefined => {
    const target = resolveRef(ref, source, byDir.get(source.dirLabel) ?? []) ?? resolveRef(ref, source, all);
    return target === undefined ? undefined : indexOf.get(target);
  };
  const addUnique = (list: string[], id: string) => {
    if (!list.includes(id)) list.push(id);
  };
  const addLink = (i: number, type: string, id: string) => {
    if (!result[i]!.links.some((l) => l.type === type && l.id === id)) result[i]!.links.push({ type, id });
  };
  const unresolved = (i: number, what: string, ref: AdrRef) => {
    const line = ref.line === undefined ? "" : `Line ${ref.line}: `;
    result[i]!.warnings.push(`${line}${what} ${ref.target}, which is not a decision of this site.`);
  };

  adrs.forEach((adr, i) => {
    for (const ref of adr.supersedes) {
      const j = find(ref, adr);
      if (j === undefined || j === i) unresolved(i, "Supersedes", ref);
      else {
        addUnique(result[i]!.supersedes, ids[j]!);
        addUnique(result[j]!.supersededBy, ids[i]!);
      }
    }
    for (const ref of adr.supersededBy) {
      const j = find(ref, adr);
      if (j === undefined || j === i) unresolved(i, "Superseded by", ref);
      else {
        addUnique(result[i]!.supersededBy, ids[j]!);
        addUnique(result[j]!.supersedes, ids[i]!);
      }
    }
    for (const link of adr.links) {
      const type = normalizeRelationType(link.type);
      const j = find(link, adr);
      if (j === undefined || j === i) unresolved(i, capitalise(type), link);
      else {
        addLink(i, type, ids[j]!);
        addLink(j, reverseRelationType(type), ids[i]!);
      }
    }
  });
  return result;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
