// Heading anchors as GitHub makes them, so `0003-use-x.md#decision-outcome` links written for GitHub keep working.

/** Returns a function that turns heading text into a unique, GitHub-style id (`decision-outcome`, `options-1`). */
export function headingSlugger(reserved: readonly string[] = []): (text: string) => string {
  const seen = new Map<string, number>(reserved.map((id) => [id, 0]));
  return (text) => {
    const base = githubSlug(text) || "section";
    let slug = base;
    let count = seen.get(base) ?? 0;
    // A later heading may itself be named like an earlier duplicate's suffix (`a`, `a`, `a-1`).
    while (seen.has(slug)) slug = `${base}-${++count}`;
    seen.set(base, count);
    seen.set(slug, seen.get(slug) ?? 0);
    return slug;
  };
}

/** GitHub's slug: lower case, punctuation removed, each space a hyphen. */
export function githubSlug(text: string): string {
  return text
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}
