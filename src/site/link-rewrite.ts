// Resolves the placeholders render-markdown.ts leaves for relative links and local images, per page:
// a link to another ADR of the site becomes that page's href (fragment kept), a link to any other file
// becomes text marked "outside the site", and a local image is copied into the site or shown as alt text.
import path from "node:path";

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

const LINK = /<a href="adrgen-link:([\w-]*)">([\s\S]*?)<\/a>/g;
const IMAGE = /<img src="adrgen-image:([\w-]*)"(?: alt="([^"]*)")?>/g;

/** Encodes a link target for a placeholder: base64url, so no character needs escaping in the HTML. */
export function encodePlaceholder(target: string): string {
  return Buffer.from(target, "utf8").toString("base64url");
}

function decodePlaceholder(encoded: string): string {
  return Buffer.from(encoded, "base64url").toString("utf8");
}

/** Replaces every link and image placeholder in rendered HTML for one page. */
export function resolvePlaceholders(html: string, context: LinkContext): string {
  if (!html.includes("adrgen-")) return html;
  return html
    .replace(LINK, (_m, encoded: string, inner: string) => {
      const target = splitTarget(decodePlaceholder(encoded));
      const relPath = repoPath(context.fromRelPath, target.path);
      const page = relPath === undefined ? undefined : context.pageFor(relPath);
      if (page !== undefined) return `<a href="${escapeAttr(page + target.fragment)}">${inner}</a>`;
      const where = relPath ?? target.path;
      return `<span class="outside-link" title="${escapeAttr(`${where} is not part of this site`)}">${inner}</span>`;
    })
    .replace(IMAGE, (_m, encoded: string, alt: string | undefined) => {
      const relPath = repoPath(context.fromRelPath, splitTarget(decodePlaceholder(encoded)).path);
      const src = relPath === undefined ? undefined : context.imageFor(relPath);
      if (src !== undefined) return `<img src="${escapeAttr(src)}" alt="${alt ?? ""}">`;
      return `<span class="image-alt">${alt || "image"}</span>`;
    });
}

/** Splits a link target into its path (percent-decoded where valid) and `#fragment`/`?query` tail. */
export function splitTarget(target: string): { path: string; fragment: string } {
  const cut = target.search(/[#?]/);
  const raw = cut < 0 ? target : target.slice(0, cut);
  const tail = cut < 0 ? "" : target.slice(cut);
  const fragment = tail.startsWith("#") ? tail : tail.includes("#") ? tail.slice(tail.indexOf("#")) : "";
  let decoded = raw;
  try {
    decoded = decodeURI(raw);
  } catch {
    // A malformed escape is taken literally.
  }
  return { path: decoded, fragment };
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

/** Escapes text for a double-quoted HTML attribute. */
export function escapeAttr(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
