import { existsSync } from "node:fs";
import type { Workspace } from "../config/workspace.js";
import type { ExistingDecision } from "./types.js";

/** The ADRs of a workspace (number, title, status, file) via the store's fast reader; earlier decisions constrain new ones. */
export async function readExistingDecisions(workspace: Workspace): Promise<ExistingDecision[]> {
  // Most scanned repositories keep no ADRs: do not load the ADR reader (and its markdown and TOML code) for nothing.
  if (!workspace.dirs.some((dir) => existsSync(dir.path))) return [];
  const { readSummaries } = await import("../store/read.js");
  const summaries = await readSummaries(workspace);
  return summaries
    .map((summary) => ({ number: summary.number, title: summary.title, status: summary.status, file: summary.relPath }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
