// A cache of rendered ADR bodies keyed by a hash of the file's text, the title line and the adrgen
// version, so a rebuild (and every save under `site --serve`) renders only the files that changed.
// remark is nearly all of a cold build's time; a warm build reads one JSON file instead.
// The file lives in the repository, so each entry carries an HMAC (cache-secret.ts) over its key,
// HTML and text: an entry this machine did not write is a miss, never markup on a page.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { VERSION } from "../version.js";
import { writeCacheFile } from "./cache-file.js";
import type { CacheAuth } from "./cache-secret.js";
import type { RenderedMarkdown } from "./render-markdown.js";

// Bump when the rendered HTML changes shape, so caches written by an older renderer are ignored.
const RENDER_REVISION = 5;
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

interface CacheEntry extends RenderedMarkdown {
  mac: string;
}

interface CacheFile {
  format: string;
  entries: Record<string, CacheEntry>;
}

/** The cache key of an ADR body: its text and the line of the title it drops. */
export function renderCacheKey(text: string, titleLine: number | null): string {
  return createHash("sha1").update(`${titleLine ?? ""}\n`).update(text).digest("base64url");
}

/**
 * Opens the render cache stored in `dir` (created on save), entries authenticated with `auth`; an
 * in-memory one when either is undefined.
 */
export function openRenderCache(dir: string | undefined, auth: CacheAuth | undefined): RenderCache {
  const file = dir === undefined || auth === undefined ? undefined : path.join(dir, FILE_NAME);
  const stored = file === undefined ? {} : readEntries(file, auth!);
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
      const entries: Record<string, CacheEntry> = {};
      for (const [key, value] of used) entries[key] = { html: value.html, text: value.text, mac: entryMac(auth!, key, value) };
      const data: CacheFile = { format: FORMAT, entries };
      // A cache that cannot be written only costs speed.
      writeCacheFile(file, JSON.stringify(data));
    },
  };
}

function entryMac(auth: CacheAuth, key: string, value: RenderedMarkdown): string {
  return auth.mac(FORMAT, key, value.html, value.text);
}

// A missing, corrupt or older-format cache is an empty one; an entry whose MAC does not match is left out.
function readEntries(file: string, auth: CacheAuth): Record<string, RenderedMarkdown> {
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
    if (!value || typeof value.html !== "string" || typeof value.text !== "string") continue;
    const entry = { html: value.html, text: value.text };
    if (auth.verify(value.mac, FORMAT, key, entry.html, entry.text)) entries[key] = entry;
  }
  return entries;
}
