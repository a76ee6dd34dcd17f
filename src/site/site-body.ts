// An ADR page's body: from the render cache when the text was rendered before (and the entry is one the
// renderer could have written), else rendered with remark and remembered.
import { isRendererHtml } from "./html-check.js";
import type { ReadAdr } from "./load-model.js";
import { renderCacheKey, type RenderCache } from "./page-cache.js";

/** Bodies larger than this are not rendered (a page with a warning instead): ADRs are small, remark on 50 MB is not. */
export const MAX_RENDER_BYTES = 2 * 1024 * 1024;

/** A rendered body (placeholders unresolved) and the problems met rendering it. */
export interface Body {
  html: string;
  text: string;
  warnings: string[];
}

/** The body without remark: empty, too large, or a cache entry the renderer could have written; else undefined. */
export function cachedBody(entry: ReadAdr, cache: RenderCache): Body | undefined {
  if (entry.source === "") return { html: "", text: "", warnings: [] };
  if (entry.source.length > MAX_RENDER_BYTES) {
    const size = (entry.source.length / 1024 / 1024).toFixed(1);
    return { html: "", text: "", warnings: [`The file is too large to show here (${size} MB); open ${entry.summary.relPath} in the repository.`] };
  }
  const cached = cache.get(renderCacheKey(entry.source, entry.titleLine));
  return cached && isRendererHtml(cached.html) ? { ...cached, warnings: [] } : undefined;
}

/** Where bodies are rendered: worker threads (count and script) besides this thread; defaults in render-pool.ts. */
export interface RenderPoolSettings {
  /** Worker threads to start; default: `plannedWorkers` (ADRGEN_SITE_WORKERS, else by size and cores). */
  workers?: number;
  /** The worker script; default: the one built beside the CLI bundle (none when running from src/). */
  workerFile?: string;
}

/** Renders bodies with remark (spread over worker threads when there are many) and remembers each in the cache; a renderer failure becomes a warning. */
export async function renderBodies(entries: readonly ReadAdr[], cache: RenderCache, settings: RenderPoolSettings = {}): Promise<{ bodies: Body[]; inWorkers: number }> {
  // remark loads only when a body is not in the cache: a warm build never pays for it.
  const [{ renderMarkdown }, pool] = await Promise.all([import("./render-markdown.js"), import("./render-pool.js")]);
  const jobs = entries.map((entry) => ({ source: entry.source, titleLine: entry.titleLine }));
  const workers = settings.workers ?? pool.plannedWorkers(jobs.length);
  const workerFile = workers === 0 ? undefined : (settings.workerFile ?? pool.defaultWorkerFile());
  const { outcomes, inWorkers } = await pool.renderAll(jobs, { workers, workerFile, render: renderMarkdown });
  const bodies = outcomes.map((outcome, i): Body => {
    if (!outcome.ok) return { html: "", text: "", warnings: [`The body could not be rendered: ${outcome.message}`] };
    cache.set(renderCacheKey(jobs[i]!.source, jobs[i]!.titleLine), outcome.value);
    return { ...outcome.value, warnings: [] };
  });
  return { bodies, inWorkers };
}

