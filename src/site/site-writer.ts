// Writes a site atomically: the new site is assembled in a temp directory beside the target (files whose
// content did not change are hard-linked from the current site, the rest written), which then replaces the
// target with two renames. A failed or interrupted build leaves the old site as it was; a build that
// changes nothing only refreshes the marker.
import { randomBytes } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fromSystemError } from "../domain/errors.js";
import { assertNotInterrupted } from "../io/interrupt.js";
import { tempSiblingOf } from "../io/temp-name.js";
import type { SiteFile } from "./model.js";
import { hashContent, isUnchanged, manifestOf, readManifest, SITE_MARKER } from "./site-manifest.js";

/** File operations the writer uses; tests inject failures through them. */
export interface SiteWriterFs {
  writeFile(file: string, content: string | Uint8Array): void;
  rename(from: string, to: string): void;
  link(existing: string, created: string): void;
}

export const nodeSiteWriterFs: SiteWriterFs = {
  writeFile: (file, content) => writeFileSync(file, content),
  rename: (from, to) => renameSync(from, to),
  link: (existing, created) => linkSync(existing, created),
};

/** How many files a write produced afresh and how many it kept from the previous build. */
export interface SiteWriteStats {
  written: number;
  kept: number;
  /** Size of the marker file written (it is not among `files`). */
  markerBytes: number;
}

/**
 * Makes `files` plus the marker (`marker` with the file manifest added) the complete content of `out`,
 * replacing what was there at once.
 */
export function writeSiteAtomic(target: string, files: readonly SiteFile[], marker: Record<string, unknown>, fs: SiteWriterFs = nodeSiteWriterFs): SiteWriteStats {
  // A symlinked --out: renaming the link would leave the real folder stale and turn the link into a
  // folder, so the swap happens beside the folder the link points to.
  const out = realOut(target);
  const previous = readManifest(out);
  const hashes = files.map((file) => hashContent(file.content));
  const unchanged = files.map((file, i) => isUnchanged(out, file, hashes[i]!, previous));
  const samePaths = previous !== undefined && Object.keys(previous).length === files.length;
  // The shortcut needs the folder to hold exactly the site: a file someone added would otherwise survive.
  if (samePaths && unchanged.every(Boolean) && fileCount(out) === files.length + 1) {
    const text = markerText({ ...marker, files: previous });
    refreshMarker(out, text, fs);
    return { written: 0, kept: files.length, markerBytes: Buffer.byteLength(text) };
  }
  const parent = path.dirname(out);
  const tag = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const temp = path.join(parent, `.${path.basename(out)}.adrgen-new-${tag}`);
  const old = path.join(parent, `.${path.basename(out)}.adrgen-old-${tag}`);
  const removeTemp = () => rmSync(temp, { recursive: true, force: true });
  // A signal ends the process with process.exit, which runs 'exit' listeners: the half-built directory
  // goes, and a site moved aside in the instant between the two renames comes back.
  const onExit = () => {
    removeTemp();
    if (!existsSync(out) && existsSync(old)) renameSync(old, out);
  };
  process.on("exit", onExit);
  let kept = 0;
  let markerBytes = 0;
  try {
    mkdirSync(parent, { recursive: true });
    mkdirSync(temp);
    const made = new Set<string>([temp]);
    files.forEach((file, i) => {
      const target = path.join(temp, ...file.path.split("/"));
      const dir = path.dirname(target);
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      if (unchanged[i] && tryLink(fs, path.join(out, ...file.path.split("/")), target)) kept++;
      else fs.writeFile(target, file.content);
    });
    const text = markerText({ ...marker, files: manifestOf(temp, files, hashes) });
    markerBytes = Buffer.byteLength(text);
    fs.writeFile(path.join(temp, SITE_MARKER), text);
    assertNotInterrupted();
    swap(out, temp, old, fs);
  } catch (error) {
    removeTemp();
    throw fromSystemError(error, `write the site to ${out}`);
  } finally {
    process.removeListener("exit", onExit);
  }
  rmSync(old, { recursive: true, force: true });
  return { written: files.length - kept, kept, markerBytes };
}

function realOut(out: string): string {
  try {
    return realpathSync(out);
  } catch {
    return out;
  }
}

function fileCount(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => !entry.isDirectory()).length;
}

// A file system without hard links (or a file that vanished) just gets the file written.
function tryLink(fs: SiteWriterFs, existing: string, created: string): boolean {
  try {
    fs.link(existing, created);
    return true;
  } catch {
    return false;
  }
}

function markerText(marker: Record<string, unknown>): string {
  return `${JSON.stringify(marker)}\n`;
}

// Nothing but the build time changed: replace the marker alone (temp file + rename, never half a file).
function refreshMarker(out: string, text: string, fs: SiteWriterFs): void {
  const file = path.join(out, SITE_MARKER);
  const temp = tempSiblingOf(file);
  try {
    fs.writeFile(temp, text);
    fs.rename(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw fromSystemError(error, `write ${file}`);
  }
}

// Old site aside, new one in; when the second rename fails the old one goes back.
function swap(out: string, temp: string, old: string, fs: SiteWriterFs): void {
  const hadOld = existsSync(out);
  if (hadOld) fs.rename(out, old);
  try {
    fs.rename(temp, out);
  } catch (error) {
    if (hadOld) fs.rename(old, out);
    throw error;
  }
}
