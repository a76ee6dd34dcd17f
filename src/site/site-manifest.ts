// What a built site holds, recorded in its marker file: each file's content hash, size and mtime. The next
// build keeps a file whose content is the same and which nobody touched since (same size and mtime), by a
// hard link instead of a fresh write; when nothing at all changed it leaves the site as it is.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { SiteFile } from "./model.js";

/** The marker file every built site holds. */
export const SITE_MARKER = ".adrgen-site.json";

/** Per site path: content hash, size in bytes, mtime in ms. */
export type FileManifest = Record<string, [hash: string, size: number, mtimeMs: number]>;

/** A short content hash of a site file. */
export function hashContent(content: string | Uint8Array): string {
  return createHash("sha1").update(content).digest("base64url");
}

/** The manifest recorded by the build that wrote `out`, or undefined when there is none (not a site, an older adrgen). */
export function readManifest(out: string): FileManifest | undefined {
  try {
    const marker = JSON.parse(readFileSync(path.join(out, SITE_MARKER), "utf8")) as { generator?: unknown; files?: unknown };
    if (marker.generator !== "adrgen" || typeof marker.files !== "object" || marker.files === null) return undefined;
    return marker.files as FileManifest;
  } catch {
    return undefined;
  }
}

/** True when `dir/file.path` is still the file the manifest describes and `hash` says its content is wanted again. */
export function isUnchanged(dir: string, file: SiteFile, hash: string, manifest: FileManifest | undefined): boolean {
  const entry = manifest?.[file.path];
  if (!Array.isArray(entry) || entry[0] !== hash) return false;
  const stat = statSync(path.join(dir, ...file.path.split("/")), { throwIfNoEntry: false });
  return stat !== undefined && stat.isFile() && stat.size === entry[1] && stat.mtimeMs === entry[2];
}

/** The manifest of files just written under `dir`. */
export function manifestOf(dir: string, files: readonly SiteFile[], hashes: readonly string[]): FileManifest {
  const manifest: FileManifest = {};
  files.forEach((file, i) => {
    const stat = statSync(path.join(dir, ...file.path.split("/")));
    manifest[file.path] = [hashes[i]!, stat.size, stat.mtimeMs];
  });
  return manifest;
}
