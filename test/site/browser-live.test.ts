/// <reference lib="dom" />
// Live reload in a real browser: serveSite builds and serves the site, the page listens for
// reload events, and editing an ADR file shows the new title without touching the browser.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { resolveWorkspace } from "../../src/config/workspace.js";
import { serveSite, type SiteServer } from "../../src/site/serve.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";
import { browserRequired, findChromium, launchBrowser, type BrowserSession } from "./browser-harness.js";
import { FIXTURE_ADRS } from "./browser-fixture.js";

const executable = findChromium();
// browser.test.ts prints the skip message and fails under CI without a browser; this file just follows.
const suite = executable ? describe : describe.skip;
if (!executable && browserRequired()) {
  describe("live reload in a browser", () => {
    it("needs Chromium under CI", () => {
      throw new Error("CI is set but no Chromium was found.");
    });
  });
}

let server: SiteServer;
let session: BrowserSession;
let repo: string;
const log: string[] = [];

suite("live reload in Chromium", () => {
  beforeAll(async () => {
    repo = makeTempDir({ ".adrgenrc.json": "{}", ...FIXTURE_ADRS });
    const workspace = await resolveWorkspace({ cwd: repo });
    server = await serveSite({ workspace, out: path.join(repo, ".adrgen/site"), port: 0 }, { info: (m) => void log.push(m), warn: (m) => void log.push(m) });
    session = await launchBrowser(executable!, () => [server.url.replace(/\/$/, "")]);
  }, 60_000);

  afterAll(async () => {
    await session?.close();
    await server?.close();
    cleanupTempDirs();
  });

  it("reloads an open ADR page when its file changes, and the index too", async () => {
    const page = await session.newPage();
    await page.goto(server.url);
    await page.click('#adr-table a:text-is("Use PostgreSQL")');
    await page.waitForLoadState("load");
    expect(await page.textContent("main h1")).toContain("Use PostgreSQL");
    // The page holds an open event stream before the edit, so the reload cannot be missed.
    const deadline = Date.now() + 5000;
    const streams = () => session.requests.filter((url) => url === `${server.url}__adrgen/events`).length;
    // One stream from the index, one from this page.
    while (streams() < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(streams()).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 100));

    const file = path.join(repo, "docs/adr/0002-use-postgresql.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("# Use PostgreSQL", "# Use PostgreSQL 16 for orders"));
    await page.waitForFunction(() => document.querySelector("main h1")?.textContent?.includes("Use PostgreSQL 16 for orders"), undefined, { timeout: 10_000 });

    await page.goto(server.url);
    expect(await page.textContent("#adr-table")).toContain("Use PostgreSQL 16 for orders");
    writeFileSync(path.join(repo, "docs/adr/0008-adopt-opentelemetry.md"), "---\nstatus: proposed\n---\n\n# Adopt OpenTelemetry\n\n## Context and Problem Statement\n\nTracing.\n");
    await page.waitForFunction(() => document.getElementById("adr-table")?.textContent?.includes("Adopt OpenTelemetry"), undefined, { timeout: 10_000 });
    await page.close();

    expect(log.some((line) => /Rebuilt \d+ pages/.test(line))).toBe(true);
    expect(session.errors).toEqual([]);
    expect(session.requests.filter((url) => !url.startsWith(server.url))).toEqual([]);
  });
});
