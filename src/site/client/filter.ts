// The index page's view state (query, statuses, tag), its URL-hash form and the filter test.
// Pure functions: the browser script, jsdom tests and unit tests all call them.

/** What the index shows: a search query plus any-of statuses and one tag. */
export interface ViewState {
  query: string;
  /** Any of these statuses; empty means every status. */
  statuses: string[];
  /** Only ADRs with this tag; null means every tag. */
  tag: string | null;
}

/** The filter value standing for "no status" (no real status is written in parentheses). */
export const NO_STATUS = "(none)";

/** The status value an ADR filters by: its status, or NO_STATUS. */
export function statusKey(status: string | null): string {
  return status === null || status === "" ? NO_STATUS : status;
}

/** The view with no query and no filters. */
export const EMPTY_STATE: ViewState = { query: "", statuses: [], tag: null };

/** Reads a state from a URL hash (`#q=kafka&status=accepted&status=proposed&tag=db`) or query string. */
export function parseState(fragment: string): ViewState {
  const params = new URLSearchParams(fragment.replace(/^[#?]/, ""));
  const statuses = [...new Set(params.getAll("status").filter((s) => s !== ""))];
  const tag = params.get("tag");
  return { query: params.get("q")?.trim() ?? "", statuses, tag: tag === null || tag === "" ? null : tag };
}

/** The hash for a state: "" for the empty view, so an unfiltered index keeps a clean URL. */
export function formatState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.query.trim() !== "") params.set("q", state.query.trim());
  for (const status of state.statuses) params.append("status", status);
  if (state.tag !== null) params.set("tag", state.tag);
  const text = params.toString();
  return text === "" ? "" : `#${text}`;
}

/** True when the state filters or searches anything. */
export function isFiltered(state: ViewState): boolean {
  return state.query.trim() !== "" || state.statuses.length > 0 || state.tag !== null;
}

/** True when an ADR (its status key and tags) passes the state's status and tag filters. */
export function matchesFilters(item: { status: string; tags: readonly string[] }, state: ViewState): boolean {
  if (state.statuses.length > 0 && !state.statuses.includes(item.status)) return false;
  return state.tag === null || item.tags.includes(state.tag);
}

/** The live region's text: "12 decisions" unfiltered, "3 of 12 decisions" otherwise. */
export function countText(shown: number, total: number, filtered: boolean): string {
  const noun = total === 1 ? "decision" : "decisions";
  return filtered ? `${shown} of ${total} ${noun}` : `${total} ${noun}`;
}
