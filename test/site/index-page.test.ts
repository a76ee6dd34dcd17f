/** @jest-environment node */
import { beforeAll, describe, expect, it } from "@jest/globals";
import { loadJsdom } from "./client-jsdom.js";
import { demoModel, siteAdr, siteModel } from "./pages-fixture.js";
import { NO_STATUS, renderIndexPage, statusCounts, tagCounts } from "../../src/site/index-page.js";
import type { SiteModel } from "../../src/site/model.js";

let JSDOM: typeof import("jsdom").JSDOM;
beforeAll(async () => {
  ({ JSDOM } = await loadJsdom());
});
const body = (model: SiteModel) => new JSDOM(`<!DOCTYPE html><main>${renderIndexPage(model)}</main>`).window.document;

describe("renderIndexPage", () => {
  it("lists every ADR with number, linked title, status badge, date and tags, in model order", () => {
    const model = demoModel();
    const rows = [...body(model).querySelectorAll("#adr-table tbody tr")];
    expect(rows).toHaveLength(model.adrs.length);
    rows.forEach((row, i) => {
      const adr = model.adrs[i]!;
      expect(row.getAttribute("data-id")).toBe(adr.id);
      expect(row.querySelector(".col-number")?.textContent).toBe(String(adr.number));
      const link = row.querySelector(".col-title a")!;
      expect(link.getAttribute("href")).toBe(adr.href);
      expect(link.textContent).toBe(adr.title);
      expect(row.querySelector(".badge")?.textContent).toBe(adr.status ?? "no status");
      expect(row.querySelector(".col-date")?.textContent).toBe(adr.date ?? "");
      expect([...row.querySelectorAll(".tags li")].map((li) => li.textContent)).toEqual(adr.tags);
      expect(JSON.parse(row.getAttribute("data-tags")!)).toEqual(adr.tags);
      expect(row.getAttribute("data-status")).toBe(adr.status ?? NO_STATUS);
    });
  });

  it("escapes titles and tags instead of inserting markup", () => {
    const doc = body(siteModel([siteAdr({ id: "x", title: `<img src=x onerror="alert(1)">`, tags: [`"><script>`] })]));
    expect(doc.querySelectorAll("img, script")).toHaveLength(0);
    expect(doc.querySelector(".col-title a")?.textContent).toBe(`<img src=x onerror="alert(1)">`);
    expect(JSON.parse(doc.querySelector("tr[data-id]")!.getAttribute("data-tags")!)).toEqual([`"><script>`]);
  });

  it("shows the directory column only when the ADRs come from several directories", () => {
    expect(body(demoModel()).querySelectorAll(".col-dir")).toHaveLength(0);
    const two = siteModel([siteAdr({ id: "a", dirLabel: "services/api" }), siteAdr({ id: "b", dirLabel: "services/web" })]);
    const doc = body(two);
    expect([...doc.querySelectorAll("td.col-dir")].map((td) => td.textContent)).toEqual(["services/api", "services/web"]);
    expect([...doc.querySelectorAll("thead th")].map((th) => th.textContent)).toContain("Directory");
  });

  it("offers status checkboxes and a tag select, hidden until the script enables them", () => {
    const doc = body(demoModel());
    const form = doc.getElementById("adr-filters")!;
    expect(form.hasAttribute("hidden")).toBe(true);
    const boxes = [...form.querySelectorAll<HTMLInputElement>('input[type=checkbox][name="status"]')];
    expect(boxes.map((b) => b.value)).toEqual(["proposed", "accepted", "superseded", NO_STATUS]);
    for (const box of boxes) expect(box.closest("label")).not.toBeNull();
    expect(form.querySelector("legend")?.textContent).toBe("Status");
    const select = doc.getElementById("filter-tag") as HTMLSelectElement;
    expect(doc.querySelector('label[for="filter-tag"]')).not.toBeNull();
    expect([...select.options].map((o) => o.value)).toEqual(["", "database", "messaging", "process", "scaling"]);
    expect(select.options[1]?.textContent).toBe("database (2)");
  });

  it("has a polite live region with the count and an empty, hidden results list", () => {
    const doc = body(demoModel());
    const count = doc.getElementById("adr-count")!;
    expect(count.getAttribute("role")).toBe("status");
    expect(count.getAttribute("aria-live")).toBe("polite");
    expect(count.textContent).toBe("5 decisions");
    const results = doc.getElementById("search-results")!;
    expect(results.hasAttribute("hidden")).toBe(true);
    expect(results.querySelectorAll("li")).toHaveLength(0);
  });

  it("leaves out the tag select when no ADR has tags, and says so when there are no ADRs", () => {
    expect(body(siteModel([siteAdr({ id: "a" })])).getElementById("filter-tag")).toBeNull();
    expect(body(siteModel([siteAdr({ id: "a" })])).getElementById("adr-count")?.textContent).toBe("1 decision");
    const empty = body(siteModel([]));
    expect(empty.querySelector(".empty")?.textContent).toBe("No decisions recorded yet.");
    expect(empty.getElementById("adr-table")).toBeNull();
  });
});

describe("statusCounts and tagCounts", () => {
  it("orders known statuses by lifecycle, then others alphabetically, then no status", () => {
    const adrs = ["deprecated", "wip", "accepted", null, "accepted", "draft", "proposed"].map((status, i) => siteAdr({ id: `a${i}`, status }));
    expect(statusCounts(adrs)).toEqual([
      { status: "proposed", count: 1 },
      { status: "accepted", count: 2 },
      { status: "deprecated", count: 1 },
      { status: "draft", count: 1 },
      { status: "wip", count: 1 },
      { status: NO_STATUS, count: 1 },
    ]);
  });

  it("counts each tag once per ADR", () => {
    expect(tagCounts([siteAdr({ id: "a", tags: ["db", "db", "api"] }), siteAdr({ id: "b", tags: ["db"] })])).toEqual([
      { tag: "api", count: 1 },
      { tag: "db", count: 2 },
    ]);
  });
});
