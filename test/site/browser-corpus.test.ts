/// <reference lib="dom" />
// Every page of a site built from the real-world ADR corpus (../shared/adr-corpus, skipped when
// absent), opened in Chromium from file:// on a 375 px phone: no request leaves the site, no
// console or page error, no sideways scrolling, and the index lists every ADR.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildSite } from "../../src/site/build.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";
import { findChromium, launchBrowser, screenshot, visibleRowTitles, type BrowserSession } from "./browser-harness.js";
import { corpusPresent, corpusWorkspace } from "../helpers/corpus.js";

const executable = findChromium();
const present = corpusPresent;
// browser.test.ts reports a missing browser (and fails under CI); this suite also needs the corpus.
const suite = executable && present ? describe : describe.skip;

let site: string;
let session: BrowserSession;
let adrCount: number;

suite("the real-world corpus site in Chromium", () => {
  beforeAll(async () => {
    site = path.join(makeTempDir(), "site");
    // cache: false — nothing may be written into the shared corpus folder.
    const result = await buildSite({ workspace: corpusWorkspace(), out: site, cache: false, generatedAt: "2026-01-15T00:00:00.000Z" });
    adrCount = result.pages - 3;
    session = await launchBrowser(executable!, () => []);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    cleanupTempDirs();
  });

  it("lists every ADR on the index and saves a phone screenshot of it", async () => {
    const page = await session.newPage();
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(pathToFileURL(path.join(site, "index.html")).href);
    await page.waitForSelector("#adr-filters:not([hidden])");
    expect(await visibleRowTitles(page)).toHaveLength(adrCount);
    await page.fill("#site-search-input", "kubernetes");
    await page.waitForSelector("#search-results:not([hidden]) li");
    await page.fill("#site-search-input", "");
    await screenshot(page, "corpus-index-light-phone", false);
    await page.close();
  });

  it("opens every page without a request outside the site, an error, or sideways scrolling", async () => {
    const page = await session.newPage();
    await page.setViewportSize({ width: 375, height: 812 });
    const pages = ["index.html", "timeline.html", "graph.html", ...readdirSync(path.join(site, "adr")).filter((f) => f.endsWith(".html")).map((f) => `adr/${f}`)];
    const overflowing: string[] = [];
    for (const rel of pages) {
      await page.goto(pathToFileURL(path.join(site, rel)).href, { waitUntil: "domcontentloaded" });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) overflowing.push(`${rel} (+${overflow}px)`);
    }
    // A long real ADR with tables and code, phone-sized, first screen only.
    const long = pages.find((rel) => rel.includes("elastisys") && rel.includes("0019")) ?? pages[3]!;
    await page.goto(pathToFileURL(path.join(site, long)).href);
    await screenshot(page, "corpus-adr-light-phone", false);
    await page.close();
    expect(pages.length).toBe(adrCount + 3);
    expect(session.requests.filter((url) => !url.startsWith("file://"))).toEqual([]);
    expect(session.errors).toEqual([]);
    expect(overflowing).toEqual([]);
  }, 180_000);
});
