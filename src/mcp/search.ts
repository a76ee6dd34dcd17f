// search_decisions answers with the same ranking as `adrgen search` (src/search); this file only
// shapes its hits into the tool's documented output.
import { LINE_WIDTH } from "../search/lines.js";
import type { SearchHit } from "../search/search.js";

/** A hit as search_decisions returns it: the ADR, its score and a one-line snippet. */
export interface McpSearchHit {
  number: number | null;
  title: string | null;
  status: string | null;
  path: string;
  score: number;
  snippet: string;
}

/** The snippet of a hit: its matching lines joined with " … ", else the start of its body. */
export function snippetOf(hit: SearchHit): string {
  if (hit.matches.length > 0) return hit.matches.map((m) => m.text).join(" … ");
  const first = hit.doc.text.split("\n").find((line) => line !== "" && line !== hit.doc.title) ?? "";
  return first.length > LINE_WIDTH ? `${first.slice(0, LINE_WIDTH).trim()}…` : first;
}

/** Shapes ranked hits for the MCP tool (paths relative to the repository root). */
export function mcpSearchHits(hits: SearchHit[]): McpSearchHit[] {
  return hits.map((hit) => ({
    number: hit.doc.number,
    title: hit.doc.title,
    status: hit.doc.status,
    path: hit.doc.relPath,
    score: hit.score,
    snippet: snippetOf(hit),
  }));
}
