// Writes a site atomically: every file goes into a temp directory beside the target, which then
// replaces the target with two renames. A failed or interrupted build leaves the old site as it was.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fromSystemError } from "../domain/errors.js";
import { assertNotInterrupted } from "../io/interrupt.js";
import type { SiteFile } from "./model.js";

/** File operations the writer uses; tests inject failures through them. */
export interface SiteWriterFs {
  writeFile(file: string, content: string | Uint8Array): void;
  rename(from: string, to: string): void;
}

export const nodeSiteWriterFs: SiteWriterFs = {
  writeFile: (file, content) => writeFileSync(file, content),
  rename: (from, to) => renameSync(from, to),
};

/** Writes `files` as the complete content of directory `out`, replacing what was there at once. */
export function writeSiteAtomic(out: string, files: readonly SiteFile[], fs: SiteWriterFs = nodeSiteWriterFs): void {
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
  try {
    mkdirSync(parent, { recursive: true });
    mkdirSync(temp);
    const made = new Set<string>([temp]);
    for (const file of files) {
      const target = path.join(temp, ...file.path.split("/"));
      const dir = path.dirname(target);
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      fs.writeFile(target, file.content);
    }
    assertNotInterrupted();
    swap(out, temp, old, fs);
  } catch (error) {
    removeTemp();
    throw fromSystemError(error, `write the site to ${out}`);
  } finally {
    process.removeListener("exit", onExit);
  }
  rmSync(old, { recursive: true, force: true });
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
