/** @jest-environment node */
import { beforeAll, describe, expect, it } from "@jest/globals";
import { loadJsdom } from "./client-jsdom.js";
import { graphPage, indexPage, timelinePage } from "./pages-fixture.js";
import { contentSecurityPolicy, renderLayout, SITE_PAGES, type LayoutPage } from "../../src/site/layout.js";
import { escapeHtml, scriptSafeJson } from "../../src/site/html.js";
import { VERSION } from "../../src/version.js";

const page = (fields: Partial<LayoutPage> = {}): LayoutPage => ({ siteTitle: "demo", title: "Decisions", root: "", active: "index", body: "<p>body</p>", generatedAt: "2026-01-15T10:00:00.000Z", ...fields });
let JSDOM: typeof import("jsdom").JSDOM;
beforeAll(async () => {
  ({ JSDOM } = await loadJsdom());
});
const parse = (html: string) => new JSDOM(html).window.document;

/** Every URL-bearing attribute of a document. */
function urls(doc: Document): string[] {
  return [...doc.querySelectorAll("[href], [src], form[action]")].flatMap((el) => ["href", "src", "action"].map((a) => el.getAttribute(a)).filter((v): v is string => v !== null));
}

describe("renderLayout", () => {
  it("is a complete HTML5 document with language, charset, viewport and colour scheme", () => {
    const html = renderLayout(page());
    expect(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\"")).toBe(true);
    const doc = parse(html);
    expect(doc.querySelector("meta[charset]")?.getAttribute("charset")).toBe("utf-8");
    expect(doc.querySelector('meta[name="viewport"]')?.getAttribute("content")).toContain("width=device-width");
    expect(doc.querySelector('meta[name="color-scheme"]')?.getAttribute("content")).toBe("light dark");
    expect(doc.title).toBe("Decisions · demo");
  });

  it("has a skip link, header, site navigation, a labelled search form, main and footer", () => {
    const doc = parse(renderLayout(page()));
    const skip = doc.querySelector("body > a.skip-link");
    expect(skip?.getAttribute("href")).toBe("#main");
    expect(doc.body.firstElementChild).toBe(skip);
    expect(doc.querySelector("header nav[aria-label]")).not.toBeNull();
    expect(doc.querySelectorAll("main")).toHaveLength(1);
    expect(doc.querySelector("main")?.id).toBe("main");
    expect(doc.querySelector("main")?.innerHTML.trim()).toBe("<p>body</p>");
    const form = doc.querySelector("form[role=search]")!;
    const input = form.querySelector("input[type=search]")!;
    expect(form.querySelector(`label[for="${input.id}"]`)?.textContent).toBe("Search decisions");
    expect(doc.querySelector("footer")?.textContent).toContain(`Built by adrgen ${VERSION} on 2026-01-15`);
  });

  it("marks only the active page with aria-current, and none on ADR pages", () => {
    for (const active of ["index", "timeline", "graph"] as const) {
      const current = [...parse(renderLayout(page({ active }))).querySelectorAll("[aria-current]")];
      expect(current.map((a) => a.getAttribute("href"))).toEqual([SITE_PAGES[active]]);
    }
    expect(parse(renderLayout(page({ active: "adr", root: "../" }))).querySelectorAll("[aria-current]")).toHaveLength(0);
  });

  it("escapes the site title and page title", () => {
    const html = renderLayout(page({ siteTitle: `<script>alert("x")</script>`, title: `A & B <img src=x onerror=alert(1)>` }));
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img");
    const doc = parse(html);
    expect(doc.querySelector(".site-title")?.textContent).toBe(`<script>alert("x")</script>`);
    expect(doc.title).toBe(`A & B <img src=x onerror=alert(1)> · <script>alert("x")</script>`);
    expect(doc.querySelectorAll("script:not([src])")).toHaveLength(0);
  });

  it("makes every URL relative to the given root", () => {
    for (const root of ["", "../"]) {
      const doc = parse(renderLayout(page({ root, active: root === "" ? "index" : "adr", liveReload: true })));
      const all = urls(doc);
      expect(all.length).toBeGreaterThan(6);
      for (const url of all) {
        expect(url).not.toMatch(/^(\/|[a-z][a-z0-9+.-]*:)/i);
        if (!url.startsWith("#")) expect(url.startsWith(root)).toBe(true);
      }
      expect(doc.documentElement.dataset.root).toBe(root);
    }
  });

  it("has no absolute or remote URL on any top-level page", () => {
    for (const html of [indexPage(), timelinePage(), graphPage()]) {
      const all = urls(parse(html));
      expect(all.length).toBeGreaterThan(10);
      for (const url of all) expect(url).not.toMatch(/^(\/|[a-z][a-z0-9+.-]*:)/i);
    }
  });

  it("sets a strict content security policy without inline scripts or styles", () => {
    const doc = parse(renderLayout(page()));
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain("unsafe");
    expect(csp).not.toContain("connect-src");
    expect(contentSecurityPolicy(true)).toContain("connect-src 'self'");
    expect(doc.querySelectorAll("style, [style]")).toHaveLength(0);
  });

  it("loads the search index only on the index page and the live-reload client only when asked", () => {
    const scripts = (p: LayoutPage) => [...parse(renderLayout(p)).querySelectorAll("script")].map((s) => s.getAttribute("src"));
    expect(scripts(page())).toEqual(["assets/search-index.js", "assets/site.js"]);
    expect(scripts(page({ active: "graph" }))).toEqual(["assets/site.js"]);
    expect(scripts(page({ active: "adr", root: "../", liveReload: true }))).toEqual(["../assets/site.js", "../assets/live-reload.js"]);
    for (const s of parse(renderLayout(page())).querySelectorAll("script")) expect(s.hasAttribute("defer")).toBe(true);
  });

  it("omits the build date when none is given", () => {
    const doc = parse(renderLayout(page({ generatedAt: undefined })));
    expect(doc.querySelector("footer")?.textContent).toBe(`Built by adrgen ${VERSION}.`);
  });
});

describe("html helpers", () => {
  it("escapeHtml escapes the five special characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    expect(escapeHtml(42)).toBe("42");
  });

  it("scriptSafeJson cannot close a script element and still parses to the same value", () => {
    const value = { text: "</script><script>alert(1)</script>\u2028\u2029" };
    const json = scriptSafeJson(value);
    expect(json).not.toContain("<");
    expect(json).not.toMatch(/[\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});
