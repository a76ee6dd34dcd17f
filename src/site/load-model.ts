// Reads every ADR of every ADR directory into the SiteModel. Fields come from the fast reader's rules
// (no remark); bodies are rendered with remark only when the render cache has no entry for the text.
// A malformed file still gets a page: whatever could be read, plus its problems as visible warnings.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Workspace } from "../config/workspace.js";
import type { AdrFileRef, AdrSummary, Diagnostic } from "../domain/adr.js";
import { emptySummary } from "../markdown/empty.js";
import { collectEvidence } from "../markdown/evidence.js";
import { scanStructure } from "../markdown/fast.js";
import { interpretEvidence } from "../markdown/interpret.js";
import { looksBinary, splitLines, stripBom } from "../markdown/text.js";
import { listAdrFiles } from "../store/read.js";
import { isRendererHtml } from "./html-check.js";
import { resolvePlaceholders } from "./link-rewrite.js";
import { createMediaCollector } from "./media.js";
import type { SiteAdr, SiteModel } from "./model.js";
import { openRenderCache, renderCacheKey, type RenderCache } from "./page-cache.js";
import { resolveRelations } from "./relations.js";
import { assignIds } from "./site-ids.js";

type RenderMarkdown = typeof import("./render-markdown.js").renderMarkdown;

/** Bodies larger than this are not rendered (a page with a warning instead): ADRs are small, remark on 50 MB is not. */
export const MAX_RENDER_BYTES = 2 * 1024 * 1024;

export interface LoadSiteModelOptions {
  /** Site title; default: config `site.title`, else the repository directory's name. */
  title?: string;
  /** ISO timestamp of the build; default: now. */
  generatedAt?: string;
  /** Rendered bodies from earlier builds; default: an empty in-memory cache. */
  cache?: RenderCache;
}

/** One ADR as read: its summary fields, the people, the source for rendering and its problems. */
export interface ReadAdr {
  summary: AdrSummary;
  decisionMakers: string[];
  source: string;
  titleLine: number | null;
  diagnostics: Diagnostic[];
}

/** Reads every ADR of the workspace into the model the site pages are rendered from. Never throws for bad content. */
export async function loadSiteModel(workspace: Workspace, options: LoadSiteModelOptions = {}): Promise<SiteModel> {
  const files = await listAdrFiles(workspace);
  const read = sortForSite(files.map(readAdrFile));
  const ids = assignIds(read.map((r) => r.summary.relPath));
  const idByRelPath = new Map(read.map((r, i) => [r.summary.relPath, ids[i]!]));
  const indexPaths = new Set(workspace.dirs.flatMap((d) => ["README.md", "index.md", "readme.md"].map((n) => (d.rel === "." ? n : `${d.rel}/${n}`))));
  const relations = resolveRelations(read.map((r) => r.summary), ids);
  const cache = options.cache ?? openRenderCache(undefined);
  const media = createMediaCollector(workspace.root);

  const adrs: SiteAdr[] = [];
  let sinceYield = 0;
  let renderer: RenderMarkdown | undefined;
  for (const [i, entry] of read.entries()) {
    const { summary } = entry;
    let body = cachedBody(entry, cache);
    if (body === undefined) {
      // remark loads only when a body is not in the cache: a warm build never pays for it.
      renderer ??= (await import("./render-markdown.js")).renderMarkdown;
      body = renderBody(entry, cache, renderer);
      // A cold build renders for seconds; yielding now and then lets Ctrl-C stop it at once.
      if (++sinceYield % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    const bodyHtml = resolvePlaceholders(body.html, {
      fromRelPath: summary.relPath,
      pageFor: (relPath) => {
        // Links written without the extension (`0003-use-x`) resolve on GitHub too.
        const id = idByRelPath.get(relPath) ?? idByRelPath.get(`${relPath}.md`);
        if (id !== undefined) return `${id}.html`;
        // A link to an ADR directory's index (README.md) means the site's index page.
        return indexPaths.has(relPath) || isAdrDir(workspace, relPath) ? "../index.html" : undefined;
      },
      imageFor: (relPath) => {
        const sitePath = media.sitePath(relPath);
        return sitePath === undefined ? undefined : `../${sitePath}`;
      },
    });
    const warnings = [...entry.diagnostics.map(describe), ...body.warnings, ...relations[i]!.warnings];
    adrs.push({
      id: ids[i]!,
      href: `adr/${ids[i]}.html`,
      number: summary.number,
      title: summary.title ?? "Untitled",
      status: summary.status,
      date: summary.date,
      ...(summary.dateRaw !== undefined ? { dateRaw: summary.dateRaw } : {}),
      decisionMakers: entry.decisionMakers,
      tags: summary.tags,
      relPath: summary.relPath,
      dirLabel: summary.dirLabel,
      supersedes: relations[i]!.supersedes,
      supersededBy: relations[i]!.supersededBy,
      links: relations[i]!.links,
      warnings,
      bodyHtml,
      text: body.text,
    });
  }
  const title = options.title ?? workspace.config.site?.title ?? path.basename(workspace.root);
  return { title, generatedAt: options.generatedAt ?? new Date().toISOString(), adrs, media: media.files() };
}

/** Reads one ADR file with the fast reader's rules; binary and unreadable files yield what the name tells. */
export function readAdrFile(file: AdrFileRef): ReadAdr {
  let text: string;
  try {
    text = readFileSync(file.path, "utf8");
  } catch (error) {
    return fromEmpty(emptySummary(file, "unreadable", (error as Error).message));
  }
  if (looksBinary(text)) return fromEmpty(emptySummary(file, "binary"));
  try {
    const source = stripBom(text);
    const lines = splitLines(source);
    const { diagnostics, frontMatter: _f, consulted: _c, informed: _i, statusStyle: _s, statusLine: _l, titleLine, decisionMakers, ...summary } =
      interpretEvidence(collectEvidence(scanStructure(lines)), file, lines);
    return { summary, decisionMakers, source, titleLine, diagnostics };
  } catch (error) {
    return { ...fromEmpty(emptySummary(file, "unreadable", (error as Error).message)), source: stripBom(text) };
  }
}

function fromEmpty(summary: AdrSummary): ReadAdr {
  return { summary, decisionMakers: [], source: "", titleLine: null, diagnostics: summary.diagnostics ?? [] };
}

interface Body {
  html: string;
  text: string;
  warnings: string[];
}

// The body without remark: empty, too large, or in the cache (an entry the renderer could have written).
function cachedBody(entry: ReadAdr, cache: RenderCache): Body | undefined {
  if (entry.source === "") return { html: "", text: "", warnings: [] };
  if (entry.source.length > MAX_RENDER_BYTES) {
    const size = (entry.source.length / 1024 / 1024).toFixed(1);
    return { html: "", text: "", warnings: [`The file is too large to show here (${size} MB); open ${entry.summary.relPath} in the repository.`] };
  }
  const cached = cache.get(renderCacheKey(entry.source, entry.titleLine));
  return cached && isRendererHtml(cached.html) ? { ...cached, warnings: [] } : undefined;
}

// Renders a body with remark and remembers it in the cache.
function renderBody(entry: ReadAdr, cache: RenderCache, render: RenderMarkdown): Body {
  try {
    const rendered = render(entry.source, { titleLine: entry.titleLine });
    cache.set(renderCacheKey(entry.source, entry.titleLine), rendered);
    return { ...rendered, warnings: [] };
  } catch (error) {
    return { html: "", text: "", warnings: [`The body could not be rendered: ${(error as Error).message}`] };
  }
}

function describe(diagnostic: Diagnostic): string {
  return diagnostic.line === null ? diagnostic.message : `Line ${diagnostic.line}: ${diagnostic.message}`;
}

function isAdrDir(workspace: Workspace, relPath: string): boolean {
  return workspace.dirs.some((d) => d.rel === relPath);
}

// Directory label, then number (unnumbered last), then path: the order the model promises.
function sortForSite(read: ReadAdr[]): ReadAdr[] {
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...read].sort((x, y) => {
    const a = x.summary;
    const b = y.summary;
    if (a.dirLabel !== b.dirLabel) return compare(a.dirLabel, b.dirLabel);
    if (a.number !== b.number) return a.number === null ? 1 : b.number === null ? -1 : a.number - b.number;
    return compare(a.relPath, b.relPath);
  });
}
