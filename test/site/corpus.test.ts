// A site of every real-world ADR directory in ../shared/adr-corpus (skipped when absent): every ADR has a
// page, no page holds a script other than the site's own, every link between pages resolves.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { buildSite, type SiteBuildResult } from "../../src/site/build.js";
import { isRendererHtml } from "../../src/site/html-check.js";
import { renderMarkdown } from "../../src/site/render-markdown.js";
import { isAdrFileName } from "../../src/store/read.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";
import { corpusPresent, corpusWorkspace } from "../helpers/corpus.js";

const present = corpusPresent;
const describeCorpus = present ? describe : describe.skip;

afterAll(cleanupTempDirs);

describeCorpus("site over the real-world ADR corpus", () => {
  const out = path.join(makeTempDir(), "site");
  const workspace = present ? corpusWorkspace() : undefined;
  let result: SiteBuildResult;

  beforeAll(async () => {
    // cache: false — nothing may be written into the shared corpus folder.
    result = await buildSite({ workspace: workspace!, out, cache: false, generatedAt: "2026-01-15T00:00:00.000Z" });
  }, 60_000);

  it("gives every ADR of every directory a page", () => {
    const sources = workspace!.dirs.flatMap((d) => readdirSync(d.path).filter(isAdrFileName));
    const pages = readdirSync(path.join(out, "adr")).filter((f) => f.endsWith(".html"));
    expect(sources.length).toBeGreaterThan(150);
    expect(pages).toHaveLength(sources.length);
    expect(result.pages).toBe(sources.length + 3);
    const index = readFileSync(path.join(out, "index.html"), "utf8");
    for (const page of pages) expect(index).toContain(`href="adr/${page}"`);
  });

  it("holds no script in any page other than the site's own script tags", () => {
    for (const file of ["index.html", "timeline.html", "graph.html", ...readdirSync(path.join(out, "adr")).map((f) => `adr/${f}`)]) {
      const html = readFileSync(path.join(out, file), "utf8");
      for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) expect({ file, tag }).toEqual({ file, tag: expect.stringMatching(/^<script src="(?:\.\.\/)?assets\/[a-z-]+\.js" defer>$/) });
      expect(html).not.toMatch(/\son[a-z]+="|javascript:/i);
      expect(html).not.toMatch(/<img[^>]*src="(?:https?:)?\/\//);
    }
  });

  it("resolves every link between pages, including links rewritten from ADR to ADR", () => {
    let rewritten = 0;
    for (const file of readdirSync(path.join(out, "adr"))) {
      const html = readFileSync(path.join(out, "adr", file), "utf8");
      const body = html.slice(html.indexOf('<div class="adr-body">'));
      for (const [, url] of body.matchAll(/\shref="(?![a-z]+:)([^"#]+\.html)(?:#[^"]*)?"/g)) {
        expect({ file, url, exists: existsSync(path.join(out, "adr", url!)) }).toEqual({ file, url, exists: true });
        if (!url!.startsWith("../")) rewritten++;
      }
      expect(body).not.toMatch(/href="(?![a-z]+:)[^"]*\.md(?:#[^"]*)?"/);
    }
    // The corpus links its ADRs to each other a lot (adr-tools, elastisys, Brighter).
    expect(rewritten).toBeGreaterThan(20);
  });

  it("renders every corpus ADR into HTML the render cache accepts (so warm builds never re-render real files)", () => {
    const refused = workspace!.dirs.flatMap((d) =>
      readdirSync(d.path)
        .filter(isAdrFileName)
        .filter((name) => !isRendererHtml(renderMarkdown(readFileSync(path.join(d.path, name), "utf8")).html))
        .map((name) => `${d.rel}/${name}`),
    );
    expect(refused).toEqual([]);
  });

  it("resolves supersede relations to pages (adr-tools' 'Superseded by' and log4brains' slug links)", () => {
    const page = (dir: string, prefix: string) => {
      const name = readdirSync(path.join(out, "adr")).find((f) => f.startsWith(`${dir}-${prefix}`));
      return readFileSync(path.join(out, "adr", name!), "utf8");
    };
    const log4brains = readdirSync(path.join(out, "adr")).find((f) => f.startsWith("thomvaill-log4brains-20201016"))!;
    expect(page("thomvaill-log4brains", "20200926")).toMatch(new RegExp(`Superseded by</span> <a href="${log4brains.replace(".", "\\.")}"`));
    expect(result.warnings.length).toBeGreaterThan(0);
  });
});
