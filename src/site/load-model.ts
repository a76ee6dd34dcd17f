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
import { resolvePlaceholders, type LinkContext } from "./link-rewrite.js";
import { createMediaCollector, type MediaCollector } from "./media.js";
import type { SiteAdr, SiteModel } from "./model.js";
import { openRenderCache, type RenderCache } from "./page-cache.js";
import { cachedBody, renderBodies, type Body, type RenderPoolSettings } from "./site-body.js";
import { resolveRelations, type ResolvedRelations } from "./relations.js";
import { assignIds } from "./site-ids.js";

export interface LoadSiteModelOptions {
  /** Site title; default: config `site.title`, else the repository directory's name. */
  title?: string;
  /** ISO timestamp of the build; default: now. */
  generatedAt?: string;
  /** Rendered bodies from earlier builds; default: an empty in-memory cache. */
  cache?: RenderCache;
  /** Worker threads for the bodies not in the cache; default: by their number and the machine's cores. */
  renderPool?: RenderPoolSettings;
  /** Filled in with how many bodies worker threads rendered. */
  renderStats?: { inWorkers: number };
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
  const linksFrom = linkContexts(workspace, new Map(read.map((r, i) => [r.summary.relPath, ids[i]!])), createMediaCollector(workspace.root));
  const relations = resolveRelations(read.map((r) => r.summary), ids);
  const cache = options.cache ?? openRenderCache(undefined, undefined);

  const bodies = read.map((entry) => cachedBody(entry, cache));
  const missing = bodies.flatMap((body, i) => (body === undefined ? [i] : []));
  let renderedInWorkers = 0;
  if (missing.length > 0) {
    const rendered = await renderBodies(missing.map((i) => read[i]!), cache, options.renderPool);
    missing.forEach((i, k) => (bodies[i] = rendered.bodies[k]));
    renderedInWorkers = rendered.inWorkers;
  }
  const adrs = read.map((entry, i) => {
    const body = bodies[i]!;
    const bodyHtml = resolvePlaceholders(body.html, linksFrom.context(entry.summary.relPath));
    return siteAdr(entry, ids[i]!, relations[i]!, { ...body, html: bodyHtml });
  });
  const title = options.title ?? workspace.config.site?.title ?? path.basename(workspace.root);
  if (options.renderStats) options.renderStats.inWorkers = renderedInWorkers;
  return { title, generatedAt: options.generatedAt ?? new Date().toISOString(), adrs, media: linksFrom.media.files() };
}

// How links and images of a page resolve: ADRs to their pages, an ADR directory (or its README) to the
// index, local images to their copies in the site.
function linkContexts(workspace: Workspace, idByRelPath: Map<string, string>, media: MediaCollector) {
  const indexPaths = new Set(workspace.dirs.flatMap((d) => ["README.md", "index.md", "readme.md"].map((n) => (d.rel === "." ? n : `${d.rel}/${n}`))));
  const adrDirs = new Set(workspace.dirs.map((d) => d.rel));
  const pageFor = (relPath: string): string | undefined => {
    // Links written without the extension (`0003-use-x`) resolve on GitHub too.
    const id = idByRelPath.get(relPath) ?? idByRelPath.get(`${relPath}.md`);
    if (id !== undefined) return `${id}.html`;
    return indexPaths.has(relPath) || adrDirs.has(relPath) ? "../index.html" : undefined;
  };
  const imageFor = (relPath: string): string | undefined => {
    const sitePath = media.sitePath(relPath);
    return sitePath === undefined ? undefined : `../${sitePath}`;
  };
  return { media, context: (fromRelPath: string): LinkContext => ({ fromRelPath, pageFor, imageFor }) };
}

function siteAdr(entry: ReadAdr, id: string, relations: ResolvedRelations, body: Body): SiteAdr {
  const { summary } = entry;
  return {
    id,
    href: `adr/${id}.html`,
    number: summary.number,
    title: summary.title ?? "Untitled",
    status: summary.status,
    date: summary.date,
    ...(summary.dateRaw !== undefined ? { dateRaw: summary.dateRaw } : {}),
    decisionMakers: entry.decisionMakers,
    tags: summary.tags,
    relPath: summary.relPath,
    dirLabel: summary.dirLabel,
    supersedes: relations.supersedes,
    supersededBy: relations.supersededBy,
    links: relations.links,
    warnings: [...entry.diagnostics.map(describe), ...body.warnings, ...relations.warnings],
    bodyHtml: body.html,
    text: body.text,
  };
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

function describe(diagnostic: Diagnostic): string {
  return diagnostic.line === null ? diagnostic.message : `Line ${diagnostic.line}: ${diagnostic.message}`;
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
