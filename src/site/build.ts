// `adrgen site`: the whole static site from the workspace's ADRs — index, timeline, graph, one page per
// ADR, assets and copied images — written atomically into a directory that works from file:// and any
// sub-path (every URL relative, data loaded by <script src>, nothing fetched).
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Workspace } from "../config/workspace.js";
import { runtimeError } from "../domain/errors.js";
import { resolveAdrDate } from "../render/defaults.js";
import { VERSION } from "../version.js";
import { renderAdrPage } from "./adr-page.js";
import { siteAssets } from "./assets.js";
import { openCacheAuth, type CacheAuth } from "./cache-secret.js";
import { renderGraphPage } from "./graph.js";
import { renderIndexPage } from "./index-page.js";
import { renderLayout, SITE_PAGES } from "./layout.js";
import { loadSiteModel } from "./load-model.js";
import type { SiteFile, SiteModel } from "./model.js";
import { isInside } from "../io/path-inside.js";
import { ensureIgnoredDir } from "./cache-dir.js";
import { assertSiteOutSafe } from "./out-dir.js";
import { openRenderCache } from "./page-cache.js";
import type { RenderPoolSettings } from "./site-body.js";
import { renderTimelinePage } from "./timeline.js";
import { writeSiteAtomic, type SiteWriterFs } from "./site-writer.js";

export interface BuildSiteOptions {
  workspace: Workspace;
  /** Absolute output directory. */
  out: string;
  /** Replace a non-empty directory that is not an adrgen site. */
  force?: boolean;
  /** Pages load the live-reload client (`site --serve`). */
  liveReload?: boolean;
  /** Site title; default: config `site.title`, else the repository directory's name. */
  title?: string;
  /** ISO build time; default: now, with the date taken from ADRGEN_DATE when set (reproducible tests). */
  generatedAt?: string;
  /** Keep rendered bodies and the search index in `<root>/.adrgen/cache` between builds, authenticated with a key in the user's cache directory (default true). */
  cache?: boolean;
}

/** What a build wrote. */
export interface SiteBuildResult {
  out: string;
  /** HTML pages written (index, timeline, graph and one per ADR). */
  pages: number;
  /** All files written, pages included. */
  files: number;
  bytes: number;
  /** Problems found in ADR files, each as `path: message`. */
  warnings: string[];
  /** ADR bodies rendered with remark in this build; the rest came from the render cache. */
  rendered: number;
  /** Of those, the bodies rendered on worker threads (a cold build of many ADRs). */
  renderedInWorkers: number;
  /** Files written afresh; the others were kept from the previous build (same content, untouched). */
  written: number;
}

/** Test seams: file operations of the atomic writer, the cache key. */
export interface BuildSiteDeps {
  fs?: SiteWriterFs;
  /** The cache's key outside the repository; default: `openCacheAuth()` (the user's cache directory). */
  cacheAuth?: () => CacheAuth | undefined;
  /** Worker threads for rendering bodies; default: by how many need rendering and the machine's cores. */
  renderPool?: RenderPoolSettings;
}

/** Builds the site into `options.out`, replacing an earlier build atomically; refuses a directory that is not a site. */
export async function buildSite(options: BuildSiteOptions, deps: BuildSiteDeps = {}): Promise<SiteBuildResult> {
  const out = path.resolve(options.out);
  const { workspace } = options;
  assertSiteOutSafe(out, workspace, options.force === true);
  // The default output (.adrgen/site) is a local build, like the cache beside it: keep it out of `git status`.
  const localArea = path.join(workspace.root, ".adrgen");
  if (isInside(localArea, out)) ensureIgnoredDir(localArea);
  // No key outside the repository (no writable home): no cache, since its entries could not be trusted.
  const auth = options.cache === false ? undefined : (deps.cacheAuth ?? openCacheAuth)();
  const cacheDir = auth === undefined ? undefined : path.join(workspace.root, ".adrgen", "cache");
  const cache = openRenderCache(cacheDir, auth);
  const renderStats = { inWorkers: 0 };
  const model = await loadSiteModel(workspace, {
    renderStats,
    generatedAt: options.generatedAt ?? buildTime(),
    ...(options.title !== undefined ? { title: options.title } : {}),
    cache,
    ...(deps.renderPool !== undefined ? { renderPool: deps.renderPool } : {}),
  });
  const rendered = cache.added();
  const pages = sitePages(model, options.liveReload === true);
  const files = [...pages, ...(await siteAssets(model, { ...(cacheDir !== undefined ? { cacheDir } : {}), ...(auth !== undefined ? { auth } : {}) })), ...mediaFiles(model)];
  const written = writeSiteAtomic(out, files, markerData(model), deps.fs);
  await cache.save();
  return {
    out,
    pages: pages.length,
    files: files.length + 1,
    bytes: files.reduce((sum, f) => sum + (typeof f.content === "string" ? Buffer.byteLength(f.content) : f.content.byteLength), written.markerBytes),
    warnings: model.adrs.flatMap((adr) => adr.warnings.map((w) => `${adr.relPath}: ${w}`)),
    rendered,
    renderedInWorkers: renderStats.inWorkers,
    written: written.written + 1,
  };
}

/** Every HTML page of the site, each a complete document. */
export function sitePages(model: SiteModel, liveReload: boolean): SiteFile[] {
  // Pages carry the build date, not the time: a rebuild on the same day with the same ADRs yields the same
  // bytes, so the writer keeps those files instead of rewriting all of them.
  const frame = { siteTitle: model.title, generatedAt: model.generatedAt.slice(0, 10), ...(liveReload ? { liveReload: true } : {}) };
  const top: SiteFile[] = [
    { path: SITE_PAGES.index, content: renderLayout({ ...frame, title: model.title, root: "", active: "index", body: renderIndexPage(model) }) },
    { path: SITE_PAGES.timeline, content: renderLayout({ ...frame, title: "Timeline", root: "", active: "timeline", body: renderTimelinePage(model) }) },
    { path: SITE_PAGES.graph, content: renderLayout({ ...frame, title: "Graph", root: "", active: "graph", body: renderGraphPage(model) }) },
  ];
  const adrs = model.adrs.map((adr) => ({
    path: adr.href,
    content: renderLayout({ ...frame, title: adr.number === null ? adr.title : `ADR ${adr.number}: ${adr.title}`, root: "../", active: "adr", body: renderAdrPage(adr, model) }),
  }));
  return [...top, ...adrs];
}

function mediaFiles(model: SiteModel): SiteFile[] {
  return (model.media ?? []).map((m) => {
    try {
      return { path: m.path, content: readFileSync(m.source) };
    } catch (error) {
      throw runtimeError(`Could not read the image ${m.source}: ${(error as Error).message}`);
    }
  });
}

// The marker says adrgen built the folder (the output guard trusts it); the writer adds the file manifest.
function markerData(model: SiteModel): Record<string, unknown> {
  return { generator: "adrgen", version: VERSION, builtAt: model.generatedAt, adrs: model.adrs.length };
}

// ADRGEN_DATE fixes the date (tests, reproducible builds); the time of day is then midnight UTC.
function buildTime(): string {
  if (process.env.ADRGEN_DATE?.trim()) return `${resolveAdrDate(process.env)}T00:00:00.000Z`;
  return new Date().toISOString();
}
