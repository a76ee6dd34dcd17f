// The shape of assets/search-index.js (`window.ADRGEN_SEARCH = …`): written by
// src/site/search-index.ts at build time, read by the browser script. No Node imports.

/** The global the search index script assigns (a script tag, because file:// pages cannot fetch). */
export const SEARCH_GLOBAL = "ADRGEN_SEARCH";

/** Format version of the embedded data; the browser script ignores data of another version. */
export const SEARCH_DATA_VERSION = 1;

/** What a page that is not the index needs per ADR besides MiniSearch's stored fields. */
export interface SearchPageData {
  /** Page path from the site root. */
  href: string;
  /** Plain text of the body: phrase matching and the result snippet. */
  text: string;
}

/** The embedded search data: a prebuilt MiniSearch index (its JSON form) and per-ADR page data by id. */
export interface SiteSearchData {
  version: number;
  index: unknown;
  docs: Record<string, SearchPageData>;
}
