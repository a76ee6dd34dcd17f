// Builds assets/search-index.js: a MiniSearch index prebuilt with the shared search options and
// the plain text of each ADR, assigned to a global because a page opened from file:// cannot
// fetch a JSON file. The text is plain text (SiteAdr.text), never body HTML.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import MiniSearch from "minisearch";
import { writeFileAtomic } from "../io/fs.js";
import { VERSION } from "../version.js";
import type { SearchDocument } from "../search/document.js";
import { SEARCH_OPTIONS } from "../search/options.js";
import { SEARCH_DATA_VERSION, SEARCH_GLOBAL, type SiteSearchData } from "./client/search-data.js";
import { scriptSafeJson } from "./html.js";
import type { SiteAdr, SiteModel } from "./model.js";

/** The search document of a site ADR: its page id as id, its plain text as body. */
export function siteSearchDocument(adr: SiteAdr): SearchDocument {
  return { id: adr.id, number: adr.number, title: adr.title, status: adr.status, date: adr.date, tags: [...adr.tags], relPath: adr.relPath, dirLabel: adr.dirLabel, text: adr.text };
}

/** The data the browser script loads: the serialised index and each ADR's page path and text. */
export function buildSearchData(model: SiteModel): SiteSearchData {
  const index = new MiniSearch<SearchDocument>(SEARCH_OPTIONS);
  index.addAll(model.adrs.map(siteSearchDocument));
  const docs: SiteSearchData["docs"] = {};
  for (const adr of model.adrs) docs[adr.id] = { href: adr.href, text: adr.text };
  return { version: SEARCH_DATA_VERSION, index: index.toJSON(), docs };
}

/** The content of assets/search-index.js; `<` is escaped, so no text in it can end a script element. */
export function renderSearchIndexScript(model: SiteModel): string {
  return `window.${SEARCH_GLOBAL}=${scriptSafeJson(buildSearchData(model))};\n`;
}

// Bump when the script's shape changes, so a script cached by an older build is not reused.
const SCRIPT_REVISION = 1;
const CACHE_FILE = "site-search-index.js";

/** What the index depends on: every indexed and stored field, the page paths and the adrgen version. */
function searchIndexKey(model: SiteModel): string {
  const hash = createHash("sha1").update(`adrgen-site-search/${VERSION}/${SCRIPT_REVISION}\n`);
  for (const adr of model.adrs) hash.update(JSON.stringify([adr.id, adr.href, siteSearchDocument(adr)])).update("\n");
  return hash.digest("base64url");
}

/**
 * The search index script, reused from `cacheDir` when no ADR's searchable content changed:
 * building the MiniSearch index is most of a warm build's time. Cache problems only cost speed.
 */
export async function cachedSearchIndexScript(model: SiteModel, cacheDir: string): Promise<string> {
  const key = searchIndexKey(model);
  const file = path.join(cacheDir, CACHE_FILE);
  const header = `// ${key}\n`;
  try {
    const cached = readFileSync(file, "utf8");
    if (cached.startsWith(header)) return cached.slice(header.length);
  } catch {
    // No cached script yet (or unreadable): build it.
  }
  const script = renderSearchIndexScript(model);
  try {
    mkdirSync(cacheDir, { recursive: true });
    // The cache is machine-local: keep it out of commits, as the render cache beside it does.
    const ignore = path.join(cacheDir, ".gitignore");
    if (!existsSync(ignore)) writeFileSync(ignore, "*\n");
    await writeFileAtomic(file, header + script);
  } catch {
    // A read-only repository just stays cold.
  }
  return script;
}
