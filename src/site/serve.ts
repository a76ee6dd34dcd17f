// `adrgen site --serve`: the live preview wired to the real site builder.
import { buildSite } from "./build.js";
import { startSitePreview, type ServeIo, type ServeSiteOptions, type SiteServer } from "./serve-preview.js";

export type { ServeIo, ServeSiteOptions, SiteServer } from "./serve-preview.js";

/**
 * Builds the site with live reload and serves it on 127.0.0.1 (port 0: any free port), rebuilding
 * and reloading open pages when an ADR changes, until `close` is called.
 */
export function serveSite(options: ServeSiteOptions, io: ServeIo): Promise<SiteServer> {
  return startSitePreview(options, io, buildSite);
}
