// Local images in ADR bodies: copied into the site when they are small image files inside the
// repository, otherwise shown as their alt text. Nothing outside the repository is ever read.
import { createHash } from "node:crypto";
import { readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { isInside } from "../io/path-inside.js";
import { isInertSvg } from "./svg-check.js";

/** Images above this size stay out of the site (their alt text shows instead). */
export const MAX_IMAGE_BYTES = 1024 * 1024;
const RASTER = new Set([".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif"]);

/** True when `bytes` start like an image of the type the extension names (an SVG: inert markup only). */
export function isImage(bytes: Buffer, ext: string): boolean {
  const ascii = (from: number, to: number) => bytes.subarray(from, to).toString("latin1");
  switch (ext) {
    case ".png":
      return bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    case ".jpg":
    case ".jpeg":
      return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
    case ".gif":
      return ascii(0, 6) === "GIF87a" || ascii(0, 6) === "GIF89a";
    case ".webp":
      return ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP";
    case ".avif":
      return ascii(4, 8) === "ftyp" && /^avi[fs]$/.test(ascii(8, 12));
    case ".svg":
      // An SVG is a document that can run script when opened directly; only inert ones are copied.
      return isInertSvg(bytes.toString("utf8"));
    default:
      return false;
  }
}

/** Decides, once per image, whether it goes into the site and under which path. */
export interface MediaCollector {
  /** Path from the site root of a copyable image at `relPath` (repository-relative), else undefined. */
  sitePath(relPath: string): string | undefined;
  /** Every image accepted so far: path in the site and absolute source. */
  files(): Array<{ path: string; source: string }>;
}

/** A collector for images of the repository at `root`. */
export function createMediaCollector(root: string): MediaCollector {
  const decided = new Map<string, { path: string; source: string } | undefined>();
  let realRoot: string | undefined;
  const accept = (relPath: string): { path: string; source: string } | undefined => {
    const ext = path.posix.extname(relPath).toLowerCase();
    if (!RASTER.has(ext) && ext !== ".svg") return undefined;
    const source = path.join(root, ...relPath.split("/"));
    let real: string;
    try {
      realRoot ??= realpathSync(root);
      real = realpathSync(source);
      // The root itself is no image; anything outside it is never read.
      if (real === realRoot || !isInside(realRoot, real)) return undefined;
      const stat = statSync(real);
      if (!stat.isFile() || stat.size > MAX_IMAGE_BYTES) return undefined;
      // The bytes must be an image of the named kind: a link named x.png that points at .env is not copied.
      if (!isImage(readFileSync(real), ext)) return undefined;
    } catch {
      return undefined;
    }
    const hash = createHash("sha1").update(relPath).digest("hex").slice(0, 10);
    const base = path.posix.basename(relPath, ext).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "image";
    return { path: `media/${hash}-${base}${ext}`, source: real };
  };
  return {
    sitePath(relPath) {
      if (!decided.has(relPath)) decided.set(relPath, accept(relPath));
      return decided.get(relPath)?.path;
    },
    files() {
      return [...decided.values()].filter((entry) => entry !== undefined);
    },
  };
}
