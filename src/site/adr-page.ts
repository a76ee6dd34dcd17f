// One ADR's page body (for renderLayout, at `adr/<id>.html`): title, status, date, tags, people,
// relations as links, problems found in the file, then the sanitised body and a way back.
import { adrLabel, escapeHtml, statusBadge } from "./html.js";
import type { SiteAdr, SiteModel } from "./model.js";

/** The article body of an ADR page; every href is relative to `adr/`. */
export function renderAdrPage(adr: SiteAdr, model: SiteModel): string {
  const byId = adrsById(model);
  const heading = adr.number === null ? escapeHtml(adr.title) : `<span class="adr-number">${escapeHtml(adrLabel(adr))}</span> ${escapeHtml(adr.title)}`;
  return `<article class="adr" aria-labelledby="adr-title">
<nav class="back-link" aria-label="Back"><a href="../index.html">&larr; All decisions</a></nav>
<header class="adr-header">
<h1 id="adr-title">${heading}</h1>
${facts(adr)}
${relations(adr, byId)}
</header>
${warningBox(adr)}
<div class="adr-body">
${adr.bodyHtml}
</div>
<footer class="adr-source"><p>Source: <code>${escapeHtml(adr.relPath)}</code></p></footer>
</article>`;
}

// One lookup per model, not per page: a site of 1,000 ADRs would otherwise build a million entries.
const lookups = new WeakMap<SiteModel, Map<string, SiteAdr>>();
function adrsById(model: SiteModel): Map<string, SiteAdr> {
  let byId = lookups.get(model);
  if (!byId || byId.size !== model.adrs.length) {
    byId = new Map(model.adrs.map((a) => [a.id, a]));
    lookups.set(model, byId);
  }
  return byId;
}

function facts(adr: SiteAdr): string {
  const rows: Array<[string, string]> = [["Status", statusBadge(adr.status)]];
  if (adr.date) rows.push(["Date", `<time datetime="${escapeHtml(adr.date)}">${escapeHtml(adr.date)}</time>`]);
  else if (adr.dateRaw !== undefined) rows.push(["Date", `${escapeHtml(adr.dateRaw)} <span class="invalid">(not a valid date)</span>`]);
  if (adr.decisionMakers && adr.decisionMakers.length > 0) rows.push(["Decision makers", escapeHtml(adr.decisionMakers.join(", "))]);
  if (adr.tags.length > 0) rows.push(["Tags", `<ul class="tags">${adr.tags.map((t) => `<li>${escapeHtml(t)}</li>`).join("")}</ul>`]);
  return `<dl class="adr-facts">\n${rows.map(([term, value]) => `<div><dt>${term}</dt><dd>${value}</dd></div>`).join("\n")}\n</dl>`;
}

// Ids not in the model (a caller's hand-made model) are left out rather than linked to a missing page.
function relations(adr: SiteAdr, byId: Map<string, SiteAdr>): string {
  const groups = new Map<string, SiteAdr[]>();
  const add = (label: string, id: string) => {
    const target = byId.get(id);
    if (!target) return;
    groups.set(label, [...(groups.get(label) ?? []), target]);
  };
  for (const id of adr.supersedes) add("Supersedes", id);
  for (const id of adr.supersededBy) add("Superseded by", id);
  for (const link of adr.links) add(link.type.charAt(0).toUpperCase() + link.type.slice(1), link.id);
  if (groups.size === 0) return "";
  const items = [...groups].map(([label, targets]) => {
    const links = targets.map((t) => `<a href="${escapeHtml(`${t.id}.html`)}">${escapeHtml(adrLabel(t))}: ${escapeHtml(t.title)}</a>`).join(", ");
    return `<li><span class="relation-type">${escapeHtml(label)}</span> ${links}</li>`;
  });
  return `<section class="adr-relations" aria-label="Related decisions"><ul>\n${items.join("\n")}\n</ul></section>`;
}

function warningBox(adr: SiteAdr): string {
  if (adr.warnings.length === 0) return "";
  return `<aside class="adr-warnings" role="note" aria-label="Problems in this file">
<p><strong>adrgen found problems in this file</strong>; the page shows what could be read.</p>
<ul>
${adr.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join("\n")}
</ul>
</aside>`;
}
