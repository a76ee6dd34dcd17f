// Page ids: one per ADR, unique across ADR directories and safe as a file name on every system
// (`docs/adr/0003-Use Postgres.md` → `docs-adr-0003-use-postgres`).

const MAX_ID_LENGTH = 100;
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[1-9]|lpt[1-9])$/;

/** The id stem of a repository-relative ADR path: lower-case ASCII letters, digits and hyphens. */
export function idStem(relPath: string): string {
  const stem = relPath
    .replace(/\.md$/i, "")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_ID_LENGTH)
    .replace(/-+$/, "");
  if (stem === "") return "adr";
  return WINDOWS_RESERVED.test(stem) ? `${stem}-adr` : stem;
}

/** Ids for the given paths, in order; paths whose stems collide (case, punctuation, length) get `-2`, `-3` … */
export function assignIds(relPaths: readonly string[]): string[] {
  const taken = new Set<string>();
  return relPaths.map((relPath) => {
    const stem = idStem(relPath);
    let id = stem;
    for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`;
    taken.add(id);
    return id;
  });
}
