import path from "node:path";
import type { AdrRef, AdrSummary } from "./adr.js";
import { isPassiveRelation, isSymmetricRelation, normalizeRelationType, reverseRelationType } from "./relation-types.js";

export const INDEX_START = "<!-- adrgen:index:start -->";
export const INDEX_END = "<!-- adrgen:index:end -->";

/** An edge of the relation graph: `from` <type> `to`, in the active voice. */
export interface IndexEdge {
  from: AdrSummary;
  to: AdrSummary;
  type: string;
}

/** Orders ADRs by number (unnumbered last), then by path, so the index never depends on read order. */
export function sortForIndex(adrs: AdrSummary[]): AdrSummary[] {
  return [...adrs].sort((a, b) => {
    if (a.number !== b.number) return a.number === null ? 1 : b.number === null ? -1 : a.number - b.number;
    return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
  });
}

// Link targets may be percent-encoded (`my%20file.md`); a malformed escape is taken literally.
function safeDecode(target: string): string {
  try {
    return decodeURI(target);
  } catch {
    return target;
  }
}

/** Finds the ADR a reference points at: by link path, by slug, else by a number only one file has. */
export function resolveRef(ref: AdrRef, source: AdrSummary, adrs: AdrSummary[]): AdrSummary | undefined {
  const target = ref.target.trim().replace(/^<|>$/g, "").split("#")[0]!;
  if (/\.md$/i.test(target)) {
    const abs = path.resolve(path.dirname(source.path), safeDecode(target));
    const byPath = adrs.find((a) => a.path === abs);
    if (byPath) return byPath;
  }
  const slug = path.posix.basename(target.replace(/\\/g, "/")).replace(/\.md$/i, "");
  const bySlug = adrs.find((a) => path.basename(a.path, ".md") === slug);
  if (bySlug) return bySlug;
  if (ref.number === null) return undefined;
  const byNumber = adrs.filter((a) => a.number === ref.number);
  return byNumber.length === 1 ? byNumber[0] : undefined;
}

/** Every supersede and link relation between the given ADRs, each drawn once in the active voice. */
export function collectEdges(adrs: AdrSummary[]): IndexEdge[] {
  const order = new Map(sortForIndex(adrs).map((a, i) => [a, i]));
  const edges = new Map<string, IndexEdge>();
  const add = (from: AdrSummary, to: AdrSummary, rawType: string): void => {
    let type = normalizeRelationType(rawType);
    if (from === to || type === "") return;
    if (isPassiveRelation(type)) [from, to, type] = [to, from, reverseRelationType(type)];
    if (isSymmetricRelation(type) && order.get(from)! > order.get(to)!) [from, to] = [to, from];
    const key = `${order.get(from)}|${order.get(to)}|${type}`;
    if (!edges.has(key)) edges.set(key, { from, to, type });
  };
  for (const adr of adrs) {
    for (const ref of adr.supersedes) {
      const target = resolveRef(ref, adr, adrs);
      if (target) add(adr, target, "supersedes");
    }
    for (const ref of adr.supersededBy) {
      const target = resolveRef(ref, adr, adrs);
      if (target) add(target, adr, "supersedes");
    }
    for (const link of adr.links) {
      const target = resolveRef(link, adr, adrs);
      if (target) add(adr, target, link.type);
    }
  }
  return [...edges.values()].sort(
    (a, b) => order.get(a.from)! - order.get(b.from)! || order.get(a.to)! - order.get(b.to)! || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0),
  );
}
