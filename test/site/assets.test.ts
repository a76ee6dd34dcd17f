/** @jest-environment node */
import { afterAll, describe, expect, it } from "@jest/globals";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { fileURLToPath } from "node:url";
import MiniSearch from "minisearch";
import { demoModel, siteAdr, siteModel } from "./pages-fixture.js";
import { LIVE_RELOAD_PATH, LIVE_RELOAD_SCRIPT, packageRoot, siteAssets } from "../../src/site/assets.js";
import { buildSearchData, cachedSearchIndexScript, renderSearchIndexScript } from "../../src/site/search-index.js";
import { openCacheAuth } from "../../src/site/cache-secret.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";
import { SEARCH_OPTIONS } from "../../src/search/options.js";
import type { SiteSearchData } from "../../src/site/client/search-data.js";
import type { SiteModel } from "../../src/site/model.js";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
const text = (content: string | Uint8Array) => (typeof content === "string" ? content : Buffer.from(content).toString("utf8"));

/** Runs a search-index script in a bare context and returns what it assigned. */
function runIndexScript(source: string): SiteSearchData {
  const window: Record<string, unknown> = {};
  vm.runInNewContext(source, { window });
  return window.ADRGEN_SEARCH as SiteSearchData;
}

describe("siteAssets", () => {
  it("gives the stylesheet, browser script, search index, live-reload client and icon", async () => {
    const files = await siteAssets(demoModel());
    expect(files.map((f) => f.path)).toEqual(["assets/site.css", "assets/site.js", "assets/search-index.js", "assets/live-reload.js", "assets/favicon.svg"]);
    const byPath = new Map(files.map((f) => [f.path, text(f.content)]));
    expect(byPath.get("assets/site.css")).toBe(readFileSync(path.join(projectRoot, "dist/site-client.css"), "utf8"));
    expect(byPath.get("assets/site.js")).toBe(readFileSync(path.join(projectRoot, "dist/site-client.js"), "utf8"));
    expect(byPath.get("assets/favicon.svg")).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  it("ships a browser script that is a self-contained classic script (no module syntax, no require)", async () => {
    const js = text((await siteAssets(demoModel())).find((f) => f.path === "assets/site.js")!.content);
    expect(js.length).toBeGreaterThan(1000);
    expect(js).not.toMatch(/\bimport\s*[{*("']|\bexport\s|\brequire\(/);
    // It parses as a classic script and does nothing harmful without a document.
    expect(() => vm.runInNewContext(js, {})).not.toThrow();
  });

  it("ships a stylesheet with light/dark, narrow-screen, print and focus rules", async () => {
    const css = text((await siteAssets(demoModel())).find((f) => f.path === "assets/site.css")!.content);
    expect(css).toMatch(/@media screen and \(prefers-color-scheme:\s*dark\)/);
    expect(css).toMatch(/@media\s*\(max-width:\s*40em\)/);
    expect(css).toContain("@media print");
    expect(css).toContain(":focus-visible");
    expect(css).toContain("[hidden]{display:none!important}");
    for (const status of ["accepted", "proposed", "rejected", "deprecated", "superseded", "other", "none"]) expect(css).toContain(`.status-${status}`);
  });

  it("never puts an ADR's raw HTML into any asset", async () => {
    const hostile = siteModel([
      siteAdr({ id: "evil", title: "Evil </script><script>alert(1)</script>", bodyHtml: `<p class="raw-body-marker">Body</p><img src=x onerror=alert(2)>`, text: "Plain </script><script>alert(3)</script> text \u2028 here" }),
    ]);
    for (const file of await siteAssets(hostile)) {
      const content = text(file.content);
      expect(content).not.toMatch(/<\/?script/i);
      expect(content).not.toContain("raw-body-marker");
      expect(content).not.toContain("onerror");
    }
  });

  it("finds the package root from a nested file of the package", () => {
    expect(packageRoot(path.join(projectRoot, "dist", "chunks", "x.js"))).toBe(path.resolve(projectRoot));
    expect(existsSync(path.join(packageRoot(), "package.json"))).toBe(true);
  });

  it("reloads on a reload event from the events endpoint under the page's root", () => {
    const listeners: Record<string, () => void> = {};
    const opened: string[] = [];
    let reloaded = 0;
    class FakeEventSource {
      constructor(url: string) {
        opened.push(url);
      }
      addEventListener(type: string, fn: () => void) {
        listeners[type] = fn;
      }
    }
    const document = { documentElement: { getAttribute: (name: string) => (name === "data-root" ? "../" : null) } };
    const location = { protocol: "http:", hostname: "127.0.0.1", reload: () => reloaded++ };
    vm.runInNewContext(LIVE_RELOAD_SCRIPT, { EventSource: FakeEventSource, document, location });
    expect(opened).toEqual([`../${LIVE_RELOAD_PATH}`]);
    expect(reloaded).toBe(0);
    listeners.reload!();
    expect(reloaded).toBe(1);

    // A preview build opened from file:// or published elsewhere asks for no events endpoint.
    for (const where of [{ protocol: "file:", hostname: "" }, { protocol: "https:", hostname: "example.github.io" }]) {
      vm.runInNewContext(LIVE_RELOAD_SCRIPT, { EventSource: FakeEventSource, document, location: { ...where, reload: () => reloaded++ } });
    }
    expect(opened).toHaveLength(1);
  });
});

/** WCAG contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe("stylesheet colours", () => {
  const css = readFileSync(path.join(projectRoot, "src/site/client/site.css"), "utf8");
  // Dark rules sit in `@media screen and (prefers-color-scheme: dark) { … }` blocks that end with a "}" line.
  const darkBlocks = /@media screen and \(prefers-color-scheme: dark\) \{[\s\S]*?\n\}\n/g;
  const light = css.replace(darkBlocks, "");
  const dark = (css.match(darkBlocks) ?? []).join("\n");
  const vars = (block: string, selector: string) => Object.fromEntries([...(new RegExp(`${selector.replace(".", "\\.")}\\s*\\{([^}]*)\\}`).exec(block)?.[1] ?? "").matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/g)].map((m) => [m[1], m[2]]));

  it.each([
    ["light", () => light],
    ["dark", () => dark],
  ])("keep text, muted text and every status badge at 4.5:1 or more in the %s theme", (_name, block) => {
    const root = vars(block(), ":root");
    expect(Object.keys(root)).toEqual(expect.arrayContaining(["bg", "text", "muted", "link", "surface"]));
    for (const fg of [root.text!, root.muted!, root.link!]) {
      expect(contrast(fg, root.bg!)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(fg, root.surface!)).toBeGreaterThanOrEqual(4.5);
    }
    for (const status of ["accepted", "proposed", "rejected", "deprecated", "superseded", "other"]) {
      const badge = vars(block(), `.status-${status}`);
      expect({ status, ratio: contrast(badge["b-fg"]!, badge["b-bg"]!) >= 4.5 }).toEqual({ status, ratio: true });
      expect(contrast(root.text!, badge["b-bg"]!)).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe("search index script", () => {
  it("assigns a prebuilt MiniSearch index that loads with the shared options and finds ADRs", () => {
    const data = runIndexScript(renderSearchIndexScript(demoModel()));
    expect(data.version).toBe(1);
    const index = MiniSearch.loadJS(data.index as Parameters<typeof MiniSearch.loadJS>[0], SEARCH_OPTIONS);
    const hits = index.search("kafka");
    expect(hits[0]?.id).toBe("0003-kafka");
    expect(hits[0]?.title).toBe("Use Kafka for events");
    expect(data.docs["0003-kafka"]).toEqual({ href: "adr/0003-kafka.html", text: demoModel().adrs[2]!.text });
  });

  it("holds the same index as one built now", () => {
    const model = demoModel();
    expect(runIndexScript(renderSearchIndexScript(model))).toEqual(JSON.parse(JSON.stringify(buildSearchData(model))));
  });

  it("escapes < so nothing in it can end a script element", () => {
    const source = renderSearchIndexScript(siteModel([siteAdr({ id: "x", title: "a </script> b", text: "<!-- c --> <b>" })]));
    expect(source).not.toContain("<");
    expect(runIndexScript(source).docs.x!.text).toBe("<!-- c --> <b>");
  });
});

describe("cached search index script", () => {
  afterAll(cleanupTempDirs);
  const auth = () => openCacheAuth(path.join(makeTempDir(), "site-key"))!;
  const cacheFileOf = (cacheDir: string) => path.join(cacheDir, "site-search-index.json");
  type Stored = { key: string; mac: string; index: string };

  it("is built once, reused while no ADR's searchable content changes, and rebuilt when one does", async () => {
    const cacheDir = path.join(makeTempDir(), ".adrgen", "cache");
    const key = auth();
    const model = demoModel();
    const fresh = renderSearchIndexScript(model);
    expect(await cachedSearchIndexScript(model, cacheDir, key)).toBe(fresh);
    expect(readFileSync(path.join(cacheDir, ".gitignore"), "utf8")).toBe("*\n");
    // Proof of reuse: a marked index under the same key (and a valid MAC) comes back as it is.
    const stored = JSON.parse(readFileSync(cacheFileOf(cacheDir), "utf8")) as Stored;
    const marked = JSON.stringify({ ...JSON.parse(stored.index), averageFieldLength: [7, 7, 7] });
    writeFileSync(cacheFileOf(cacheDir), JSON.stringify({ key: stored.key, mac: key.mac(stored.key, marked), index: marked }));
    expect(runIndexScript(await cachedSearchIndexScript(demoModel(), cacheDir, key)).index).toMatchObject({ averageFieldLength: [7, 7, 7] });
    // The bodyHtml is not indexed, so it does not invalidate; the text, a title or a status does.
    const changed = demoModel();
    changed.adrs[0]!.bodyHtml = "<p>other markup</p>";
    expect(runIndexScript(await cachedSearchIndexScript(changed, cacheDir, key)).index).toMatchObject({ averageFieldLength: [7, 7, 7] });
    for (const edit of [(m: SiteModel) => (m.adrs[0]!.text += " more"), (m: SiteModel) => (m.adrs[1]!.title = "New"), (m: SiteModel) => (m.adrs[2]!.status = "accepted")]) {
      const edited = demoModel();
      edit(edited);
      expect(await cachedSearchIndexScript(edited, cacheDir, key)).toBe(renderSearchIndexScript(edited));
    }
  });

  it("takes page paths, text and every shown field from the model, never from the cache file", async () => {
    const cacheDir = makeTempDir();
    const key = auth();
    await cachedSearchIndexScript(demoModel(), cacheDir, key);
    const stored = JSON.parse(readFileSync(cacheFileOf(cacheDir), "utf8")) as Stored;
    const index = JSON.parse(stored.index) as { storedFields: Record<string, Record<string, unknown>> };
    for (const fields of Object.values(index.storedFields)) fields.title = "PLANTED_TITLE";
    const planted = JSON.stringify(index);
    writeFileSync(cacheFileOf(cacheDir), JSON.stringify({ key: stored.key, mac: key.mac(stored.key, planted), index: planted }));
    const moved = demoModel();
    moved.adrs[0]!.href = "adr/moved.html";
    const script = await cachedSearchIndexScript(moved, cacheDir, key);
    expect(script).not.toContain("PLANTED_TITLE");
    expect(script).toBe(renderSearchIndexScript(moved));
  });

  it("ignores a cache file written with another key or edited afterwards (planted in the repository)", async () => {
    const cacheDir = makeTempDir();
    const mine = auth();
    await cachedSearchIndexScript(demoModel(), cacheDir, auth());
    expect(await cachedSearchIndexScript(demoModel(), cacheDir, mine)).toBe(renderSearchIndexScript(demoModel()));
    const stored = JSON.parse(readFileSync(cacheFileOf(cacheDir), "utf8")) as Stored;
    writeFileSync(cacheFileOf(cacheDir), JSON.stringify({ ...stored, index: stored.index.replace("{", '{"averageFieldLength":[7,7,7],') }));
    expect(await cachedSearchIndexScript(demoModel(), cacheDir, mine)).toBe(renderSearchIndexScript(demoModel()));
  });

  it("still gives the script when the cache cannot be written", async () => {
    const dir = makeTempDir({ "cache-is-a-file": "x" });
    expect(await cachedSearchIndexScript(demoModel(), path.join(dir, "cache-is-a-file"), auth())).toBe(renderSearchIndexScript(demoModel()));
  });

  it("is what siteAssets ships when given a cache directory and key", async () => {
    const cacheDir = makeTempDir();
    const files = await siteAssets(demoModel(), { cacheDir, auth: auth() });
    expect(text(files.find((f) => f.path === "assets/search-index.js")!.content)).toBe(renderSearchIndexScript(demoModel()));
    expect(existsSync(cacheFileOf(cacheDir))).toBe(true);
  });
});
