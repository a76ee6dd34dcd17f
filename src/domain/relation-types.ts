/** Relation types with their reverse, active voice first (`amends` / `amended by`). */
export const RELATION_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ["supersedes", "superseded by"],
  ["amends", "amended by"],
  ["extends", "extended by"],
  ["refines", "refined by"],
  ["clarifies", "clarified by"],
  ["replaces", "replaced by"],
  ["implements", "implemented by"],
  ["enables", "enabled by"],
  ["depends on", "is depended on by"],
  ["requires", "required by"],
  ["influences", "influenced by"],
  ["relates to", "relates to"],
  ["conflicts with", "conflicts with"],
];

/** Lower-cased, single-spaced relation type: `Amended  By` → `amended by`. */
export function normalizeRelationType(type: string): string {
  return type.trim().replace(/\s+/g, " ").toLowerCase();
}

/**
 * The type the other ADR records: `amends` → `amended by`, `amended by` → `amends`,
 * `relates to` → `relates to`. An unknown single verb gets a past participle (`obsoletes`
 * → `obsoleted by`); any other phrase is taken as symmetric.
 */
export function reverseRelationType(type: string): string {
  const t = normalizeRelationType(type);
  for (const [active, passive] of RELATION_PAIRS) {
    if (t === active) return passive;
    if (t === passive) return active;
  }
  const verb = /^([a-z]+)s$/.exec(t)?.[1];
  if (verb && !verb.endsWith("s")) {
    if (verb.endsWith("ie")) return `${verb.slice(0, -2)}ied by`;
    return verb.endsWith("e") ? `${verb}d by` : `${verb}ed by`;
  }
  const stem = /^([a-z]+)ed by$/.exec(t)?.[1];
  if (stem) {
    // blocked → blocks, fixed → fixes, obsoleted → obsoletes.
    if (/(x|s|sh|ch)$/.test(stem)) return `${stem}es`;
    return /[^aeiou][^aeiouwy]$/.test(stem) || /[wy]$/.test(stem) ? `${stem}s` : `${stem}es`;
  }
  return t;
}

/** True when a type reads the same both ways (`relates to`). */
export function isSymmetricRelation(type: string): boolean {
  return reverseRelationType(type) === normalizeRelationType(type);
}

/** True when a type is the passive side of a pair (`amended by`), which graphs draw the other way round. */
export function isPassiveRelation(type: string): boolean {
  const t = normalizeRelationType(type);
  return RELATION_PAIRS.some(([active, passive]) => t === passive && active !== passive) || (/ by$/.test(t) && !isSymmetricRelation(t));
}
