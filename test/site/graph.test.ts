/** @jest-environment node */
import { beforeAll, describe, expect, it } from "@jest/globals";
import { loadJsdom } from "./client-jsdom.js";
import { demoModel, siteAdr, siteModel } from "./pages-fixture.js";
import { collectGraphEdges, edgeClass, layoutGraph, renderGraphPage, type GraphNode } from "../../src/site/graph.js";
import type { SiteAdr } from "../../src/site/model.js";

let JSDOM: typeof import("jsdom").JSDOM;
beforeAll(async () => {
  ({ JSDOM } = await loadJsdom());
});

function overlaps(a: GraphNode, b: GraphNode): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function expectNoOverlap(nodes: GraphNode[]): void {
  const sorted = [...nodes].sort((a, b) => a.y - b.y);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j]!.y < sorted[i]!.y + sorted[i]!.height; j++) {
      if (overlaps(sorted[i]!, sorted[j]!)) throw new Error(`${sorted[i]!.id} overlaps ${sorted[j]!.id}`);
    }
  }
}

/** 1,000 ADRs: supersede chains of three every 10, a link every 7, the rest without relations. */
function thousand(): SiteAdr[] {
  const adrs: SiteAdr[] = [];
  for (let i = 1; i <= 1000; i++) {
    adrs.push(
      siteAdr({
        id: `a${i}`,
        number: i,
        title: `Decision ${i}`,
        supersedes: i % 10 === 0 ? [`a${i - 1}`, `a${i - 2}`] : i % 10 === 9 ? [`a${i - 3}`] : [],
        links: i % 7 === 0 ? [{ type: "depends on", id: `a${i - 1}` }] : [],
      }),
    );
  }
  return adrs;
}

describe("collectGraphEdges", () => {
  it("keeps each relation once, in active voice, and drops self, dangling and empty relations", () => {
    const adrs = [
      siteAdr({ id: "a", supersedes: ["b"], links: [{ type: "Relates  To", id: "c" }, { type: "amends", id: "c" }, { type: "relates to", id: "a" }, { type: "relates to", id: "missing" }] }),
      siteAdr({ id: "b", supersededBy: ["a"] }),
      siteAdr({ id: "c", links: [{ type: "relates to", id: "a" }, { type: "amended by", id: "a" }, { type: "", id: "b" }] }),
    ];
    expect(collectGraphEdges(adrs)).toEqual([
      { from: "a", to: "b", type: "supersedes" },
      { from: "a", to: "c", type: "relates to" },
      { from: "a", to: "c", type: "amends" },
    ]);
  });

  it("turns supersede links written as links into supersede edges", () => {
    expect(collectGraphEdges([siteAdr({ id: "a", links: [{ type: "superseded by", id: "b" }] }), siteAdr({ id: "b" })])).toEqual([{ from: "b", to: "a", type: "supersedes" }]);
  });

  it("styles supersedes, symmetric and other directed relations apart", () => {
    expect([edgeClass("supersedes"), edgeClass("relates to"), edgeClass("conflicts with"), edgeClass("amends"), edgeClass("depends on")]).toEqual([
      "edge-supersedes",
      "edge-related",
      "edge-related",
      "edge-directed",
      "edge-directed",
    ]);
  });
});

describe("layoutGraph", () => {
  it("puts superseded ADRs left of the ADRs that supersede them and leaves isolated ones out", () => {
    const layout = layoutGraph(demoModel().adrs);
    const at = new Map(layout.nodes.map((n) => [n.id, n]));
    expect([...at.keys()].sort()).toEqual(["0002-postgres", "0003-kafka", "0004-cockroach"]);
    expect(at.get("0002-postgres")!.x).toBeLessThan(at.get("0004-cockroach")!.x);
    expect(at.get("0002-postgres")!.layer).toBe(0);
    expect(at.get("0004-cockroach")!.layer).toBe(1);
    expect(layout.isolated).toEqual(["0001-record", "0005-graphql"]);
    expectNoOverlap(layout.nodes);
    for (const n of layout.nodes) {
      expect(n.x + n.width).toBeLessThanOrEqual(layout.width);
      expect(n.y + n.height).toBeLessThanOrEqual(layout.height);
    }
  });

  it("orders nodes within a layer by model order and layers a chain by its longest path", () => {
    const adrs = [
      siteAdr({ id: "n1", number: 1 }),
      siteAdr({ id: "n2", number: 2, supersedes: ["n1"] }),
      siteAdr({ id: "n3", number: 3, supersedes: ["n2", "n1"] }),
      siteAdr({ id: "n4", number: 4, supersedes: ["n1"] }),
    ];
    const layout = layoutGraph(adrs);
    const at = new Map(layout.nodes.map((n) => [n.id, n]));
    expect(["n1", "n2", "n3", "n4"].map((id) => at.get(id)!.layer)).toEqual([0, 1, 2, 1]);
    expect(at.get("n2")!.y).toBeLessThan(at.get("n4")!.y);
    expect(at.get("n2")!.x).toBe(at.get("n4")!.x);
    expectNoOverlap(layout.nodes);
  });

  it("is deterministic and survives a supersede cycle", () => {
    const adrs = [siteAdr({ id: "a", supersedes: ["b"] }), siteAdr({ id: "b", supersedes: ["c"] }), siteAdr({ id: "c", supersedes: ["a"] }), siteAdr({ id: "d", links: [{ type: "relates to", id: "a" }] })];
    const first = layoutGraph(adrs);
    expect(layoutGraph(adrs)).toEqual(first);
    expect(first.nodes).toHaveLength(4);
    expectNoOverlap(first.nodes);
    expect(renderGraphPage(siteModel(adrs))).toBe(renderGraphPage(siteModel(adrs)));
  });

  it("lays out 1,000 ADRs without overlaps, packed into a bounded width", () => {
    const adrs = thousand();
    const layout = layoutGraph(adrs);
    const related = new Set(layout.edges.flatMap((e) => [e.from, e.to]));
    expect(layout.nodes.map((n) => n.id).sort()).toEqual([...related].sort());
    expect(layout.isolated.length + layout.nodes.length).toBe(1000);
    expect(layout.isolated.length).toBeGreaterThan(400);
    expectNoOverlap(layout.nodes);
    // Small components sit side by side rather than in one column thousands of pixels tall.
    expect(layout.width).toBeLessThanOrEqual(1100);
    expect(layout.height).toBeLessThan(layout.nodes.length * 60);
  });
});

describe("renderGraphPage", () => {
  it("draws linked nodes with titles, styled edges with titles, a legend and the relations as text", () => {
    const doc = new JSDOM(renderGraphPage(demoModel())).window.document;
    const nodes = [...doc.querySelectorAll("svg.graph a.node")];
    expect(nodes.map((a) => a.getAttribute("href"))).toEqual(["adr/0002-postgres.html", "adr/0003-kafka.html", "adr/0004-cockroach.html"]);
    for (const a of nodes) expect(a.querySelector("title")?.textContent).toMatch(/^ADR \d: .+ \(.+\)$/);
    expect(nodes[0]!.querySelector("title")?.textContent).toBe("ADR 2: Use PostgreSQL as the main datastore (superseded)");
    const edges = [...doc.querySelectorAll("svg.graph g.edge")];
    expect(edges.map((g) => [g.getAttribute("class"), g.querySelector("title")?.textContent])).toEqual([
      ["edge edge-supersedes", "ADR 4 supersedes ADR 2"],
      ["edge edge-related", "ADR 2 relates to ADR 3"],
    ]);
    expect(edges[0]!.querySelector("path")?.getAttribute("marker-end")).toBe("url(#arrow-edge-supersedes)");
    expect(doc.getElementById("arrow-edge-supersedes")).not.toBeNull();
    expect([...doc.querySelectorAll(".graph-legend li")].map((li) => li.textContent?.trim())).toEqual(["supersedes (the arrow points to the superseded decision)", "symmetric relations: relates to"]);
    expect([...doc.querySelectorAll(".relation-list li")].map((li) => li.textContent)).toEqual([
      "ADR 4: Move to CockroachDB supersedes ADR 2: Use PostgreSQL as the main datastore",
      "ADR 2: Use PostgreSQL as the main datastore relates to ADR 3: Use Kafka for events",
    ]);
    expect(doc.querySelector(".graph-isolated")?.textContent).toContain("2 decisions without relations are not drawn");
  });

  it("escapes titles in the SVG and the list, and truncates long ones in the drawing only", () => {
    const long = `<script>alert(1)</script> ${"very ".repeat(20)}long`;
    const html = renderGraphPage(siteModel([siteAdr({ id: "a", number: 1, title: long, supersedes: ["b"] }), siteAdr({ id: "b", number: 2 })]));
    expect(html).not.toContain("<script>");
    const doc = new JSDOM(html).window.document;
    expect(doc.querySelector(`a.node[href="adr/a.html"] title`)?.textContent).toBe(`ADR 1: ${long} (accepted)`);
    expect(doc.querySelector(`a.node[href="adr/a.html"] .node-title`)?.textContent).toMatch(/…$/);
    expect(doc.querySelector(".relation-list")?.textContent).toContain(long);
  });

  it("collapses a thousand-ADR log: isolated ones counted, every relation listed once", () => {
    const model = siteModel(thousand());
    const doc = new JSDOM(renderGraphPage(model)).window.document;
    const layout = layoutGraph(model.adrs);
    expect(doc.querySelectorAll("svg.graph a.node")).toHaveLength(layout.nodes.length);
    expect(doc.querySelectorAll(".relation-list li")).toHaveLength(layout.edges.length);
    expect(doc.querySelector(".graph-isolated")?.textContent).toContain(`${layout.isolated.length} decisions without relations`);
  });

  it("names the relation types drawn in each style in the legend", () => {
    const adrs = [
      siteAdr({ id: "a", links: [{ type: "depends on", id: "b" }, { type: "amends", id: "c" }, { type: "conflicts with", id: "b" }] }),
      siteAdr({ id: "b", links: [{ type: "amended by", id: "c" }] }),
      siteAdr({ id: "c" }),
    ];
    const doc = new JSDOM(renderGraphPage(siteModel(adrs))).window.document;
    expect([...doc.querySelectorAll(".graph-legend li")].map((li) => li.textContent?.trim())).toEqual(["directed relations: amends, depends on", "symmetric relations: conflicts with"]);
    const paths = [...doc.querySelectorAll("svg.graph g.edge path")].map((p) => p.getAttribute("d"));
    expect(paths).toHaveLength(4);
    // a→b depends on, and a–b conflicts with: two edges between the same pair, drawn apart.
    expect(new Set(paths).size).toBe(4);
  });

  it("says so when there are no relations", () => {
    const html = renderGraphPage(siteModel([siteAdr({ id: "a" })]));
    expect(html).toContain("No relations between decisions yet.");
    expect(html).toContain("1 decision without relations is not drawn");
    expect(html).not.toContain("<svg class=\"graph\"");
  });
});
