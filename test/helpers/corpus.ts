// The real-world ADR corpus beside the project (../shared/adr-corpus): absent on a fresh clone, where
// the suites that read it skip themselves.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { Workspace } from "../../src/config/workspace.js";
import { PROJECT_ROOT } from "./spawn.js";

export const CORPUS = path.resolve(PROJECT_ROOT, "../shared/adr-corpus");
export const corpusPresent = existsSync(path.join(CORPUS, "MANIFEST.tsv"));

/** A workspace with every corpus repository's folder as one ADR directory, in name order. */
export function corpusWorkspace(): Workspace {
  const dirs = readdirSync(CORPUS, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => ({ path: path.join(CORPUS, e.name), rel: e.name, label: e.name }))
    .sort((a, b) => (a.rel < b.rel ? -1 : 1));
  return { root: CORPUS, config: {}, configFile: undefined, dirs, primary: dirs[0]!, source: "config" };
}
