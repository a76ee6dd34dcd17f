/** @jest-environment node */
import { beforeAll, describe, expect, it } from "@jest/globals";
import { loadJsdom } from "./client-jsdom.js";
import { demoModel, siteAdr, siteModel } from "./pages-fixture.js";
import { groupByMonth, renderTimelinePage } from "../../src/site/timeline.js";

let JSDOM: typeof import("jsdom").JSDOM;
beforeAll(async () => {
  ({ JSDOM } = await loadJsdom());
});

describe("groupByMonth", () => {
  it("groups dated ADRs by year and month, newest first, and keeps undated ones apart", () => {
    const adrs = [
      siteAdr({ id: "a", number: 1, date: "2023-11-02" }),
      siteAdr({ id: "b", number: 2, date: null }),
      siteAdr({ id: "c", number: 3, date: "2024-03-05" }),
      siteAdr({ id: "d", number: 4, date: "2024-03-20" }),
      siteAdr({ id: "e", number: 5, date: "2024-01-31" }),
      siteAdr({ id: "f", number: 6, date: "2024-03-05" }),
      siteAdr({ id: "g", number: 7, date: null }),
    ];
    const { years, undated } = groupByMonth(adrs);
    expect(years.map((y) => [y.year, y.months.map((m) => [m.label, m.adrs.map((a) => a.id)])])).toEqual([
      ["2024", [["March 2024", ["d", "f", "c"]], ["January 2024", ["e"]]]],
      ["2023", [["November 2023", ["a"]]]],
    ]);
    expect(undated.map((a) => a.id)).toEqual(["b", "g"]);
  });

  it("treats a date it cannot read as undated", () => {
    const { years, undated } = groupByMonth([siteAdr({ id: "x", date: "soon" })]);
    expect(years).toEqual([]);
    expect(undated.map((a) => a.id)).toEqual(["x"]);
  });
});

describe("renderTimelinePage", () => {
  it("renders year and month headings with the undated section last", () => {
    const doc = new JSDOM(renderTimelinePage(demoModel())).window.document;
    expect([...doc.querySelectorAll("h2, h3")].map((h) => h.textContent)).toEqual(["2025", "June 2025", "2024", "February 2024", "January 2024", "Undated"]);
    const lists = [...doc.querySelectorAll("ol.timeline-list")];
    expect(lists.at(-1)?.textContent).toContain("Adopt GraphQL <for> the public API");
  });

  it("writes status and supersede relations as text with links", () => {
    const doc = new JSDOM(renderTimelinePage(demoModel())).window.document;
    const entry = (title: string) => [...doc.querySelectorAll("li")].find((li) => li.textContent?.includes(title))!;
    const newer = entry("Move to CockroachDB");
    expect(newer.querySelector(".badge")?.textContent).toBe("accepted");
    expect(newer.querySelector(".relations")?.textContent).toBe("supersedes → ADR 2");
    expect(newer.querySelector(".relations a")?.getAttribute("href")).toBe("adr/0002-postgres.html");
    expect(entry("Use PostgreSQL").querySelector(".relations")?.textContent).toBe("superseded by ← ADR 4");
    expect(entry("Use Kafka").querySelector(".relations")).toBeNull();
  });

  it("escapes titles and says when there is nothing to show", () => {
    const html = renderTimelinePage(siteModel([siteAdr({ id: "x", title: "<b>bold</b>", date: "2024-01-01" })]));
    expect(html).toContain("&lt;b&gt;bold&lt;/b&gt;");
    expect(html).not.toContain("<b>");
    expect(renderTimelinePage(siteModel([]))).toContain("No decisions recorded yet.");
  });
});

describe("renderTimelinePage with several ADR directories", () => {
  it("names each entry's directory, and only then", () => {
    const two = siteModel([siteAdr({ id: "a", number: 1, date: "2024-01-01", dirLabel: "services/api" }), siteAdr({ id: "b", number: 1, date: "2024-01-02", dirLabel: "services/web" })]);
    const doc = new JSDOM(renderTimelinePage(two)).window.document;
    expect([...doc.querySelectorAll("li .hit-dir")].map((s) => s.textContent)).toEqual(["in services/web", "in services/api"]);
    expect(new JSDOM(renderTimelinePage(demoModel())).window.document.querySelectorAll(".hit-dir")).toHaveLength(0);
  });
});
