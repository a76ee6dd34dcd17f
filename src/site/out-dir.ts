// Where the site goes, and whether adrgen may write there: an existing directory is replaced only
// when it is an adrgen site (its marker file says so) or the user passed --force, and never when it
// is, or holds, the repository or an ADR directory.
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { Workspace } from "../config/workspace.js";
import { usageError } from "../domain/errors.js";
import { isInside } from "../io/path-inside.js";

import { SITE_MARKER } from "./site-manifest.js";

export { SITE_MARKER };

/** Throws a usage error (exit 2) when building into `out` could destroy something that is not a site. */
export function assertSiteOutSafe(out: string, workspace: Workspace, force: boolean): void {
  const protectedDirs = [{ dir: workspace.root, what: "the repository" }, ...workspace.dirs.map((d) => ({ dir: d.path, what: `the ADR directory ${d.rel}` }))];
  // Through symlinks too: `--out link-to-the-repo` is the repository.
  const outs = [out, realPath(out)];
  for (const { dir, what } of protectedDirs) {
    const dirs = [dir, realPath(dir)];
    if (outs.some((o) => dirs.some((d) => isInside(o, d)))) {
      const same = outs.some((o) => dirs.some((d) => samePath(o, d)));
      throw usageError(`Refusing to build the site into ${out}: it ${same ? "is" : "contains"} ${what}.`, "Choose an output directory of its own, e.g. --out .adrgen/site.");
    }
  }
  const stat = statSync(out, { throwIfNoEntry: false });
  if (stat === undefined) return;
  if (!stat.isDirectory()) throw usageError(`Refusing to build the site into ${out}: it is a file.`, "Choose a directory for --out.");
  if (force || isSiteDir(out)) return;
  if (readdirSync(out).length === 0) return;
  throw usageError(
    `Refusing to overwrite ${out}: it is not empty and was not built by adrgen (no ${SITE_MARKER}).`,
    "Choose another --out, or pass --force to replace the directory and everything in it.",
  );
}

/** True when `dir` holds an adrgen site marker. */
export function isSiteDir(dir: string): boolean {
  try {
    return (JSON.parse(readFileSync(path.join(dir, SITE_MARKER), "utf8")) as { generator?: unknown }).generator === "adrgen";
  } catch {
    return false;
  }
}

function realPath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

function samePath(a: string, b: string): boolean {
  return path.relative(a, b) === "";
}
