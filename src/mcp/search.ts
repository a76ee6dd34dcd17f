// A small ranked search over ADR titles and bodies for the MCP server. adrgen has no search
// command yet (issue 10); when it lands, search_decisions should call it instead.

/** One searchable ADR: what the ranking reads. */
export interface SearchableAdr {
  number: number | null;
  title: string | null;
  status: string | null;
  path: string;
  text: string;
}

/** A hit: the ADR, its score and a snippet around the first match in the body. */
export interface SearchHit {
  number: number | null;
  title: string | null;
  status: string | null;
  path: string;
  score: number;
  snippet: string;
}

// Words that match nearly every ADR and would drown the terms that matter.
const STOP_WORDS = new Set(["a", "an", "and", "for", "in", "of", "on", "or", "the", "to", "use", "we", "with", "is", "be", "it"]);

/** Lower-cased search terms of a query: words of two or more characters, stop words dropped unless nothing else is left. */
export function searchTerms(query: string): string[] {
  const words = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 2);
  const kept = words.filter((word) => !STOP_WORDS.has(word));
  return [...new Set(kept.length > 0 ? kept : words)];
}

function countOccurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

/** About 160 characters of the body around the first occurrence of any term, on one line. */
function snippetFor(text: string, lower: string, needles: string[]): string {
  const positions = needles.map((needle) => lower.indexOf(needle)).filter((at) => at >= 0);
  const first = positions.length > 0 ? Math.min(...positions) : 0;
  const start = Math.max(0, first - 60);
  const piece = text.slice(start, start + 160).replace(/\s+/g, " ").trim();
  return `${start > 0 ? "…" : ""}${piece}${start + 160 < text.length ? "…" : ""}`;
}

/**
 * Ranks ADRs against a query: the exact phrase in the title scores highest, then each term in
 * the title, then the phrase and terms in the body (capped so long files do not win by length).
 * ADRs matching no term are left out; ties keep the input order.
 */
export function rankDecisions(adrs: readonly SearchableAdr[], query: string, limit = 10): SearchHit[] {
  const phrase = query.trim().toLowerCase().replace(/\s+/g, " ");
  const terms = searchTerms(query);
  if (phrase === "") return [];
  const scored = adrs.map((adr, order) => {
    const title = (adr.title ?? "").toLowerCase();
    const body = adr.text.toLowerCase();
    let score = 0;
    if (title.includes(phrase)) score += 20;
    if (body.includes(phrase)) score += 6;
    let matchedTerms = 0;
    for (const term of terms) {
      const inTitle = title.includes(term);
      const inBody = countOccurrences(body, term);
      if (inTitle || inBody > 0) matchedTerms++;
      if (inTitle) score += 8;
      score += Math.min(inBody, 5);
    }
    // An ADR that mentions every term beats one that repeats a single term many times.
    if (terms.length > 1 && matchedTerms === terms.length) score += 5;
    return { adr, order, score, lower: body };
  });
  return scored
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, Math.max(1, limit))
    .map(({ adr, score, lower }) => ({
      number: adr.number,
      title: adr.title,
      status: adr.status,
      path: adr.path,
      score,
      snippet: snippetFor(adr.text, lower, [phrase, ...terms]),
    }));
}
