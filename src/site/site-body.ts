// An ADR page's body: from the render cache when the text was rendered before (and the entry is one the
// renderer could have written), else rendered with remark and remembered.
import { isRendererHtml } from "./html-check.js";
import type { ReadAdr } from "./load-model.js";
import { renderCacheKey, type RenderCache } from "./page-cache.js";

export type RenderMarkdown = typeof import("./render-markdown.js").renderMarkdown;

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

/** Renders a body with remark and remembers it in the cache; a renderer failure becomes a warning. */
export function renderBody(entry: ReadAdr, cache: RenderCache, render: RenderMarkdown): Body {
  try {
    const rendered = render(entry.source, { titleLine: entry.titleLine });
    cache.set(renderCacheKey(entry.source, entry.titleLine), rendered);
    return { ...rendered, warnings: [] };
  } catch (error) {
    return { html: "", text: "", warnings: [`The body could not be rendered: ${(error as Error).message}`] };
  }
}

