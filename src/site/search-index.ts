// Builds assets/search-index.js: a MiniSearch index prebuilt with the shared search options and
// the plain text of each ADR, assigned to a global because a page opened from file:// cannot
// fetch a JSON file. The text is plain text (SiteAdr.text), never body HTML.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import MiniSearch from "minisearch";
import { VERSION } from "../version.js";
import type { SearchDocument } from "../search/document.js";
import { SEARCH_OPTIONS, STORED_FIELDS } from "../search/options.js";
import { SEARCH_DATA_VERSION, SEARCH_GLOBAL, type SiteSearchData } from "./client/search-data.js";
import { writeCacheFile } from "./cache-file.js";
import type { CacheAuth } from "./cache-secret.js";
import { scriptSafeJson } from "./html.js";
import type { SiteAdr, SiteModel } from "./model.js";

/** The search document of a site ADR: its page id as id, its plain text as body. */
export function siteSearchDocument(adr: SiteAdr): SearchDocument {
  return { id: adr.id, number: adr.number, title: adr.title, status: adr.status, date: adr.date, tags: [...adr.tags], relPath: adr.relPath, dirLabel: adr.dirLabel, text: adr.text };
}

/** The data the browser script loads: the serialised index and each ADR's page path and text. */
export function buildSearchData(model: SiteModel, cachedIndex?: unknown): SiteSearchData {
  const index = cachedIndex === undefined ? serialisedIndex(model) : withStoredFields(cachedIndex as IndexJson, model);
  const docs: SiteSearchData["docs"] = {};
  for (const adr of model.adrs) docs[adr.id] = { href: adr.href, text: adr.text };
  return { version: SEARCH_DATA_VERSION, index, docs };
}

function serialisedIndex(model: SiteModel): IndexJson {
  const index = new MiniSearch<SearchDocument>(SEARCH_OPTIONS);
  index.addAll(model.adrs.map(siteSearchDocument));
  return index.toJSON() as unknown as IndexJson;
}

// The parts of MiniSearch's JSON form that name documents and carry what a hit shows.
interface IndexJson {
  documentIds: Record<string, string>;
  storedFields: Record<string, Record<string, unknown>>;
}

// What a hit shows (title, status, tags …) comes from the model, as MiniSearch would store it: a cached
// index contributes term postings only.
function withStoredFields(index: IndexJson, model: SiteModel): IndexJson {
  const byId = new Map(model.adrs.map((adr) => [adr.id, siteSearchDocument(adr)]));
  const storedFields: IndexJson["storedFields"] = {};
  for (const [shortId, id] of Object.entries(index.documentIds)) {
    const doc = byId.get(id);
    if (doc === undefined) continue;
    const fields: Record<string, unknown> = {};
    for (const name of STORED_FIELDS) if (doc[name] !== undefined) fields[name] = doc[name];
    storedFields[shortId] = fields;
  }
  return { ...index, storedFields };
}

/** The content of assets/search-index.js; `<` is escaped, so no text in it can end a script element. */
export function renderSearchIndexScript(model: SiteModel, cachedIndex?: unknown): string {
  return `window.${SEARCH_GLOBAL}=${scriptSafeJson(buildSearchData(model, cachedIndex))};\n`;
}

// Bump when the cached index's shape changes, so one cached by an older build is not reused.
const INDEX_REVISION = 2;
const CACHE_FILE = "site-search-index.json";

interface IndexCacheFile {
  key: string;
  mac: string;
  /** MiniSearch's JSON form, as text: the MAC covers these exact bytes. */
  index: string;
}

/** What the index depends on: every indexed and stored field and the adrgen version. */
function searchIndexKey(model: SiteModel): string {
  const hash = createHash("sha1").update(`adrgen-site-search/${VERSION}/${INDEX_REVISION}\n`);
  for (const adr of model.adrs) hash.update(JSON.stringify(siteSearchDocument(adr))).update("\n");
  return hash.digest("base64url");
}

/**
 * The search index script, its MiniSearch index reused from `cacheDir` when no ADR's searchable content
 * changed: building the index is most of a warm build's time. Only the serialised index is cached, under
 * an HMAC (cache-secret.ts), so a planted file is a miss; page paths, titles and text always come from the
 * model. Cache problems only cost speed.
 */
export async function cachedSearchIndexScript(model: SiteModel, cacheDir: string, auth: CacheAuth): Promise<string> {
  const key = searchIndexKey(model);
  const file = path.join(cacheDir, CACHE_FILE);
  const cached = readCachedIndex(file, key, auth);
  if (cached !== undefined) return renderSearchIndexScript(model, cached);
  const index = serialisedIndex(model);
  const text = JSON.stringify(index);
  const data: IndexCacheFile = { key, mac: auth.mac(key, text), index: text };
  // A read-only repository just stays cold.
  writeCacheFile(file, JSON.stringify(data));
  return renderSearchIndexScript(model, index);
}

function readCachedIndex(file: string, key: string, auth: CacheAuth): IndexJson | undefined {
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as Partial<IndexCacheFile> | null;
    if (!data || data.key !== key || typeof data.index !== "string" || !auth.verify(data.mac, key, data.index)) return undefined;
    const index = JSON.parse(data.index) as IndexJson;
    return typeof index.documentIds === "object" && index.documentIds !== null ? index : undefined;
  } catch {
    // No cached index yet, or unreadable: build it.
    return undefined;
  }
}
