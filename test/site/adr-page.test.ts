// The ADR page body: heading, facts, relations as links, the warning box, the body, a way back.
import { describe, expect, it } from "@jest/globals";
import { renderAdrPage } from "../../src/site/adr-page.js";
import type { SiteAdr, SiteModel } from "../../src/site/model.js";

function adr(fields: Partial<SiteAdr> & { id: string }): SiteAdr {
  return {
    href: `adr/${fields.id}.html`,
    number: null,
    title: "Untitled",
    status: null,
    date: null,
    tags: [],
    relPath: `docs/adr/${fields.id}.md`,
    dirLabel: "docs/adr",
    supersedes: [],
    supersededBy: [],
    links: [],
    warnings: [],
    bodyHtml: "",
    text: "",
    ...fields,
  };
}

const queue = adr({
  id: "docs-adr-0002-use-queue",
  number: 2,
  title: "Use a <queue> & more",
  status: "accepted",
  date: "2024-02-03",
  tags: ["messaging", "infra"],
  decisionMakers: ["Ann", "Bo <bo@example.com>"],
  supersedes: ["docs-adr-0001-record"],
  links: [{ type: "amended by", id: "api-0001-rest" }, { type: "relates to", id: "gone" }],
  bodyHtml: '<h2 id="context">Context</h2>\n<p>Body.</p>',
});
const model: SiteModel = {
  title: "Decisions",
  generatedAt: "2026-01-15T00:00:00.000Z",
  adrs: [adr({ id: "docs-adr-0001-record", number: 1, title: "Record", status: "superseded", supersededBy: [queue.id] }), queue, adr({ id: "api-0001-rest", number: 1, title: "Use REST" })],
};

describe("renderAdrPage", () => {
  const html = renderAdrPage(queue, model);

  it("shows number and escaped title as the heading, then status, date, decision makers and tags", () => {
    expect(html).toContain('<h1 id="adr-title"><span class="adr-number">ADR 2</span> Use a &lt;queue&gt; &amp; more</h1>');
    expect(html).toContain('<span class="badge status-accepted">accepted</span>');
    expect(html).toContain('<time datetime="2024-02-03">2024-02-03</time>');
    expect(html).toContain("<dd>Ann, Bo &lt;bo@example.com&gt;</dd>");
    expect(html).toContain('<ul class="tags"><li>messaging</li><li>infra</li></ul>');
  });

  it("links relations to the other pages (relative to adr/) and leaves out ids the site does not have", () => {
    expect(html).toContain('<span class="relation-type">Supersedes</span> <a href="docs-adr-0001-record.html">ADR 1: Record</a>');
    expect(html).toContain('<span class="relation-type">Amended by</span> <a href="api-0001-rest.html">ADR 1: Use REST</a>');
    expect(html).not.toContain("gone");
    expect(html).not.toContain("Relates to");
  });

  it("puts the body after the header, a back link to the index and the source path", () => {
    expect(html.indexOf("<p>Body.</p>")).toBeGreaterThan(html.indexOf("</header>"));
    expect(html).toContain('<a href="../index.html">&larr; All decisions</a>');
    expect(html).toContain("<code>docs/adr/docs-adr-0002-use-queue.md</code>");
    expect(html).not.toContain("adr-warnings");
  });

  it("shows a visible warning box with escaped messages, the raw invalid date and 'no status'", () => {
    const broken = adr({ id: "x", title: "Untitled", dateRaw: "2024-14-02", warnings: ["Line 2: Invalid date \"2024-14-02\"", "No H1 <title>"] });
    const page = renderAdrPage(broken, { ...model, adrs: [...model.adrs, broken] });
    expect(page).toContain('<aside class="adr-warnings" role="note" aria-label="Problems in this file">');
    expect(page).toContain("<li>Line 2: Invalid date &quot;2024-14-02&quot;</li>");
    expect(page).toContain("<li>No H1 &lt;title&gt;</li>");
    expect(page).toContain("2024-14-02 <span class=\"invalid\">(not a valid date)</span>");
    expect(page).toContain('<span class="badge status-none">no status</span>');
    expect(page).toContain('<h1 id="adr-title">Untitled</h1>');
  });
});
