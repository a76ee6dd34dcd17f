// The timeline page: decisions grouped by year and month, newest first, undated ones last,
// each with its status and its supersede relations written out as text.
import { adrLabel, escapeHtml, statusBadge } from "./html.js";
import type { SiteAdr, SiteModel } from "./model.js";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export interface TimelineMonth {
  /** "2024-03" */
  key: string;
  /** "March 2024" */
  label: string;
  adrs: SiteAdr[];
}

export interface TimelineYear {
  year: string;
  months: TimelineMonth[];
}

/** Groups dated ADRs by year and month, newest first (same day: higher number first); undated ones are returned apart in model order. */
export function groupByMonth(adrs: readonly SiteAdr[]): { years: TimelineYear[]; undated: SiteAdr[] } {
  const dated = adrs.filter((a) => a.date !== null && /^\d{4}-\d{2}/.test(a.date));
  const undated = adrs.filter((a) => !dated.includes(a));
  const sorted = [...dated].sort((a, b) => cmp(b.date!, a.date!) || (b.number ?? -1) - (a.number ?? -1) || cmp(a.id, b.id));
  const years: TimelineYear[] = [];
  for (const adr of sorted) {
    const year = adr.date!.slice(0, 4);
    const key = adr.date!.slice(0, 7);
    let y = years.at(-1);
    if (y?.year !== year) years.push((y = { year, months: [] }));
    let m = y.months.at(-1);
    if (m?.key !== key) y.months.push((m = { key, label: `${MONTHS[Number(key.slice(5, 7)) - 1] ?? key.slice(5, 7)} ${year}`, adrs: [] }));
    m.adrs.push(adr);
  }
  return { years, undated };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function relations(adr: SiteAdr, byId: Map<string, SiteAdr>): string {
  const mention = (id: string) => {
    const other = byId.get(id);
    return other ? `<a href="${escapeHtml(other.href)}">${escapeHtml(adrLabel(other))}</a>` : escapeHtml(id);
  };
  const parts = [
    ...adr.supersedes.map((id) => `supersedes → ${mention(id)}`),
    ...adr.supersededBy.map((id) => `superseded by ← ${mention(id)}`),
  ];
  return parts.length === 0 ? "" : `<p class="relations">${parts.join("; ")}</p>`;
}

function entry(adr: SiteAdr, byId: Map<string, SiteAdr>, multiDir: boolean): string {
  // Numbers repeat across ADR directories, so a log of several names each entry's directory.
  const dir = multiDir ? ` <span class="hit-dir">in ${escapeHtml(adr.dirLabel)}</span>` : "";
  const date = adr.date ? `<time datetime="${escapeHtml(adr.date)}">${escapeHtml(adr.date)}</time> ` : "";
  const number = adr.number === null ? "" : `<span class="adr-number">${escapeHtml(adrLabel(adr))}</span> `;
  return `<li>${date}${number}<a href="${escapeHtml(adr.href)}">${escapeHtml(adr.title)}</a> ${statusBadge(adr.status)}${dir}${relations(adr, byId)}</li>`;
}

/** The timeline page body (for renderLayout). */
export function renderTimelinePage(model: SiteModel): string {
  if (model.adrs.length === 0) return `<h1>Timeline</h1>\n<p class="empty">No decisions recorded yet.</p>`;
  const byId = new Map(model.adrs.map((a) => [a.id, a]));
  const multiDir = new Set(model.adrs.map((a) => a.dirLabel)).size > 1;
  const { years, undated } = groupByMonth(model.adrs);
  const list = (adrs: SiteAdr[]) => `<ol class="timeline-list">\n${adrs.map((a) => entry(a, byId, multiDir)).join("\n")}\n</ol>`;
  const sections = years.map(
    (y) => `<section class="timeline-year" aria-labelledby="year-${y.year}">
<h2 id="year-${y.year}">${y.year}</h2>
${y.months.map((m) => `<h3 id="month-${m.key}">${escapeHtml(m.label)}</h3>\n${list(m.adrs)}`).join("\n")}
</section>`,
  );
  if (undated.length > 0) {
    sections.push(`<section class="timeline-year" aria-labelledby="undated">
<h2 id="undated">Undated</h2>
${list(undated)}
</section>`);
  }
  return `<h1>Timeline</h1>\n${sections.join("\n")}`;
}
