// The site's front page: every ADR in one table, with status and tag filters and a search
// results list that the browser script (client/main.ts) drives. Without JavaScript the full
// table shows and the filter controls stay hidden.
import { KNOWN_STATUSES, escapeHtml, statusBadge } from "./html.js";
import { NO_STATUS, countText, statusKey } from "./client/filter.js";
import type { SiteAdr, SiteModel } from "./model.js";

export { NO_STATUS, statusKey };


/** Statuses present in the model with their counts: known statuses first in lifecycle order, then others, then none. */
export function statusCounts(adrs: readonly SiteAdr[]): Array<{ status: string; count: number }> {
  const counts = new Map<string, number>();
  for (const adr of adrs) counts.set(statusKey(adr.status), (counts.get(statusKey(adr.status)) ?? 0) + 1);
  const rank = (s: string) => (s === NO_STATUS ? 2 : (KNOWN_STATUSES as readonly string[]).includes(s) ? 0 : 1);
  const known = (s: string) => (KNOWN_STATUSES as readonly string[]).indexOf(s);
  return [...counts]
    .map(([status, count]) => ({ status, count }))
    .sort((a, b) => rank(a.status) - rank(b.status) || known(a.status) - known(b.status) || (a.status < b.status ? -1 : a.status > b.status ? 1 : 0));
}

/** Tags present in the model, sorted, with their counts. */
export function tagCounts(adrs: readonly SiteAdr[]): Array<{ tag: string; count: number }> {
  const counts = new Map<string, number>();
  for (const adr of adrs) for (const tag of new Set(adr.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
}

function filterControls(adrs: readonly SiteAdr[]): string {
  const statuses = statusCounts(adrs)
    .map(({ status, count }) => {
      const label = status === NO_STATUS ? "no status" : status;
      return `<label><input type="checkbox" name="status" value="${escapeHtml(status)}"> ${escapeHtml(label)} <span class="count">(${count})</span></label>`;
    })
    .join("\n");
  const tags = tagCounts(adrs);
  const tagSelect =
    tags.length === 0
      ? ""
      : `<div class="filter-tag"><label for="filter-tag">Tag</label>
<select id="filter-tag" name="tag"><option value="">All tags</option>${tags.map(({ tag, count }) => `<option value="${escapeHtml(tag)}">${escapeHtml(tag)} (${count})</option>`).join("")}</select></div>`;
  // Hidden until the script runs: without it the controls could not do anything.
  return `<form class="filters" id="adr-filters" hidden>
<fieldset class="filter-status"><legend>Status</legend>
${statuses}
</fieldset>
${tagSelect}
<button type="reset" id="filter-reset">Show all</button>
</form>`;
}

function row(adr: SiteAdr, showDir: boolean): string {
  const tags = adr.tags.length === 0 ? "" : `<ul class="tags">${adr.tags.map((t) => `<li>${escapeHtml(t)}</li>`).join("")}</ul>`;
  const date = adr.date ? `<time datetime="${escapeHtml(adr.date)}">${escapeHtml(adr.date)}</time>` : "";
  const cells = [
    `<td class="col-number" data-label="No.">${adr.number === null ? "" : escapeHtml(adr.number)}</td>`,
    `<th scope="row" class="col-title" data-label="Title"><a href="${escapeHtml(adr.href)}">${escapeHtml(adr.title)}</a></th>`,
    `<td class="col-status" data-label="Status">${statusBadge(adr.status)}</td>`,
    `<td class="col-date" data-label="Date">${date}</td>`,
    `<td class="col-tags" data-label="Tags">${tags}</td>`,
    showDir ? `<td class="col-dir" data-label="Directory">${escapeHtml(adr.dirLabel)}</td>` : "",
  ];
  const data = `data-id="${escapeHtml(adr.id)}" data-status="${escapeHtml(statusKey(adr.status))}" data-tags="${escapeHtml(JSON.stringify(adr.tags))}"`;
  return `<tr ${data}>${cells.join("")}</tr>`;
}

/** The index page body (for renderLayout): heading, filters, live count, search results and the ADR table. */
export function renderIndexPage(model: SiteModel): string {
  const total = model.adrs.length;
  if (total === 0) return `<h1>Decisions</h1>\n<p class="empty">No decisions recorded yet.</p>`;
  const showDir = new Set(model.adrs.map((a) => a.dirLabel)).size > 1;
  const head = ["No.", "Title", "Status", "Date", "Tags", ...(showDir ? ["Directory"] : [])].map((h) => `<th scope="col">${h}</th>`).join("");
  return `<h1>Decisions</h1>
${filterControls(model.adrs)}
<p id="adr-count" class="result-count" role="status" aria-live="polite" data-total="${total}">${countText(total, total, false)}</p>
<section id="search-results" class="search-results" aria-label="Search results" hidden><ol></ol></section>
<div class="table-wrap">
<table class="adr-table" id="adr-table" aria-label="Decisions">
<thead><tr>${head}</tr></thead>
<tbody>
${model.adrs.map((adr) => row(adr, showDir)).join("\n")}
</tbody>
</table>
</div>`;
}
