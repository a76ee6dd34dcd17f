// A cache of rendered ADR bodies keyed by a hash of the file's text, the title line and the adrgen
// version, so a rebuild (and every save under `site --serve`) renders only the files that changed.
// remark is nearly all of a cold build's time; a warm build reads one JSON file instead.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "../io/fs.js";
import { VERSION } from "../version.js";
import type { RenderedMarkdown } from "./render-markdown.js";

// Bump when the rendered HTML changes shape, so caches written by an older renderer are ignored.
const RENDER_REVISION = 4;
const FORMAT = `adrgen-site-render/${VERSION}/${RENDER_REVISION}`;
const FILE_NAME = "site-render.json";

/** Rendered bodies by key; `save` writes the entries used in this build (unused ones are pruned). */
export interface RenderCache {
  get(key: string): RenderedMarkdown | undefined;
  set(key: string, value: RenderedMarkdown): void;
  /** Writes the cache file when something changed; never throws (a read-only repository just stays cold). */
  save(): Promise<void>;
  /** Entries added since the cache was opened: the bodies rendered with remark in this build. */
  added(): number;
}

interface CacheFile {
  format: string;
  entries: Record<string, RenderedMarkdown>;
}

/** The cache key of an ADR body: its text and the line of the title it drops. */
export function renderCacheKey(text: string, titleLine: number | null): string {
  return createHash("sha1").update(`${titleLine ?? ""}\n`).update(text).digest("base64url");
}

/** Opens the render cache stored in `dir` (created on save), or an in-memory one when `dir` is undefined. */
export function openRenderCache(dir: string | undefined): RenderCache {
  const file = dir === undefined ? undefined : path.join(dir, FILE_NAME);
  const stored = file === undefined ? {} : readEntries(file);
  const used = new Map<string, RenderedMarkdown>();
  let added = 0;
  return {
    get(key) {
      const hit = used.get(key) ?? stored[key];
      if (hit) used.set(key, hit);
      return hit;
    },
    set(key, value) {
      used.set(key, value);
      added++;
    },
    added: () => added,
    async save() {
      if (file === undefined) return;
      if (added === 0 && used.size === Object.keys(stored).length) return;
      try {
        mkdirSync(dir!, { recursive: true });
        // The cache is machine-local: keep it out of commits without the user editing .gitignore.
        const ignore = path.join(dir!, ".gitignore");
        if (!existsSync(ignore)) writeFileSync(ignore, "*\n");
        const data: CacheFile = { format: FORMAT, entries: Object.fromEntries(used) };
        await writeFileAtomic(file, JSON.stringify(data));
      } catch {
        // Only speed is lost.
      }
    },
  };
}

// A missing, corrupt or older-format cache is an empty one.
function readEntries(file: string): Record<string, RenderedMarkdown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return {};
  }
  const data = parsed as Partial<CacheFile> | null;
  if (!data || data.format !== FORMAT || typeof data.entries !== "object" || data.entries === null) return {};
  const entries: Record<string, RenderedMarkdown> = {};
  for (const [key, value] of Object.entries(data.entries)) {
    if (value && typeof value.html === "string" && typeof value.text === "string") entries[key] = { html: value.html, text: value.text };
  }
  return entries;
}
