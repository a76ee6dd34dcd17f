/** @jest-environment node */
// The built browser script (dist/site-client.js) run in jsdom against a rendered index page.
import { beforeAll, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { fileURLToPath } from "node:url";
import type { DOMWindow } from "jsdom";
import { loadJsdom } from "./client-jsdom.js";
import { demoModel, indexPage, siteAdr, siteModel } from "./pages-fixture.js";
import { renderLayout } from "../../src/site/layout.js";
import { renderSearchIndexScript } from "../../src/site/search-index.js";
import type { SiteSearchData } from "../../src/site/client/search-data.js";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
let jsdom: typeof import("jsdom");
let siteJs: string;
const indexScript = renderSearchIndexScript(demoModel());

beforeAll(async () => {
  jsdom = await loadJsdom();
  siteJs = readFileSync(path.join(projectRoot, "dist", "site-client.js"), "utf8");
});

interface Page {
  window: DOMWindow;
  doc: Document;
  /** Errors reported to the page's console or by jsdom. */
  errors: string[];
}

/** What a search-index script assigns. */
function runIndexScript(source: string): SiteSearchData {
  const window: Record<string, unknown> = {};
  vm.runInNewContext(source, { window });
  return window.ADRGEN_SEARCH as SiteSearchData;
}

/** Loads a page as a browser would: the search index script (unless left out), then the site script. */
async function open(html: string, url: string, withIndex: boolean | string = true): Promise<Page> {
  const virtualConsole = new jsdom.VirtualConsole();
  const errors: string[] = [];
  virtualConsole.on("error", (...args: unknown[]) => errors.push(args.map(String).join(" ")));
  virtualConsole.on("jsdomError", (error: Error) => errors.push(error.message));
  const dom = new jsdom.JSDOM(html, { runScripts: "outside-only", url, virtualConsole });
  const { window } = dom;
  if (window.document.readyState === "loading") await new Promise((resolve) => window.document.addEventListener("DOMContentLoaded", resolve));
  if (withIndex !== false) window.eval(withIndex === true ? indexScript : withIndex);
  window.eval(siteJs);
  return { window, doc: window.document, errors };
}

const openIndex = (hash = "", withIndex = true) => open(indexPage(), `file:///site/index.html${hash}`, withIndex);
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function visibleRows(page: Page): string[] {
  return [...page.doc.querySelectorAll<HTMLElement>("#adr-table tbody tr")].filter((tr) => !tr.hidden).map((tr) => tr.dataset.id!);
}

function hits(page: Page): string[] {
  return [...page.doc.querySelectorAll("#search-results li > a")].map((a) => a.getAttribute("href")!);
}

function setStatus(page: Page, status: string, checked = true): void {
  const box = page.doc.querySelector<HTMLInputElement>(`#adr-filters input[value="${status}"]`)!;
  box.checked = checked;
  box.dispatchEvent(new page.window.Event("change", { bubbles: true }));
}

function setTag(page: Page, tag: string): void {
  const select = page.doc.getElementById("filter-tag") as HTMLSelectElement;
  select.value = tag;
  select.dispatchEvent(new page.window.Event("change", { bubbles: true }));
}

/** Types a query and waits until typing has paused long enough for the search to run. */
async function type(page: Page, query: string): Promise<void> {
  const input = page.doc.getElementById("site-search-input") as HTMLInputElement;
  input.value = query;
  input.dispatchEvent(new page.window.Event("input", { bubbles: true }));
  await new Promise((resolve) => setTimeout(resolve, 200));
}

const count = (page: Page) => page.doc.getElementById("adr-count")!.textContent;

describe("index page script", () => {
  it("shows the filters and every decision when loaded without state", async () => {
    const page = await openIndex();
    expect(page.doc.getElementById("adr-filters")!.hidden).toBe(false);
    expect(visibleRows(page)).toHaveLength(5);
    expect(count(page)).toBe("5 decisions");
    expect(page.doc.getElementById("search-results")!.hidden).toBe(true);
    expect(page.errors).toEqual([]);
  });

  it("narrows the list by status, announces the count and records the filter in the hash", async () => {
    const page = await openIndex();
    setStatus(page, "accepted");
    expect(visibleRows(page)).toEqual(["0001-record", "0004-cockroach"]);
    expect(count(page)).toBe("2 of 5 decisions");
    expect(page.window.location.hash).toBe("#status=accepted");
    setStatus(page, "(none)");
    expect(visibleRows(page)).toEqual(["0001-record", "0004-cockroach", "0005-graphql"]);
    expect(count(page)).toBe("3 of 5 decisions");
    expect(page.window.location.hash).toBe("#status=accepted&status=%28none%29");
    expect(page.errors).toEqual([]);
  });

  it("combines the tag filter with the status filter", async () => {
    const page = await openIndex();
    setTag(page, "database");
    expect(visibleRows(page)).toEqual(["0002-postgres", "0004-cockroach"]);
    setStatus(page, "accepted");
    expect(visibleRows(page)).toEqual(["0004-cockroach"]);
    expect(count(page)).toBe("1 of 5 decisions");
    expect(page.window.location.hash).toBe("#status=accepted&tag=database");
  });

  it("lists search hits with status and a highlighted snippet instead of the table", async () => {
    const page = await openIndex();
    await type(page, "kafka");
    expect(page.doc.getElementById("search-results")!.hidden).toBe(false);
    expect(page.doc.querySelector<HTMLElement>(".table-wrap")!.hidden).toBe(true);
    expect(hits(page)).toEqual(["adr/0003-kafka.html"]);
    const item = page.doc.querySelector("#search-results li")!;
    expect(item.querySelector("a")!.textContent).toBe("ADR 3: Use Kafka for events");
    expect(item.querySelector(".badge")!.textContent).toBe("proposed");
    expect(item.querySelector(".snippet mark")!.textContent).toBe("Kafka");
    expect(count(page)).toBe("1 of 5 decisions");
    expect(page.window.location.hash).toBe("#q=kafka");
    await type(page, "");
    expect(page.doc.getElementById("search-results")!.hidden).toBe(true);
    expect(visibleRows(page)).toHaveLength(5);
    expect(count(page)).toBe("5 decisions");
  });

  it("waits for a pause in typing, and searches at once on Enter", async () => {
    const page = await openIndex();
    const input = page.doc.getElementById("site-search-input") as HTMLInputElement;
    for (const text of ["k", "ka", "kafka"]) {
      input.value = text;
      input.dispatchEvent(new page.window.Event("input", { bubbles: true }));
    }
    expect(count(page)).toBe("5 decisions");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(hits(page)).toEqual(["adr/0003-kafka.html"]);
    input.value = "cockroachdb";
    input.dispatchEvent(new page.window.Event("input", { bubbles: true }));
    input.form!.dispatchEvent(new page.window.Event("submit", { bubbles: true, cancelable: true }));
    expect(hits(page)).toEqual(["adr/0004-cockroach.html"]);
    expect(page.window.location.hash).toBe("#q=cockroachdb");
  });

  it("lists the first 50 hits and says how many more match", async () => {
    const model = siteModel(Array.from({ length: 60 }, (_, i) => siteAdr({ id: `c${String(i).padStart(2, "0")}`, number: i, title: `Cache layer ${i}`, text: "cache" })));
    const page = await open(indexPage(model), "file:///site/index.html#q=cache", renderSearchIndexScript(model));
    expect(hits(page)).toHaveLength(50);
    expect(page.doc.querySelector("#search-results li.more-hits")?.textContent).toBe("10 more: add words or filters to narrow the search.");
    expect(count(page)).toBe("60 of 60 decisions");
  });

  it("narrows search hits by the filters", async () => {
    const page = await openIndex();
    await type(page, "postgresql");
    expect(hits(page)).toEqual(["adr/0002-postgres.html", "adr/0004-cockroach.html"]);
    setStatus(page, "accepted");
    expect(hits(page)).toEqual(["adr/0004-cockroach.html"]);
    setStatus(page, "accepted", false);
    setTag(page, "messaging");
    expect(hits(page)).toEqual([]);
    expect(count(page)).toBe("0 of 5 decisions");
  });

  it("restores query and filters from the hash on load", async () => {
    const page = await openIndex("#q=postgresql&status=superseded");
    expect((page.doc.getElementById("site-search-input") as HTMLInputElement).value).toBe("postgresql");
    expect(page.doc.querySelector<HTMLInputElement>('input[value="superseded"]')!.checked).toBe(true);
    expect(page.doc.querySelector<HTMLInputElement>('input[value="accepted"]')!.checked).toBe(false);
    expect(hits(page)).toEqual(["adr/0002-postgres.html"]);
    expect(count(page)).toBe("1 of 5 decisions");
  });

  it("follows a hash changed by the reader (a pasted link, the back button)", async () => {
    const page = await openIndex();
    page.window.location.hash = "#tag=database&status=superseded";
    await tick();
    expect(visibleRows(page)).toEqual(["0002-postgres"]);
    expect((page.doc.getElementById("filter-tag") as HTMLSelectElement).value).toBe("database");
    expect(count(page)).toBe("1 of 5 decisions");
  });

  it("takes a query submitted from another page as ?q=", async () => {
    const page = await open(indexPage(), "file:///site/index.html?q=cockroachdb");
    expect(hits(page)).toEqual(["adr/0004-cockroach.html"]);
  });

  it("shows everything again on Show all", async () => {
    const page = await openIndex("#q=kafka&status=proposed&tag=messaging");
    expect(hits(page)).toEqual(["adr/0003-kafka.html"]);
    (page.doc.getElementById("filter-reset") as HTMLButtonElement).click();
    expect(visibleRows(page)).toHaveLength(5);
    expect(count(page)).toBe("5 decisions");
    expect(page.doc.querySelectorAll("#adr-filters input:checked")).toHaveLength(0);
    expect((page.doc.getElementById("site-search-input") as HTMLInputElement).value).toBe("");
    expect(page.window.location.hash).toBe("");
  });

  it("keeps ADR text as text in the results", async () => {
    const page = await openIndex();
    await type(page, "alert");
    expect(hits(page)).toEqual(["adr/0005-graphql.html"]);
    const results = page.doc.getElementById("search-results")!;
    expect(results.querySelectorAll("script")).toHaveLength(0);
    expect(results.querySelector(".snippet")!.textContent).toContain("<script>alert(1)</script>");
  });

  it("links only to ADR pages of the site, whatever href the search data holds", async () => {
    const data = runIndexScript(indexScript);
    data.docs["0003-kafka"]!.href = "javascript:alert(1)//adr/x.html";
    data.docs["0002-postgres"]!.href = "https://evil.example/adr/0002.html";
    const page = await open(indexPage(), "file:///site/index.html", `window.ADRGEN_SEARCH=${JSON.stringify(data)};`);
    await type(page, "kafka");
    const item = page.doc.querySelector("#search-results li")!;
    expect(item.querySelector("a")).toBeNull();
    expect(item.firstElementChild!.tagName).toBe("SPAN");
    expect(item.firstElementChild!.textContent).toBe("ADR 3: Use Kafka for events");
    await type(page, "postgres");
    expect(hits(page)).toEqual(["adr/0004-cockroach.html"]);
    expect(page.doc.getElementById("search-results")!.textContent).toContain("ADR 2: Use PostgreSQL");
    await type(page, "graphql");
    expect(hits(page)).toEqual(["adr/0005-graphql.html"]);
  });

  it("narrows by row text when the search index is missing", async () => {
    const page = await openIndex("", false);
    await type(page, "graphql");
    expect(visibleRows(page)).toEqual(["0005-graphql"]);
    expect(count(page)).toBe("1 of 5 decisions");
    expect(page.errors).toEqual([]);
  });

  it("also works served over http, where the hash is written with replaceState", async () => {
    const page = await open(indexPage(), "http://127.0.0.1:4000/docs/index.html");
    setTag(page, "process");
    expect(visibleRows(page)).toEqual(["0001-record"]);
    expect(page.window.location.href).toBe("http://127.0.0.1:4000/docs/index.html#tag=process");
    expect(page.window.history.length).toBe(1);
  });
});

describe("several ADR directories", () => {
  it("names the directory of each hit, since numbers repeat across directories", async () => {
    const model = siteModel([
      siteAdr({ id: "api-1", number: 1, title: "Use REST", dirLabel: "services/api", text: "Caching at the edge." }),
      siteAdr({ id: "web-1", number: 1, title: "Use a CDN", dirLabel: "services/web", text: "Caching static files." }),
    ]);
    const page = await open(indexPage(model), "file:///site/index.html#q=caching", renderSearchIndexScript(model));
    expect([...page.doc.querySelectorAll("#search-results li")].map((li) => li.querySelector(".hit-dir")?.textContent).sort()).toEqual([" in services/api", " in services/web"]);
    const single = await openIndex("#q=kafka");
    expect(single.doc.querySelectorAll(".hit-dir")).toHaveLength(0);
  });
});

describe("search box on other pages", () => {
  it("sends the query to the index page under the site root", async () => {
    const html = renderLayout({ siteTitle: "demo", title: "ADR 3", root: "../", active: "adr", body: "<h1>ADR 3</h1>" });
    const page = await open(html, "http://127.0.0.1:4000/adr/0003-kafka.html");
    const input = page.doc.getElementById("site-search-input") as HTMLInputElement;
    input.value = "event streaming";
    const submit = new page.window.Event("submit", { bubbles: true, cancelable: true });
    input.form!.dispatchEvent(submit);
    expect(submit.defaultPrevented).toBe(true);
    // jsdom does not navigate between documents; it reports the attempt instead.
    expect(page.errors.some((e) => e.includes("navigation"))).toBe(true);
  });
});
