/// <reference lib="dom" />
// The built site in a real browser (Debian's Chromium through playwright-core): opened from
// file:// and served from a sub-path over http. Skips with one message when no browser is
// installed, except under CI, where a missing browser fails the run.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";
import { runAdrgen } from "../helpers/run.js";
import { browserRequired, findChromium, launchBrowser, screenshot, searchResultTitles, serveUnderPrefix, visibleRowTitles, type BrowserSession } from "./browser-harness.js";
import { FIXTURE_ADRS, TITLED } from "./browser-fixture.js";

const executable = findChromium();
if (!executable && !browserRequired()) {
  process.stderr.write("\n[browser tests skipped] No Chromium found (/usr/bin/chromium or ADRGEN_CHROMIUM). Install Debian's chromium to run them; CI installs it and must run them.\n\n");
}
const suite = executable ? describe : describe.skip;

if (!executable && browserRequired()) {
  describe("browser tests", () => {
    it("need Chromium under CI", () => {
      throw new Error("CI is set but no Chromium was found: .ci/run installs Debian's chromium; set ADRGEN_CHROMIUM to its path if it lives elsewhere.");
    });
  });
}

const SUB_PATH = "/some/sub/path/";
let repo: string;
let siteDir: string;
let session: BrowserSession;
let http: Awaited<ReturnType<typeof serveUnderPrefix>>;

suite("the site in Chromium", () => {
  beforeAll(async () => {
    repo = makeTempDir({ ".adrgenrc.json": JSON.stringify({ site: { title: "Shop decisions" } }), ...FIXTURE_ADRS });
    siteDir = path.join(repo, "public/site");
    const built = await runAdrgen(["site", "--out", "public/site"], { cwd: repo });
    if (built.code !== 0) throw new Error(`adrgen site failed (${built.code}): ${built.stderr}`);
    http = await serveUnderPrefix(siteDir, SUB_PATH);
    session = await launchBrowser(executable!, () => [http.origin]);
  }, 60_000);

  afterAll(async () => {
    await session?.close();
    await http?.close();
    cleanupTempDirs();
  });

  const modes = [
    { name: "file://", index: () => pathToFileURL(path.join(siteDir, "index.html")).href },
    { name: `http under ${SUB_PATH}`, index: () => `${http.url}index.html` },
  ];

  describe.each(modes)("opened from $name", (mode) => {
    let page: Page;
    beforeAll(async () => {
      page = await session.newPage();
    });
    afterAll(async () => {
      await page.close();
    });

    const openIndex = async () => {
      await page.goto(mode.index());
      await page.waitForSelector("#adr-filters:not([hidden])");
    };

    it("lists every ADR on the index", async () => {
      await openIndex();
      const titles = await visibleRowTitles(page);
      expect(titles).toHaveLength(Object.keys(FIXTURE_ADRS).length);
      for (const title of TITLED) expect(titles).toContain(title);
      expect(await page.textContent("#adr-count")).toMatch(/7/);
    });

    it("narrows the list by status, by tag and by both", async () => {
      await openIndex();
      await page.check('#adr-filters input[name="status"][value="accepted"]');
      expect((await visibleRowTitles(page)).sort()).toEqual(["Record architecture decisions", "Store the catalogue in PostgreSQL JSONB", "Use PostgreSQL"]);
      await page.selectOption("#filter-tag", "catalogue");
      expect(await visibleRowTitles(page)).toEqual(["Store the catalogue in PostgreSQL JSONB"]);
      await page.click("#filter-reset");
      await page.selectOption("#filter-tag", "api");
      expect((await visibleRowTitles(page)).sort()).toEqual(["Expose a GraphQL API", "Reject SOAP for partner integrations"]);
      await page.click("#filter-reset");
      expect(await visibleRowTitles(page)).toHaveLength(7);
    });

    it("narrows the list by full-text search over bodies", async () => {
      await openIndex();
      await page.fill("#site-search-input", "catalogue");
      await page.waitForSelector("#search-results:not([hidden]) li");
      expect((await searchResultTitles(page)).map((t) => t.replace(/^ADR \d+: /, "")).sort()).toEqual(["Store the catalogue in PostgreSQL JSONB", "Use MongoDB for the catalogue"]);
      // A word only the malformed file's body holds.
      await page.fill("#site-search-input", "quokka");
      await page.waitForFunction(() => document.querySelectorAll("#search-results li").length === 1);
      expect(await searchResultTitles(page)).toHaveLength(1);
      await page.fill("#site-search-input", "");
      await page.waitForFunction(() => !document.getElementById("adr-table")?.closest(".table-wrap")?.hasAttribute("hidden"));
      expect(await visibleRowTitles(page)).toHaveLength(7);
    });

    it("follows links from the index to an ADR and between ADRs", async () => {
      await openIndex();
      await page.click('#adr-table a:text-is("Use PostgreSQL")');
      await page.waitForLoadState("load");
      expect(await page.textContent("main h1")).toContain("Use PostgreSQL");
      // The body link to ADR 1 was rewritten from 0001-….md to its page.
      await page.click('main a:text-is("ADR 1")');
      await page.waitForLoadState("load");
      expect(await page.textContent("main h1")).toContain("Record architecture decisions");
      expect(page.url()).toMatch(/\.html$/);
      await page.goBack();
      await page.goto(mode.index());
      await page.click('#adr-table a:text-is("Use MongoDB for the catalogue")');
      await page.waitForLoadState("load");
      await page.click('main a[href*="0004"]');
      await page.waitForLoadState("load");
      expect(await page.textContent("main h1")).toContain("Store the catalogue in PostgreSQL JSONB");
    });

    it("runs no script from an ADR body and shows a remote image as a link, not a fetch", async () => {
      await openIndex();
      await page.click('#adr-table a:text-is("Expose a GraphQL API")');
      await page.waitForLoadState("load");
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      const main = await page.innerHTML("main");
      expect(main).not.toMatch(/<script/i);
      expect(main).not.toMatch(/onerror/i);
      expect(main).not.toMatch(/javascript:/i);
      await page.goto(mode.index());
      await page.click('#adr-table a:text-is("Use PostgreSQL")');
      await page.waitForLoadState("load");
      expect(await page.$$eval("main img", (imgs) => imgs.map((img) => (img as HTMLImageElement).src).filter((src) => src.includes("shields.io")))).toEqual([]);
      expect(await page.textContent("main")).toContain("build status");
      // The table made it through, with its header.
      expect(await page.$$eval("main table th", (ths) => ths.map((th) => th.textContent?.trim()))).toEqual(["Criterion", "PostgreSQL", "MySQL"]);
    });

    it("gives the malformed ADR a page with a visible warning", async () => {
      await openIndex();
      await page.click('#adr-table tr[data-id*="0006"] a');
      await page.waitForLoadState("load");
      expect(await page.textContent("main")).toContain("quokka");
      expect(await page.locator("main").getByText(/warning|could not|invalid/i).first().isVisible()).toBe(true);
    });

    it("reaches the search box and the filters with the keyboard", async () => {
      await openIndex();
      const reached = new Set<string>();
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press("Tab");
        const id = await page.evaluate(() => {
          const el = document.activeElement as HTMLInputElement | null;
          if (!el) return "";
          return el.id || (el.name ? `${el.name}:${el.value}` : el.tagName.toLowerCase());
        });
        reached.add(id);
      }
      expect(reached).toContain("site-search-input");
      expect(reached).toContain("status:accepted");
      expect(reached).toContain("filter-tag");
      // Space toggles a focused checkbox: the filter works without a mouse.
      await page.focus('#adr-filters input[name="status"][value="proposed"]');
      await page.keyboard.press("Space");
      expect(await visibleRowTitles(page)).toEqual(["Expose a GraphQL API"]);
    });

    it("follows the dark colour scheme and fits a 375 px phone without sideways scrolling", async () => {
      await page.emulateMedia({ colorScheme: "light" });
      await openIndex();
      const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const light = await background();
      await page.emulateMedia({ colorScheme: "dark" });
      const dark = await background();
      expect(dark).not.toBe(light);
      const channels = (rgb: string) => (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
      expect(channels(dark).reduce((a, b) => a + b, 0)).toBeLessThan(channels(light).reduce((a, b) => a + b, 0));
      await page.emulateMedia({ colorScheme: "light" });
      await page.setViewportSize({ width: 375, height: 812 });
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(await overflow()).toBeLessThanOrEqual(0);
      await page.click('#adr-table a:text-is("Use PostgreSQL")');
      await page.waitForLoadState("load");
      expect(await overflow()).toBeLessThanOrEqual(0);
      await page.setViewportSize({ width: 1280, height: 800 });
    });
  });

  it("has landmarks, a language, labelled controls, alt text and a skip link on every page", async () => {
    const page = await session.newPage();
    const pages = ["index.html", "timeline.html", "graph.html", ...Object.keys(FIXTURE_ADRS).map((f) => path.basename(f, ".md"))];
    const problems: string[] = [];
    for (const name of pages) {
      const url = name.endsWith(".html") ? pathToFileURL(path.join(siteDir, name)).href : await adrPageUrl(name);
      await page.goto(url);
      const found = await page.evaluate(() => {
        const issues: string[] = [];
        if (!document.documentElement.lang) issues.push("no lang");
        if (document.querySelectorAll("main").length !== 1) issues.push("not exactly one main");
        for (const tag of ["header", "nav", "footer"]) if (!document.querySelector(tag)) issues.push(`no ${tag}`);
        for (const control of document.querySelectorAll("input:not([type=hidden]), select, textarea")) {
          const el = control as HTMLInputElement;
          const labelled = (el.labels?.length ?? 0) > 0 || el.getAttribute("aria-label") || el.getAttribute("aria-labelledby");
          if (!labelled) issues.push(`unlabelled ${el.tagName.toLowerCase()}#${el.id}`);
        }
        for (const img of document.querySelectorAll("img")) if (!img.hasAttribute("alt")) issues.push(`img without alt: ${img.getAttribute("src")}`);
        for (const svg of document.querySelectorAll("main svg")) if (!svg.getAttribute("aria-label") && !svg.getAttribute("aria-labelledby") && !svg.querySelector("title") && svg.getAttribute("aria-hidden") !== "true") issues.push("svg without a name");
        const first = document.querySelector("a[href], button, input, select, textarea");
        if (!first || first.getAttribute("href") !== "#main") issues.push("first focusable is not the skip link to #main");
        return issues;
      });
      problems.push(...found.map((issue) => `${name}: ${issue}`));
    }
    await page.close();
    expect(problems).toEqual([]);
  });

  /** The file:// URL of an ADR's page, found through the index link of its source file. */
  async function adrPageUrl(stem: string): Promise<string> {
    const index = readFileSync(path.join(siteDir, "index.html"), "utf8");
    const href = new RegExp(`href="(adr/[^"]*${stem.slice(0, 4)}[^"]*\\.html)"`).exec(index)?.[1];
    if (!href) throw new Error(`no page for ${stem} on the index`);
    return pathToFileURL(path.join(siteDir, href)).href;
  }

  it("saves screenshots of the index and an ADR page: light and dark, desktop and phone", async () => {
    const page = await session.newPage();
    const shots: string[] = [];
    for (const scheme of ["light", "dark"] as const) {
      for (const [device, size] of [["desktop", { width: 1280, height: 800 }], ["phone", { width: 375, height: 812 }]] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.setViewportSize(size);
        await page.goto(pathToFileURL(path.join(siteDir, "index.html")).href);
        await page.waitForSelector("#adr-filters:not([hidden])");
        shots.push(await screenshot(page, `index-${scheme}-${device}`));
        await page.click('#adr-table a:text-is("Use PostgreSQL")');
        await page.waitForLoadState("load");
        shots.push(await screenshot(page, `adr-${scheme}-${device}`));
      }
    }
    // The other views, light desktop: search results, the malformed ADR, timeline and graph.
    await page.emulateMedia({ colorScheme: "light" });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(pathToFileURL(path.join(siteDir, "index.html")).href);
    await page.waitForSelector("#adr-filters:not([hidden])");
    await page.fill("#site-search-input", "postgresql");
    await page.waitForSelector("#search-results:not([hidden]) li");
    shots.push(await screenshot(page, "search-light-desktop"));
    await page.fill("#site-search-input", "");
    await page.click('#adr-table tr[data-id*="0006"] a');
    await page.waitForLoadState("load");
    shots.push(await screenshot(page, "adr-malformed-light-desktop"));
    for (const view of ["timeline", "graph"]) {
      await page.goto(pathToFileURL(path.join(siteDir, `${view}.html`)).href);
      shots.push(await screenshot(page, `${view}-light-desktop`));
    }
    await page.close();
    expect(shots).toHaveLength(12);
  });

  it("fetched nothing from the network and logged no errors", () => {
    const outside = session.requests.filter((url) => !url.startsWith("file://") && !url.startsWith(`${http.origin}/`));
    expect(outside).toEqual([]);
    expect(session.requests.some((url) => url.startsWith(`${http.origin}${SUB_PATH}assets/`))).toBe(true);
    expect(session.errors).toEqual([]);
  });
});
