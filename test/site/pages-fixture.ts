// Hand-made site models for the page, graph, asset and browser-script tests.
import { renderGraphPage } from "../../src/site/graph.js";
import { renderIndexPage } from "../../src/site/index-page.js";
import { renderLayout } from "../../src/site/layout.js";
import type { SiteAdr, SiteModel } from "../../src/site/model.js";
import { renderTimelinePage } from "../../src/site/timeline.js";

/** A site ADR with defaults for every field not given. */
export function siteAdr(fields: Partial<SiteAdr> & { id: string }): SiteAdr {
  return {
    href: `adr/${fields.id}.html`,
    number: null,
    title: fields.id,
    status: "accepted",
    date: null,
    tags: [],
    relPath: `docs/adr/${fields.id}.md`,
    dirLabel: "docs/adr",
    supersedes: [],
    supersededBy: [],
    links: [],
    warnings: [],
    bodyHtml: "<p>Body.</p>",
    text: "Body.",
    ...fields,
  };
}

/** A model of the given ADRs with a fixed build time. */
export function siteModel(adrs: SiteAdr[], title = "demo"): SiteModel {
  return { title, generatedAt: "2026-01-15T10:00:00.000Z", adrs };
}

/** A small decision log: two tags, four statuses, one supersede chain, one link, one undated ADR. */
export function demoModel(): SiteModel {
  return siteModel([
    siteAdr({ id: "0001-record", number: 1, title: "Record architecture decisions", date: "2024-01-10", tags: ["process"], text: "We will record decisions as MADR files." }),
    siteAdr({ id: "0002-postgres", number: 2, title: "Use PostgreSQL as the main datastore", status: "superseded", date: "2024-02-03", tags: ["database"], supersededBy: ["0004-cockroach"], text: "Relational data with strong consistency.\nPostgreSQL is well known by the team." }),
    siteAdr({ id: "0003-kafka", number: 3, title: "Use Kafka for events", status: "proposed", date: "2024-02-20", tags: ["messaging"], links: [{ type: "relates to", id: "0002-postgres" }], text: "Event streaming between services.\nKafka keeps an ordered log per partition." }),
    siteAdr({ id: "0004-cockroach", number: 4, title: "Move to CockroachDB", date: "2025-06-01", tags: ["database", "scaling"], supersedes: ["0002-postgres"], text: "Multi-region writes need a distributed SQL database.\nCockroachDB speaks the PostgreSQL wire protocol." }),
    siteAdr({ id: "0005-graphql", number: 5, title: "Adopt GraphQL <for> the public API", status: null, tags: [], text: "Clients need flexible queries. <script>alert(1)</script> is shown as text." }),
  ]);
}

/** The demo model's index, timeline and graph pages, each a complete document. */
export function indexPage(model: SiteModel = demoModel()): string {
  return renderLayout({ siteTitle: model.title, title: "Decisions", root: "", active: "index", body: renderIndexPage(model), generatedAt: model.generatedAt });
}

export function timelinePage(model: SiteModel = demoModel()): string {
  return renderLayout({ siteTitle: model.title, title: "Timeline", root: "", active: "timeline", body: renderTimelinePage(model), generatedAt: model.generatedAt });
}

export function graphPage(model: SiteModel = demoModel()): string {
  return renderLayout({ siteTitle: model.title, title: "Graph", root: "", active: "graph", body: renderGraphPage(model), generatedAt: model.generatedAt });
}

