/** @jest-environment node */
// The index, timeline, graph and browser script over the real-world ADR corpus in ../shared/adr-corpus
// (skipped when absent): every ADR listed and placed, the graph without overlaps, search and filters
// narrowing real decisions in jsdom. Nothing is written into the corpus.
import { beforeAll, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { DOMWindow } from "jsdom";
import { layoutGraph, renderGraphPage } from "../../src/site/graph.js";
import { loadSiteModel } from "../../src/site/load-model.js";
import type { SiteModel } from "../../src/site/model.js";
import { groupByMonth } from "../../src/site/timeline.js";
import { renderSearchIndexScript } from "../../src/site/search-index.js";
import { PROJECT_ROOT } from "../helpers/spawn.js";
import { loadJsdom } from "./client-jsdom.js";
import { indexPage } from "./pages-fixture.js";
import { corpusPresent, corpusWorkspace } from "../helpers/corpus.js";

const describeCorpus = corpusPresent ? describe : describe.skip;

describeCorpus("site pages over the real-world ADR corpus", () => {
  let model: SiteModel;
  let window: DOMWindow;

  beforeAll(async () => {
    model = await loadSiteModel(corpusWorkspace(), { generatedAt: "2026-01-15T00:00:00.000Z" });
    const jsdom = await loadJsdom();
    window = new jsdom.JSDOM(indexPage(model), { runScripts: "outside-only", url: "file:///site/index.html" }).window;
    window.eval(renderSearchIndexScript(model));
    window.eval(readFileSync(path.join(PROJECT_ROOT, "dist", "site-client.js"), "utf8"));
  }, 60_000);

  it("places every ADR on the timeline exactly once", () => {
    const { years, undated } = groupByMonth(model.adrs);
    const placed = [...years.flatMap((y) => y.months.flatMap((m) => m.adrs)), ...undated].map((a) => a.id);
    expect(model.adrs.length).toBeGreaterThan(150);
    expect(placed.sort()).toEqual(model.adrs.map((a) => a.id).sort());
    expect(years.length).toBeGreaterThan(3);
  });

  it("draws every related ADR without overlaps and counts the rest", () => {
    const layout = layoutGraph(model.adrs);
    expect(layout.edges.length).toBeGreaterThan(3);
    expect(layout.nodes.length + layout.isolated.length).toBe(model.adrs.length);
    for (const [i, a] of layout.nodes.entries()) {
      for (const b of layout.nodes.slice(i + 1)) expect(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(true);
    }
    expect(renderGraphPage(model)).toContain(`${layout.isolated.length} decisions without relations are not drawn`);
  });

  it("lists every ADR in the index and narrows it by status", () => {
    const doc = window.document;
    const rows = () => [...doc.querySelectorAll<HTMLElement>("#adr-table tbody tr")].filter((tr) => !tr.hidden);
    expect(rows()).toHaveLength(model.adrs.length);
    const box = doc.querySelector<HTMLInputElement>('#adr-filters input[value="superseded"]')!;
    box.checked = true;
    box.dispatchEvent(new window.Event("change", { bubbles: true }));
    const superseded = model.adrs.filter((a) => a.status === "superseded").length;
    expect(superseded).toBeGreaterThan(0);
    expect(rows()).toHaveLength(superseded);
    expect(doc.getElementById("adr-count")!.textContent).toBe(`${superseded} of ${model.adrs.length} decisions`);
    (doc.getElementById("filter-reset") as HTMLButtonElement).click();
  });

  it("finds real decisions by title words and by body text", () => {
    const doc = window.document;
    const search = (query: string) => {
      const input = doc.getElementById("site-search-input") as HTMLInputElement;
      input.value = query;
      input.form!.dispatchEvent(new window.Event("submit", { bubbles: true, cancelable: true }));
      return [...doc.querySelectorAll("#search-results li > a")].map((a) => a.textContent);
    };
    const pump = model.adrs.find((a) => /single.threaded message pump/i.test(a.title));
    expect(pump).toBeDefined();
    expect(search("single threaded message pump")[0]).toBe(`ADR ${pump!.number}: ${pump!.title}`);
    // A sentence from the middle of a body finds its ADR among the hits.
    const sample = model.adrs.find((a) => a.text.split("\n").some((l) => l.split(" ").length > 12))!;
    const line = sample.text.split("\n").find((l) => l.split(" ").length > 12)!;
    const phrase = line.split(/\s+/).slice(2, 8).join(" ");
    const titles = search(`"${phrase}"`);
    expect(titles).toContain(sample.number === null ? sample.title : `ADR ${sample.number}: ${sample.title}`);
  });
});
