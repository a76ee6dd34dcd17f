/// <reference lib="dom" />
// Real-browser harness for the site tests: finds Debian's Chromium, launches it offline with a
// fresh profile, records every request and every console or page error, and serves a built
// site under a sub-path the way GitHub Pages does.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { serveStatic } from "../../src/site/serve-static.js";
import { PROJECT_ROOT } from "../helpers/spawn.js";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

/** The browser to drive: ADRGEN_CHROMIUM if set, else the first Chromium found on this machine. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.ADRGEN_CHROMIUM;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return CANDIDATES.find((file) => existsSync(file));
}

/** True when CI is set: browser tests must then run, not skip. */
export function browserRequired(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== "" && ci !== "false" && ci !== "0";
}

/** Where screenshots go (git-ignored; kept for people to look at). */
export const ARTIFACTS = path.join(PROJECT_ROOT, "test-artifacts/site");

// This machine's network is closed and the tests must not use it anyway: no QUIC, no
// background fetches, no component updates, no sync.
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** A launched browser with what its pages did. */
export interface BrowserSession {
  context: BrowserContext;
  /** Every URL any page requested, in order. */
  requests: string[];
  /** Console errors and uncaught page errors, with the page URL. */
  errors: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Launches Chromium headless with a fresh profile; requests leaving file:// and `allowedOrigins` are recorded and aborted. */
export async function launchBrowser(executablePath: string, allowedOrigins: () => string[]): Promise<BrowserSession> {
  const profile = mkdtempSync(path.join(tmpdir(), "adrgen-chromium-"));
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: ARGS, viewport: { width: 1280, height: 800 } });
  const requests: string[] = [];
  const errors: string[] = [];
  const isLocal = (url: string) => url.startsWith("file://") || allowedOrigins().some((origin) => url.startsWith(origin));
  context.on("request", (request) => void requests.push(request.url()));
  await context.route(
    (url) => !isLocal(url.href),
    (route) => route.abort("blockedbyclient"),
  );
  const watch = (page: Page) => {
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`${page.url()}: console error: ${message.text()}`);
    });
    page.on("pageerror", (error) => void errors.push(`${page.url()}: page error: ${error.message}`));
  };
  context.on("page", watch);
  for (const page of context.pages()) watch(page);
  return {
    context,
    requests,
    errors,
    newPage: () => context.newPage(),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Serves `dir` at http://127.0.0.1:<port><prefix> with the preview's static handler. */
export async function serveUnderPrefix(dir: string, prefix: string): Promise<{ origin: string; url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => void serveStatic(req, res, dir, prefix));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: `${origin}${prefix}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Saves a screenshot (full page unless told) as test-artifacts/site/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/** Titles of the index rows the page shows now (hidden rows excluded). */
export function visibleRowTitles(page: Page): Promise<string[]> {
  return page.$$eval("#adr-table tbody tr[data-id]", (rows) =>
    rows.filter((row) => !(row as HTMLElement).hidden && (row as HTMLElement).offsetParent !== null).map((row) => row.querySelector(".col-title")?.textContent?.trim() ?? ""),
  );
}

/** Titles in the search results list the page shows now. */
export function searchResultTitles(page: Page): Promise<string[]> {
  return page.$$eval("#search-results:not([hidden]) li a", (links) => links.map((a) => a.textContent?.trim() ?? ""));
}
