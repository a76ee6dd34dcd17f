// The page frame every site page shares: head with a strict content security policy, skip
// link, header with navigation and search, main landmark and footer.
import { VERSION } from "../version.js";
import { escapeHtml } from "./html.js";

/** Where the site's top-level pages live, relative to the site root. */
export const SITE_PAGES = { index: "index.html", timeline: "timeline.html", graph: "graph.html" } as const;

export type ActivePage = "index" | "timeline" | "graph" | "adr";

export interface LayoutPage {
  siteTitle: string;
  /** The page's own title (plain text). */
  title: string;
  /** Path from this page to the site root: "" at the root, "../" one level down. */
  root: string;
  active: ActivePage;
  /** Trusted HTML for the main landmark. */
  body: string;
  /** Adds the live-reload client (adrgen site --serve). */
  liveReload?: boolean;
  /** ISO timestamp of the build for the footer (SiteModel.generatedAt); the footer omits the date without it. */
  generatedAt?: string;
}

const NAV: Array<{ page: Exclude<ActivePage, "adr">; label: string }> = [
  { page: "index", label: "Decisions" },
  { page: "timeline", label: "Timeline" },
  { page: "graph", label: "Graph" },
];

/**
 * The content security policy. 'self' covers every asset on file:// in Chromium as well as on
 * http(s); nothing inline is allowed, so a sanitiser miss still cannot run a script or style.
 */
export function contentSecurityPolicy(liveReload: boolean): string {
  const directives = ["default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self'", "form-action 'self'", "base-uri 'none'", "object-src 'none'"];
  // The live-reload client listens to server-sent events from the preview server.
  if (liveReload) directives.push("connect-src 'self'");
  return directives.join("; ");
}

/** A complete HTML5 document for one site page; every URL in it is relative to `root`. */
export function renderLayout(page: LayoutPage): string {
  const root = escapeHtml(page.root);
  const fullTitle = page.title === page.siteTitle ? page.siteTitle : `${page.title} · ${page.siteTitle}`;
  const scripts = [
    // The search index is large, so only the index page, where results are shown, loads it.
    page.active === "index" ? `<script src="${root}assets/search-index.js" defer></script>` : "",
    `<script src="${root}assets/site.js" defer></script>`,
    page.liveReload ? `<script src="${root}assets/live-reload.js" defer></script>` : "",
  ].filter((s) => s !== "");
  const nav = NAV.map(({ page: target, label }) => {
    const current = page.active === target ? ' aria-current="page"' : "";
    return `<li><a href="${root}${SITE_PAGES[target]}"${current}>${label}</a></li>`;
  }).join("");
  const built = page.generatedAt ? ` on <time datetime="${escapeHtml(page.generatedAt)}">${escapeHtml(page.generatedAt.slice(0, 10))}</time>` : "";
  return `<!DOCTYPE html>
<html lang="en" data-root="${root}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(page.liveReload === true)}">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="adrgen ${escapeHtml(VERSION)}">
<title>${escapeHtml(fullTitle)}</title>
<link rel="icon" href="${root}assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${root}assets/site.css">
${scripts.join("\n")}
</head>
<body class="page-${page.active}">
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<a class="site-title" href="${root}${SITE_PAGES.index}">${escapeHtml(page.siteTitle)}</a>
<nav aria-label="Site"><ul>${nav}</ul></nav>
<form class="site-search" role="search" action="${root}${SITE_PAGES.index}" method="get">
<label for="site-search-input">Search decisions</label>
<input type="search" id="site-search-input" name="q" autocomplete="off" spellcheck="false">
<button type="submit">Search</button>
</form>
</header>
<main id="main" tabindex="-1">
${page.body}
</main>
<footer class="site-footer"><p>Built by adrgen ${escapeHtml(VERSION)}${built}.</p></footer>
</body>
</html>
`;
}
