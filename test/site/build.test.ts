// buildSite: the files of a site, relative links only, no ADR markup in any output file, the output
// directory guard, the atomic swap under injected failures, and the render cache.
import { afterAll, describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { resolveWorkspace } from "../../src/config/workspace.js";
import { AdrgenError } from "../../src/domain/errors.js";
import { buildSite, type BuildSiteOptions } from "../../src/site/build.js";
import { openCacheAuth } from "../../src/site/cache-secret.js";
import { SITE_MARKER } from "../../src/site/out-dir.js";
import { nodeSiteWriterFs } from "../../src/site/site-writer.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

const HOSTILE = `---
status: accepted
date: 2024-03-04
tags: [security]
---

# Hostile input

<script>window.PWNED_BLOCK = 1</script>

<div class="RAWHTML_BLOCK" onclick="PWNED_DIV()">raw block</div>

Inline <b onmouseover="PWNED_INLINE()">bold</b>, <img src="x.png" onerror="PWNED_IMG()"> and <span class="RAWHTML_SPAN">span</span>.

<iframe src="https://evil.example/PWNED_FRAME"></iframe>

[click me](javascript:PWNED_JS()) [data](data:text/html,PWNED_DATA)

![badge](https://img.shields.io/badge/status-remote-red.svg)

<!-- PWNED_COMMENT -->
`;

function repo(extra: Record<string, string | Buffer> = {}): string {
  return makeTempDir({
    ".git/HEAD": "ref: refs/heads/main\n",
    "docs/adr/0001-record.md": "---\nstatus: accepted\ndate: 2024-01-02\n---\n\n# Record decisions\n\nNext: [queue](0002-use-queue.md#decision-outcome).\n",
    "docs/adr/0002-use-queue.md": "# 2. Use a queue\n\nDate: 2024-02-03\n\n## Status\n\nAccepted\n\nSupersedes [1. Record](0001-record.md)\n\n## Decision Outcome\n\n| Option | Score |\n|---|---|\n| Kafka | 3 |\n\n![flow](flow.png)\n",
    "docs/adr/0003-hostile.md": HOSTILE,
    "docs/adr/0004-broken.md": "---\ndate: 2024-14-02\nstatus: [\n---\nNo heading.\n",
    "docs/adr/flow.png": Buffer.from("89504e470d0a1a0a", "hex"),
    ...extra,
  });
}

async function build(dir: string, options: Partial<BuildSiteOptions> = {}, deps = {}) {
  const workspace = await resolveWorkspace({ cwd: dir });
  return buildSite({ workspace, out: path.join(dir, ".adrgen/site"), generatedAt: "2026-01-15T00:00:00.000Z", ...options }, deps);
}

function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name), base) : [path.relative(base, path.join(dir, e.name)).split(path.sep).join("/")]));
}

describe("buildSite", () => {
  it("writes the pages, one per ADR, the assets, copied images and the marker; the result counts them", async () => {
    const dir = repo();
    const result = await build(dir);
    const out = path.join(dir, ".adrgen/site");
    const files = filesUnder(out).sort();
    expect(result.out).toBe(out);
    expect(files).toEqual(
      expect.arrayContaining([".adrgen-site.json", "index.html", "timeline.html", "graph.html", "adr/docs-adr-0001-record.html", "adr/docs-adr-0002-use-queue.html", "adr/docs-adr-0003-hostile.html", "adr/docs-adr-0004-broken.html", "assets/site.css", "assets/site.js", "assets/search-index.js"]),
    );
    expect(files.filter((f) => f.startsWith("media/"))).toEqual([expect.stringMatching(/^media\/[0-9a-f]{10}-flow\.png$/)]);
    expect(result.pages).toBe(files.filter((f) => f.endsWith(".html")).length);
    expect(result.pages).toBe(7);
    expect(result.files).toBe(files.length);
    expect(result.bytes).toBe(files.reduce((sum, f) => sum + statSync(path.join(out, f)).size, 0));
    expect(JSON.parse(readFileSync(path.join(out, SITE_MARKER), "utf8"))).toMatchObject({ generator: "adrgen", builtAt: "2026-01-15T00:00:00.000Z" });
    const queue = readFileSync(path.join(out, "adr/docs-adr-0002-use-queue.html"), "utf8");
    expect(queue).toContain("<table>");
    expect(queue).toContain('<a href="docs-adr-0001-record.html">ADR 1: Record decisions</a>');
    expect(readFileSync(path.join(out, "adr/docs-adr-0001-record.html"), "utf8")).toContain('<a href="docs-adr-0002-use-queue.html#decision-outcome">queue</a>');
  });

  it("uses only relative URLs, and every one of them resolves to a file of the site (works from file:// and any sub-path)", async () => {
    const dir = repo();
    await build(dir, { liveReload: true });
    const out = path.join(dir, ".adrgen/site");
    let checked = 0;
    for (const file of filesUnder(out).filter((f) => f.endsWith(".html"))) {
      const html = readFileSync(path.join(out, file), "utf8");
      for (const [, attr, url] of html.matchAll(/\s(href|src|action)="([^"]*)"/g)) {
        if (/^(?:https?:|mailto:)/.test(url!)) {
          expect(attr).toBe("href");
          continue;
        }
        expect(url).not.toMatch(/^\/|^[a-z]+:/i);
        const target = url!.split(/[#?]/)[0]!;
        if (target === "") continue;
        expect(existsSync(path.join(out, path.dirname(file), target))).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(readFileSync(path.join(out, "index.html"), "utf8")).toContain('src="assets/live-reload.js"');
  });

  it("lets no ADR markup into any output file (pages, search index, scripts)", async () => {
    const dir = repo();
    await build(dir);
    const out = path.join(dir, ".adrgen/site");
    const hostilePage = readFileSync(path.join(out, "adr/docs-adr-0003-hostile.html"), "utf8");
    // An HTML block goes entirely; inline tags go, the words between them stay.
    expect(hostilePage).not.toContain("raw block");
    expect(hostilePage).toContain("Inline bold,  and span.");
    for (const file of filesUnder(out)) {
      const content = readFileSync(path.join(out, file), "utf8");
      expect({ file, hit: /PWNED|RAWHTML/.exec(content)?.[0] }).toEqual({ file, hit: undefined });
      if (file.endsWith(".html") || file === "assets/search-index.js") {
        expect({ file, hit: /onerror|onclick|onmouseover|javascript:|<iframe|data:text/i.exec(content)?.[0] }).toEqual({ file, hit: undefined });
      }
      if (file.endsWith(".html")) {
        // The only scripts are the site's own, loaded from its assets.
        const scripts = [...content.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
        expect(scripts.length).toBeGreaterThan(0);
        for (const tag of scripts) expect(tag).toMatch(/^<script src="(?:\.\.\/)?assets\/[a-z-]+\.js" defer>$/);
      }
    }
  });

  it("gives a malformed ADR a page with a visible warning, and reports the warnings", async () => {
    const dir = repo();
    const result = await build(dir);
    const page = readFileSync(path.join(dir, ".adrgen/site/adr/docs-adr-0004-broken.html"), "utf8");
    expect(page).toContain('class="adr-warnings"');
    expect(page).toMatch(/Invalid front matter/);
    expect(page).toContain("No heading.");
    expect(result.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^docs\/adr\/0004-broken\.md: .*front matter/i), "docs/adr/0004-broken.md: No H1 title (# Title) found."]));
  });
});

describe("buildSite without ADRs", () => {
  it("builds a site whose index says there are none yet", async () => {
    const dir = makeTempDir({ ".git/HEAD": "ref: refs/heads/main\n" });
    const result = await build(dir);
    expect(result).toMatchObject({ pages: 3, warnings: [], rendered: 0 });
    expect(readFileSync(path.join(dir, ".adrgen/site/index.html"), "utf8")).toMatch(/No decisions recorded yet/);
    expect(existsSync(path.join(dir, ".adrgen/site/adr"))).toBe(false);
  });
});

describe("buildSite and git", () => {
  it("keeps the default output (.adrgen/site) out of git status; an output elsewhere gets no ignore file", async () => {
    const dir = makeTempDir({ "docs/adr/0001-record.md": "# 1. Record decisions\n\n## Status\n\nAccepted\n" });
    execFileSync("git", ["init", "-q", dir]);
    await build(dir, { cache: false });
    const status = execFileSync("git", ["status", "--porcelain", "--untracked-files=all"], { cwd: dir, encoding: "utf8" });
    expect(status).toContain("docs/adr/0001-record.md");
    expect(status).not.toContain(".adrgen");

    const other = makeTempDir({ "docs/adr/0001-record.md": "# 1. Record decisions\n" });
    execFileSync("git", ["init", "-q", other]);
    await build(other, { cache: false, out: path.join(other, "public/site") });
    expect(existsSync(path.join(other, ".adrgen/.gitignore"))).toBe(false);
    expect(execFileSync("git", ["status", "--porcelain", "--untracked-files=all"], { cwd: other, encoding: "utf8" })).toContain("public/site/index.html");
  });
});

describe("buildSite output guard", () => {
  const refused = async (promise: Promise<unknown>, message: RegExp) => {
    const error = await promise.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(AdrgenError);
    expect((error as AdrgenError).exitCode).toBe(2);
    expect((error as AdrgenError).message).toMatch(message);
    return error as AdrgenError;
  };

  it("refuses a non-empty directory that is not a site, leaving it alone; --force replaces it", async () => {
    const dir = repo({ "public/notes.txt": "keep me\n" });
    const out = path.join(dir, "public");
    const error = await refused(build(dir, { out }), /not empty and was not built by adrgen/);
    expect(error.hint).toMatch(/--force/);
    expect(readFileSync(path.join(out, "notes.txt"), "utf8")).toBe("keep me\n");
    expect(readdirSync(out)).toEqual(["notes.txt"]);
    await build(dir, { out, force: true });
    expect(existsSync(path.join(out, "notes.txt"))).toBe(false);
    expect(existsSync(path.join(out, SITE_MARKER))).toBe(true);
  });

  it("rebuilds a directory holding the marker, removing files the new build does not have", async () => {
    const dir = repo();
    await build(dir);
    const out = path.join(dir, ".adrgen/site");
    writeFileSync(path.join(out, "adr/stale.html"), "old");
    await build(dir);
    expect(existsSync(path.join(out, "adr/stale.html"))).toBe(false);
    expect(existsSync(path.join(out, "index.html"))).toBe(true);
  });

  it("builds into an empty existing directory", async () => {
    const dir = repo();
    const out = path.join(dir, "empty");
    mkdirSync(out);
    await build(dir, { out });
    expect(existsSync(path.join(out, "index.html"))).toBe(true);
  });

  it("refuses the repository, an ADR directory, a directory containing one, and a file — even with --force", async () => {
    const dir = repo({ "README.md": "# repo\n" });
    await refused(build(dir, { out: dir, force: true }), /is the repository/);
    await refused(build(dir, { out: path.join(dir, "docs/adr"), force: true }), /is the ADR directory docs\/adr/);
    await refused(build(dir, { out: path.join(dir, "docs"), force: true }), /contains the ADR directory docs\/adr/);
    await refused(build(dir, { out: path.dirname(dir), force: true }), /contains the repository/);
    await refused(build(dir, { out: path.join(dir, "README.md"), force: true }), /is a file/);
    symlinkSync(dir, path.join(dir, "link-to-repo"));
    symlinkSync(path.join(dir, "docs/adr"), path.join(dir, "link-to-adrs"));
    await refused(build(dir, { out: path.join(dir, "link-to-repo"), force: true }), /is the repository/);
    await refused(build(dir, { out: path.join(dir, "link-to-adrs"), force: true }), /is the ADR directory docs\/adr/);
    expect(readFileSync(path.join(dir, "README.md"), "utf8")).toBe("# repo\n");
    expect(existsSync(path.join(dir, "docs/adr/0001-record.md"))).toBe(true);
  });
});

describe("buildSite atomic swap", () => {
  const leftovers = (dir: string) => readdirSync(path.join(dir, ".adrgen")).filter((n) => n.includes("adrgen-new") || n.includes("adrgen-old"));

  it("leaves the old site intact when writing fails midway, and no temp directory behind", async () => {
    const dir = repo();
    await build(dir);
    const index = path.join(dir, ".adrgen/site/index.html");
    const before = readFileSync(index, "utf8");
    writeFileSync(path.join(dir, "docs/adr/0005-new.md"), "# Five\n");
    let writes = 0;
    const failing = {
      ...nodeSiteWriterFs,
      writeFile: (file: string, content: string | Uint8Array) => {
        if (++writes === 4) throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
        writeFileSync(file, content);
      },
    };
    const error = await build(dir, {}, { fs: failing }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(AdrgenError);
    expect((error as AdrgenError).message).toMatch(/no space left/);
    expect(readFileSync(index, "utf8")).toBe(before);
    expect(before).not.toContain("Five");
    expect(leftovers(dir)).toEqual([]);
  });

  it("puts the old site back when the new one cannot be moved in", async () => {
    const dir = repo();
    await build(dir);
    const index = path.join(dir, ".adrgen/site/index.html");
    const before = readFileSync(index, "utf8");
    let renames = 0;
    const failing = {
      ...nodeSiteWriterFs,
      rename: (from: string, to: string) => {
        if (++renames === 2) throw Object.assign(new Error("EXDEV: cross-device link"), { code: "EXDEV" });
        renameSync(from, to);
      },
    };
    await expect(build(dir, { title: "Changed" }, { fs: failing })).rejects.toThrow(/cross-device/);
    expect(readFileSync(index, "utf8")).toBe(before);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe("buildSite reuse of unchanged files", () => {
  const ino = (dir: string, rel: string) => statSync(path.join(dir, ".adrgen/site", rel)).ino;

  it("writes only the marker when nothing changed, and refreshes its build time", async () => {
    const dir = repo();
    const first = await build(dir);
    expect(first.written).toBe(first.files);
    const before = { index: ino(dir, "index.html"), page: ino(dir, "adr/docs-adr-0001-record.html") };
    const again = await build(dir, { generatedAt: "2026-01-15T09:30:00.000Z" });
    expect(again).toMatchObject({ written: 1, files: first.files, pages: first.pages, bytes: expect.any(Number) });
    expect({ index: ino(dir, "index.html"), page: ino(dir, "adr/docs-adr-0001-record.html") }).toEqual(before);
    expect(JSON.parse(readFileSync(path.join(dir, ".adrgen/site", SITE_MARKER), "utf8")).builtAt).toBe("2026-01-15T09:30:00.000Z");
  });

  it("after an edit, rewrites what changed and keeps the other files (hard links: same inode)", async () => {
    const dir = repo();
    await build(dir);
    const unrelated = ino(dir, "adr/docs-adr-0003-hostile.html");
    const edited = ino(dir, "adr/docs-adr-0004-broken.html");
    writeFileSync(path.join(dir, "docs/adr/0004-broken.md"), "# Fixed now\n\nBody.\n");
    const result = await build(dir);
    expect(result.written).toBeLessThan(result.files);
    expect(ino(dir, "adr/docs-adr-0003-hostile.html")).toBe(unrelated);
    expect(ino(dir, "adr/docs-adr-0004-broken.html")).not.toBe(edited);
    expect(readFileSync(path.join(dir, ".adrgen/site/adr/docs-adr-0004-broken.html"), "utf8")).toContain("Fixed now");
  });

  it("rewrites a site file someone edited, and removes files someone added, even when the ADRs did not change", async () => {
    const dir = repo();
    await build(dir);
    const index = path.join(dir, ".adrgen/site/index.html");
    const original = readFileSync(index, "utf8");
    writeFileSync(index, original.replace("Decisions", "Hacked"));
    writeFileSync(path.join(dir, ".adrgen/site/extra.html"), "x");
    const result = await build(dir);
    expect(result.written).toBeGreaterThan(1);
    expect(readFileSync(index, "utf8")).toBe(original);
    expect(existsSync(path.join(dir, ".adrgen/site/extra.html"))).toBe(false);
  });

  it("writes every file where hard links are not possible", async () => {
    const dir = repo();
    await build(dir);
    writeFileSync(path.join(dir, "docs/adr/0005-new.md"), "# Five\n");
    const noLinks = { ...nodeSiteWriterFs, link: () => { throw Object.assign(new Error("EPERM: operation not permitted, link"), { code: "EPERM" }); } };
    const result = await build(dir, {}, { fs: noLinks });
    expect(result.written).toBe(result.files);
    expect(readFileSync(path.join(dir, ".adrgen/site/index.html"), "utf8")).toContain("Five");
    expect(readFileSync(path.join(dir, ".adrgen/site/adr/docs-adr-0001-record.html"), "utf8")).toContain("Record decisions");
  });
});

describe("buildSite render cache", () => {
  it("renders nothing again when nothing changed, only the changed ADR after an edit", async () => {
    const dir = repo();
    expect((await build(dir)).rendered).toBe(4);
    expect(readFileSync(path.join(dir, ".adrgen/cache/.gitignore"), "utf8")).toBe("*\n");
    const again = await build(dir);
    expect(again.rendered).toBe(0);
    expect(again.pages).toBe(7);
    writeFileSync(path.join(dir, "docs/adr/0001-record.md"), "# Record decisions\n\nEdited body.\n");
    expect((await build(dir)).rendered).toBe(1);
    expect(readFileSync(path.join(dir, ".adrgen/site/adr/docs-adr-0001-record.html"), "utf8")).toContain("Edited body.");
  });

  it("re-renders a cache entry that holds markup the renderer never writes (a tampered or committed cache)", async () => {
    const dir = repo();
    await build(dir);
    const cacheFile = path.join(dir, ".adrgen/cache/site-render.json");
    const cache = JSON.parse(readFileSync(cacheFile, "utf8")) as { entries: Record<string, { html: string; text: string }> };
    for (const entry of Object.values(cache.entries)) entry.html += "<script>PWNED_CACHE()</script>";
    writeFileSync(cacheFile, JSON.stringify(cache));
    const result = await build(dir);
    expect(result.rendered).toBe(4);
    for (const file of filesUnder(path.join(dir, ".adrgen/site"))) expect(readFileSync(path.join(dir, ".adrgen/site", file), "utf8")).not.toContain("PWNED_CACHE");
  });

  it("treats a cache written with another key as a miss, even when its markup looks like the renderer's", async () => {
    const dir = repo();
    // The cache as a commit would bring it: written on another machine, with that machine's key.
    const other = openCacheAuth(path.join(makeTempDir(), "site-key"));
    await build(dir, {}, { cacheAuth: () => other });
    const cacheFile = path.join(dir, ".adrgen/cache/site-render.json");
    const cache = JSON.parse(readFileSync(cacheFile, "utf8")) as { entries: Record<string, { html: string; text: string }> };
    for (const entry of Object.values(cache.entries)) {
      entry.html = '<p><a href="https://evil.example/PWNED_LINK">x</a></p>';
      entry.text = "PWNED_TEXT";
    }
    writeFileSync(cacheFile, JSON.stringify(cache));
    expect((await build(dir)).rendered).toBe(4);
    for (const file of filesUnder(path.join(dir, ".adrgen/site"))) expect(readFileSync(path.join(dir, ".adrgen/site", file), "utf8")).not.toMatch(/PWNED_(LINK|TEXT)/);
  });

  it("rejects an entry whose text alone was edited", async () => {
    const dir = repo();
    await build(dir);
    const cacheFile = path.join(dir, ".adrgen/cache/site-render.json");
    const cache = JSON.parse(readFileSync(cacheFile, "utf8")) as { entries: Record<string, { html: string; text: string }> };
    for (const entry of Object.values(cache.entries)) entry.text = "PWNED_TEXT";
    writeFileSync(cacheFile, JSON.stringify(cache));
    expect((await build(dir)).rendered).toBe(4);
    expect(readFileSync(path.join(dir, ".adrgen/site/assets/search-index.js"), "utf8")).not.toContain("PWNED_TEXT");
  });

  it("does not publish a planted search index cache (code, or links and titles of its own)", async () => {
    const dir = repo();
    await build(dir);
    const cacheFile = path.join(dir, ".adrgen/cache/site-search-index.json");
    const stored = JSON.parse(readFileSync(cacheFile, "utf8")) as { key: string; mac: string; index: string };
    const planted = stored.index.replace(/"title":"[^"]*"/g, '"title":"PWNED_TITLE"');
    writeFileSync(cacheFile, JSON.stringify({ ...stored, index: `${planted.slice(0, -1)},"x":"</script><script>PWNED_INDEX()</script>"}` }));
    await build(dir);
    const index = readFileSync(path.join(dir, ".adrgen/site/assets/search-index.js"), "utf8");
    expect(index).not.toMatch(/PWNED_(INDEX|TITLE)/);
    expect(index).not.toContain("javascript:");
  });

  it("keeps no cache when no key can be kept outside the repository", async () => {
    const dir = repo();
    const result = await build(dir, {}, { cacheAuth: () => undefined });
    expect(result.rendered).toBe(4);
    expect(existsSync(path.join(dir, ".adrgen/cache"))).toBe(false);
    expect(openCacheAuth(path.join(makeTempDir({ "home-is-a-file": "x" }), "home-is-a-file", "adrgen", "site-key"))).toBeUndefined();
  });

  it("keeps no cache with cache: false", async () => {
    const dir = repo();
    await build(dir, { cache: false });
    expect(existsSync(path.join(dir, ".adrgen/cache"))).toBe(false);
    expect((await build(dir, { cache: false })).rendered).toBe(4);
  });
});
