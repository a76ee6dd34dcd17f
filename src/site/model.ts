// The data the static site is built from (issue 10). Page rendering (src/site/render-*.ts),
// the index/timeline/graph pages and the browser script all read this one shape, so each
// part can be built and tested on its own.

/** One ADR as the site shows it. Every href is relative to the site root, never absolute. */
export interface SiteAdr {
  /** Stable page id, unique across ADR directories, safe as a file name: e.g. `docs-adr-0003-use-postgres`. */
  id: string;
  /** The page's path from the site root, e.g. `adr/docs-adr-0003-use-postgres.html`. */
  href: string;
  number: number | null;
  /** Plain-text title (never HTML); "Untitled" when the file has none. */
  title: string;
  /** Lower-cased status as written, or null. */
  status: string | null;
  /** ISO date or null. */
  date: string | null;
  /** The stated date when it is not a valid ISO date (shown as written, with a warning). */
  dateRaw?: string;
  /** People named in `decision-makers` / `deciders` / a `Deciders:` line. */
  decisionMakers?: string[];
  tags: string[];
  /** Path of the markdown file relative to the repository root. */
  relPath: string;
  /** Label of the ADR directory (monorepos have several). */
  dirLabel: string;
  /** Ids of the ADRs this one supersedes / is superseded by, resolved within the site. */
  supersedes: string[];
  supersededBy: string[];
  /** Other typed relations resolved within the site ("relates to", "amends" …). */
  links: Array<{ type: string; id: string }>;
  /** Problems met while reading the file, shown on its page as a visible warning. */
  warnings: string[];
  /** The sanitised body HTML (title heading removed), safe to insert into a page. */
  bodyHtml: string;
  /** The body as plain text, for the search index (no markup, no HTML). */
  text: string;
}

/** Everything one site build shows. */
export interface SiteModel {
  /** Site title: the repository's directory name unless configured. */
  title: string;
  /** ISO timestamp of the build (ADRGEN_DATE fixes the date part in tests). */
  generatedAt: string;
  /** ADRs ordered by directory label, then number, then path. */
  adrs: SiteAdr[];
  /** Local images the ADR bodies show, to copy into the site: path from the site root and the absolute source file. */
  media?: Array<{ path: string; source: string }>;
}

/** A file of the built site: its path from the site root (forward slashes) and its content. */
export interface SiteFile {
  path: string;
  content: string | Uint8Array;
}
