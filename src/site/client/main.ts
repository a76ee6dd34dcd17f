/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Browser code: the DOM types come in here (the project lib is ES2023 for Node code; the jsdom tests pull in the same lib).
// The site's browser script (bundled into assets/site.js): the header search box on every
// page, and on the index page the status/tag filters, search results, live count and URL-hash
// state. It only reads data already on the page or in assets/search-index.js: no requests.
import { statusClass } from "../html.js";
import { countText, EMPTY_STATE, formatState, isFiltered, matchesFilters, parseState, type ViewState } from "./filter.js";
import { SEARCH_GLOBAL } from "./search-data.js";
import { loadSiteSearch, searchSite, type SiteHit, type SiteSearch } from "./search.js";

/** Hits listed with a snippet; the count still covers every match. */
const MAX_SHOWN_HITS = 50;
/** Typing waits this long for the next key before searching; filters and Enter apply at once. */
const TYPING_DELAY_MS = 120;

interface IndexPage {
  rows: Array<{ el: HTMLElement; status: string; tags: string[] }>;
  filters: HTMLFormElement | null;
  tagSelect: HTMLSelectElement | null;
  count: HTMLElement;
  results: HTMLElement;
  table: HTMLElement;
  /** The search index, loaded on first use: a large index takes a moment to load, and many visits never search. */
  search: () => SiteSearch | null;
  /** The ADRs come from several directories, so hits name theirs (numbers repeat across them). */
  multiDir: boolean;
}

function parseTags(value: string | undefined): string[] {
  try {
    const tags: unknown = JSON.parse(value ?? "[]");
    return Array.isArray(tags) ? tags.map(String) : [];
  } catch {
    return [];
  }
}

function findIndexPage(doc: Document): IndexPage | null {
  const table = doc.getElementById("adr-table");
  const count = doc.getElementById("adr-count");
  const results = doc.getElementById("search-results");
  if (!table || !count || !results) return null;
  const rows = [...table.querySelectorAll<HTMLElement>("tbody tr[data-id]")].map((el) => ({ el, status: el.dataset.status ?? "", tags: parseTags(el.dataset.tags) }));
  let search: SiteSearch | null | undefined;
  return {
    rows,
    filters: doc.getElementById("adr-filters") as HTMLFormElement | null,
    tagSelect: doc.getElementById("filter-tag") as HTMLSelectElement | null,
    count,
    results,
    table: (table.closest(".table-wrap") as HTMLElement | null) ?? table,
    search: () => (search ??= loadSiteSearch((doc.defaultView as unknown as Record<string, unknown> | null)?.[SEARCH_GLOBAL])),
    multiDir: table.querySelector(".col-dir") !== null,
  };
}

/**
 * The page path of every ADR (load-model.ts: `adr/<id>.html`, ids from site-ids.ts). The search data is a
 * separate file a build may take from a cache: a hit whose href is anything else (`javascript:`, another
 * site) is listed without a link rather than followed.
 */
const ADR_HREF = /^adr\/[a-z0-9][a-z0-9-]*\.html$/;

function hitItem(doc: Document, hit: SiteHit, root: string, multiDir: boolean): HTMLLIElement {
  const li = doc.createElement("li");
  const linked = ADR_HREF.test(hit.href);
  const link = doc.createElement(linked ? "a" : "span");
  if (linked) link.setAttribute("href", root + hit.href);
  link.textContent = hit.number === null ? hit.title : `ADR ${hit.number}: ${hit.title}`;
  const badge = doc.createElement("span");
  badge.className = `badge ${statusClass(hit.status)}`;
  badge.textContent = hit.status ?? "no status";
  const snippet = doc.createElement("p");
  snippet.className = "snippet";
  // Text nodes and <mark> elements only: the snippet is plain text and stays that way.
  let at = 0;
  for (const [start, end] of hit.highlights) {
    if (start < at) continue;
    snippet.append(hit.snippet.slice(at, start));
    const mark = doc.createElement("mark");
    mark.textContent = hit.snippet.slice(start, end);
    snippet.append(mark);
    at = end;
  }
  snippet.append(hit.snippet.slice(at));
  li.append(link, " ", badge);
  if (multiDir && hit.dirLabel !== "") {
    const dir = doc.createElement("span");
    dir.className = "hit-dir";
    dir.textContent = ` in ${hit.dirLabel}`;
    li.append(dir);
  }
  li.append(snippet);
  return li;
}

/** Shows the rows or hits the state selects and announces the count; returns how many are shown. */
function render(doc: Document, page: IndexPage, state: ViewState, root: string): number {
  let shown = 0;
  const list = page.results.querySelector("ol") ?? page.results.appendChild(doc.createElement("ol"));
  const search = state.query === "" ? null : page.search();
  if (search) {
    const { total, hits } = searchSite(search, state.query, state, MAX_SHOWN_HITS);
    const items: HTMLElement[] = hits.map((hit) => hitItem(doc, hit, root, page.multiDir));
    if (total > hits.length) {
      const more = doc.createElement("li");
      more.className = "more-hits";
      more.textContent = `${total - hits.length} more: add words or filters to narrow the search.`;
      items.push(more);
    }
    list.replaceChildren(...items);
    page.results.hidden = false;
    page.table.hidden = true;
    shown = total;
  } else {
    // Without the index (the script file missing) a query narrows by title text.
    const needle = state.query.toLowerCase();
    for (const row of page.rows) {
      const visible = matchesFilters(row, state) && (needle === "" || (row.el.textContent ?? "").toLowerCase().includes(needle));
      row.el.hidden = !visible;
      if (visible) shown++;
    }
    list.replaceChildren();
    page.results.hidden = true;
    page.table.hidden = false;
  }
  const text = countText(shown, page.rows.length, isFiltered(state));
  if (page.count.textContent !== text) page.count.textContent = text;
  return shown;
}

function syncControls(page: IndexPage, input: HTMLInputElement | null, state: ViewState): void {
  if (input && input.value !== state.query) input.value = state.query;
  for (const box of page.filters?.querySelectorAll<HTMLInputElement>('input[name="status"]') ?? []) box.checked = state.statuses.includes(box.value);
  if (page.tagSelect) page.tagSelect.value = state.tag ?? "";
}

function readControls(page: IndexPage, input: HTMLInputElement | null): ViewState {
  const statuses = [...(page.filters?.querySelectorAll<HTMLInputElement>('input[name="status"]:checked') ?? [])].map((b) => b.value);
  const tag = page.tagSelect?.value ?? "";
  return { query: input?.value.trim() ?? "", statuses, tag: tag === "" ? null : tag };
}

/** Puts the state in the address bar without adding a history entry per keystroke. */
function writeHash(win: Window, hash: string): void {
  if (win.location.hash === hash || (hash === "" && win.location.hash === "#")) return;
  const base = win.location.href.split("#")[0]!;
  try {
    win.history.replaceState(null, "", hash === "" ? base : base + hash);
  } catch {
    // Some engines refuse replaceState on file:// URLs (jsdom does); a fragment change always works.
    if (hash === "") win.location.hash = "";
    else win.location.replace(hash);
  }
}

function startIndexPage(doc: Document, page: IndexPage, input: HTMLInputElement | null, root: string): void {
  const win = doc.defaultView!;
  const initial = (): ViewState => {
    const fromHash = parseState(win.location.hash);
    // A search submitted from another page (or without the script) arrives as ?q=.
    return fromHash.query === "" ? { ...fromHash, query: parseState(win.location.search).query } : fromHash;
  };
  let state = initial();
  const update = (next: ViewState) => {
    state = next;
    render(doc, page, state, root);
    writeHash(win, formatState(state));
  };
  let typing: ReturnType<typeof setTimeout> | undefined;
  const now = (): void => {
    clearTimeout(typing);
    update(readControls(page, input));
  };
  if (page.filters) {
    page.filters.hidden = false;
    page.filters.addEventListener("change", () => now());
    page.filters.addEventListener("reset", (event) => {
      event.preventDefault();
      clearTimeout(typing);
      syncControls(page, input, EMPTY_STATE);
      update(EMPTY_STATE);
    });
  }
  input?.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(now, TYPING_DELAY_MS);
  });
  input?.form?.addEventListener("submit", (event) => {
    event.preventDefault();
    now();
  });
  win.addEventListener("hashchange", () => {
    // Our own fragment writes (where replaceState is refused) come back here: nothing to restore.
    if (win.location.hash === formatState(state)) return;
    const next = parseState(win.location.hash);
    syncControls(page, input, next);
    state = next;
    render(doc, page, state, root);
  });
  syncControls(page, input, state);
  render(doc, page, state, root);
}

/** Wires the page: index behaviour where the ADR table is, else a search box that opens the index. */
export function start(doc: Document): void {
  const root = doc.documentElement.dataset.root ?? "";
  const input = doc.getElementById("site-search-input") as HTMLInputElement | null;
  const page = findIndexPage(doc);
  if (page) return startIndexPage(doc, page, input, root);
  input?.form?.addEventListener("submit", (event) => {
    event.preventDefault();
    const hash = formatState({ ...EMPTY_STATE, query: input.value });
    doc.defaultView!.location.href = `${root}index.html${hash}`;
  });
}

if (typeof document !== "undefined") {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => start(document));
  else start(document);
}
