// Builds assets/search-index.js: a MiniSearch index prebuilt with the shared search options and
// the plain text of each ADR, assigned to a global because a page opened from file:// cannot
// fetch a JSON file. The text is plain text (SiteAdr.text), never body HTML.
import MiniSearch from "minisearch";
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
