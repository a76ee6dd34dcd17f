// The site's static assets: the stylesheet and browser script built by scripts/build.mjs
// (dist/site-client.css, dist/site-client.js), the search index built from the model, the
// live-reload client and the icon.
import { existsSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runtimeError } from "../domain/errors.js";
import type { CacheAuth } from "./cache-secret.js";
import type { SiteFile, SiteModel } from "./model.js";
import { cachedSearchIndexScript, renderSearchIndexScript } from "./search-index.js";

/** Path of the live-reload events endpoint relative to the site root (served by `site --serve`). */
export const LIVE_RELOAD_PATH = "__adrgen/events";

/** The live-reload client: reloads the page on a `reload` server-sent event. */
export const LIVE_RELOAD_SCRIPT = `(function () {
  if (typeof EventSource === "undefined") return;
  // Only the local preview server has the events endpoint: a preview build opened from file:// or
  // published elsewhere must not request it (CORS errors, a 404 on every page).
  if (location.protocol !== "http:" || !/^(127\.0\.0\.1|localhost)$/.test(location.hostname)) return;
  var root = document.documentElement.getAttribute("data-root") || "";
  var events = new EventSource(root + "${LIVE_RELOAD_PATH}");
  events.addEventListener("reload", function () { location.reload(); });
})();
`;

// A plain document icon, so browsers do not ask the server (or file://) for /favicon.ico.
const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect x="2.5" y="1.5" width="11" height="13" rx="1.5" fill="#fff" stroke="#1f4e8c"/><path d="M5 5h6M5 8h6M5 11h4" stroke="#1f4e8c"/></svg>\n`;

/** The package root (where package.json names adrgen), found from this module in src/ or a dist/ chunk. */
export function packageRoot(from: string = fileURLToPath(import.meta.url)): string {
  let dir = path.dirname(from);
  for (;;) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "adrgen") return dir;
      } catch {
        // An unreadable manifest on the way up is not ours; keep looking.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw runtimeError("Cannot find the adrgen package directory for the site assets.", "Reinstall adrgen.");
    dir = parent;
  }
}

async function builtAsset(name: string): Promise<string> {
  const file = path.join(packageRoot(), "dist", name);
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    throw runtimeError(`The site asset ${file} is missing.`, "Run npm run build (from a source checkout) or reinstall adrgen.", error);
  }
}

export interface SiteAssetOptions {
  /** Where the search index may be cached between builds (e.g. `.adrgen/cache`); none: always built. */
  cacheDir?: string;
  /** Authenticates the cached index (cache-secret.ts); without it the index is always built. */
  auth?: CacheAuth;
}

/** Every asset file of a site build, with paths from the site root. */
export async function siteAssets(model: SiteModel, options: SiteAssetOptions = {}): Promise<SiteFile[]> {
  const [css, js] = await Promise.all([builtAsset("site-client.css"), builtAsset("site-client.js")]);
  const searchIndex =
    options.cacheDir === undefined || options.auth === undefined ? renderSearchIndexScript(model) : await cachedSearchIndexScript(model, options.cacheDir, options.auth);
  return [
    { path: "assets/site.css", content: css },
    { path: "assets/site.js", content: js },
    { path: "assets/search-index.js", content: searchIndex },
    { path: "assets/live-reload.js", content: LIVE_RELOAD_SCRIPT },
    { path: "assets/favicon.svg", content: FAVICON },
  ];
}
