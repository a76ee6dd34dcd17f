// Where the site goes, and whether adrgen may write there: an existing directory is replaced only
// when it is an adrgen site (its marker file says so) or the user passed --force, and never when it
// is, or holds, the repository, an ADR directory, a .git folder, the config file, the render cache or
// files git tracks.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { Workspace } from "../config/workspace.js";
import { usageError } from "../domain/errors.js";
import { isInside } from "../io/path-inside.js";

import { SITE_MARKER } from "./site-manifest.js";

export { SITE_MARKER };

/** Throws a usage error (exit 2) when building into `out` could destroy something that is not a site. */
export function assertSiteOutSafe(out: string, workspace: Workspace, force: boolean): void {
  const protectedDirs = [
    { dir: workspace.root, what: "the repository" },
    ...workspace.dirs.map((d) => ({ dir: d.path, what: `the ADR directory ${d.rel}` })),
    { dir: path.join(workspace.root, ".git"), what: "the repository's .git folder" },
    { dir: path.join(workspace.root, ".adrgen", "cache"), what: "adrgen's render cache (.adrgen/cache)" },
    ...(workspace.configFile ? [{ dir: workspace.configFile, what: `the config file ${path.basename(workspace.configFile)}` }] : []),
  ];
  // Through symlinks too: `--out link-to-the-repo` is the repository.
  const outs = [out, realPath(out)];
  for (const { dir, what } of protectedDirs) {
    const dirs = [dir, realPath(dir)];
    if (outs.some((o) => dirs.some((d) => isInside(o, d)))) {
      const same = outs.some((o) => dirs.some((d) => samePath(o, d)));
      throw usageError(`Refusing to build the site into ${out}: it ${same ? "is" : "contains"} ${what}.`, "Choose an output directory of its own, e.g. --out .adrgen/site.");
    }
  }
  // --force replaces the folder wholesale: a .git anywhere on the way (a submodule's, a nested
  // clone's, one inside .git itself) would go with it.
  if (outs.some((o) => o.split(path.sep).includes(".git"))) throw refuse(out, "lies in a .git folder");
  const stat = statSync(out, { throwIfNoEntry: false });
  if (stat === undefined) return;
  if (!stat.isDirectory()) throw usageError(`Refusing to build the site into ${out}: it is a file.`, "Choose a directory for --out.");
  if (statSync(path.join(out, ".git"), { throwIfNoEntry: false }) !== undefined) throw refuse(out, "holds a .git folder (another repository)");
  if (isSiteDir(out)) return;
  // A site adrgen built may be committed (GitHub Pages), so only a folder without the marker is checked.
  const tracked = trackedFile(workspace.root, realPath(out));
  if (tracked !== undefined) {
    throw usageError(
      `Refusing to build the site into ${out}: git tracks files in it (${tracked}), even with --force.`,
      "Choose a folder git does not track, e.g. --out .adrgen/site; to replace tracked files, git rm them first.",
    );
  }
  if (force) return;
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

function refuse(out: string, why: string) {
  return usageError(`Refusing to build the site into ${out}: it ${why}, even with --force.`, "Choose an output directory of its own, e.g. --out .adrgen/site.");
}

// The first file git tracks under `dir`, or undefined (also outside a git repository or without git).
function trackedFile(root: string, dir: string): string | undefined {
  try {
    const listed = execFileSync("git", ["ls-files", "-z", "--", dir], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 * 1024 * 1024 });
    const first = listed.split("\0")[0];
    return first === undefined || first === "" ? undefined : first;
  } catch {
    return undefined;
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
