// Resolves the placeholders render-markdown.ts leaves for relative links and local images, per page:
// a link to another ADR of the site becomes that page's href (fragment kept), a link to any other file
// becomes text marked "outside the site", and a local image is copied into the site or shown as alt text.
// A placeholder carries everything it becomes (target, and a link's title or an image's alt text) in
// base64url, so this file writes every value into the page itself and escapes each one: the renderer's
// serialiser leaves `<` and `>` raw inside attribute values, which must never turn into element text.
import path from "node:path";
import { escapeHtml } from "./html.js";

/** Prefix of a relative link's href before it is resolved (a scheme the sanitiser never lets through). */
export const LINK_PLACEHOLDER = "adrgen-link:";
/** Prefix of a local image's src before it is resolved. */
export const IMAGE_PLACEHOLDER = "adrgen-image:";

/** What a page needs to know to resolve its links and images. */
export interface LinkContext {
  /** The ADR file's path relative to the repository root (forward slashes). */
  fromRelPath: string;
  /** Site page href (relative to the page) of every ADR, by the file's repository-relative path. */
  pageFor: (relPath: string) => string | undefined;
  /** The site path (relative to the page) of a copied local image, or undefined when it cannot be copied. */
  imageFor: (relPath: string) => string | undefined;
}

const LINK = /<a href="adrgen-link:([\w.-]*)">([\s\S]*?)<\/a>/g;
const IMAGE = /<img src="adrgen-image:([\w.-]*)">/g;

/**
 * Encodes a placeholder's values (a link's target and title, an image's source and alt text): each in
 * base64url, joined by `.`, so no character needs escaping in the HTML.
 */
export function encodePlaceholder(...values: string[]): string {
  return values.map((value) => Buffer.from(value, "utf8").toString("base64url")).join(".");
}

function decodePlaceholder(encoded: string): [string, string] {
  const [target = "", extra = ""] = encoded.split(".").map((part) => Buffer.from(part, "base64url").toString("utf8"));
  return [target, extra];
}

/** Replaces every link and image placeholder in rendered HTML for one page. */
export function resolvePlaceholders(html: string, context: LinkContext): string {
  if (!html.includes("adrgen-")) return html;
  return html
    .replace(LINK, (_m, encoded: string, inner: string) => {
      const [href, title] = decodePlaceholder(encoded);
      const target = splitTarget(href);
      const relPath = repoPath(context.fromRelPath, target.path);
      const page = relPath === undefined ? undefined : context.pageFor(relPath);
      // `inner` is the serialiser's own element content (text escaped), so it is kept as it is.
      if (page !== undefined) return `<a href="${escapeHtml(page + target.fragment)}"${title === "" ? "" : ` title="${escapeHtml(title)}"`}>${inner}</a>`;
      const where = relPath ?? target.path;
      return `<span class="outside-link" title="${escapeHtml(`${where} is not part of this site`)}">${inner}</span>`;
    })
    .replace(IMAGE, (_m, encoded: string) => {
      const [source, alt] = decodePlaceholder(encoded);
      const relPath = repoPath(context.fromRelPath, splitTarget(source).path);
      const src = relPath === undefined ? undefined : context.imageFor(relPath);
      if (src !== undefined) return `<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}">`;
      return `<span class="image-alt">${escapeHtml(alt || "image")}</span>`;
    });
}

/** Splits a link target into its path (each segment percent-decoded where valid) and `#fragment`/`?query` tail. */
export function splitTarget(target: string): { path: string; fragment: string } {
  const cut = target.search(/[#?]/);
  const raw = cut < 0 ? target : target.slice(0, cut);
  const tail = cut < 0 ? "" : target.slice(cut);
  const fragment = tail.startsWith("#") ? tail : tail.includes("#") ? tail.slice(tail.indexOf("#")) : "";
  // Per segment and with decodeURIComponent, so `0002-a%23b.md` names the file `0002-a#b.md` (decodeURI
  // keeps `%23`); a decoded `/` or `..` is then a path step, and repoPath still keeps it in the repository.
  const decoded = raw.split("/").map(decodeSegment).join("/");
  return { path: decoded, fragment };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A malformed escape is taken literally.
    return segment;
  }
}

/**
 * The repository-relative path a link in `fromRelPath` points at (`/x` is the repository root, as on
 * GitHub), or undefined when it leaves the repository.
 */
export function repoPath(fromRelPath: string, target: string): string | undefined {
  const cleaned = target.replace(/\\/g, "/");
  const joined = cleaned.startsWith("/") ? cleaned.slice(1) : path.posix.join(path.posix.dirname(fromRelPath), cleaned);
  const normal = path.posix.normalize(joined).replace(/\/+$/, "");
  if (normal === ".." || normal.startsWith("../") || path.posix.isAbsolute(normal)) return undefined;
  return normal === "" ? "." : normal;
}
