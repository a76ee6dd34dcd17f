// `check --base <ref>`: ADRs this branch adds under a number that the base branch already gave
// another file. Git merges both files silently; this catches it before the merge.
import path from "node:path";
import type { Workspace } from "../config/workspace.js";
import { listAdrFiles, isAdrFileName } from "../store/read.js";
import { numberFromFileName } from "../markdown/numbers.js";
import { listTreeFiles, resolveCommit, runGit, type GitRepo } from "../io/git.js";

/** An ADR added on this branch whose number the base already uses. */
export interface BaseConflict {
  /** The added ADR, relative to the repository root. */
  file: string;
  number: number;
  /** The base's files with that number, relative to the repository root. */
  baseFiles: string[];
  /** A free number (above every number here and on the base). */
  suggested: number;
  /** The command that fixes it. */
  command: string;
}

async function mergeBase(repo: GitRepo, commit: string): Promise<string | null> {
  try {
    return (await runGit(repo, ["merge-base", commit, "HEAD"])).trim() || null;
  } catch {
    return null;
  }
}

/** ADR files directly in `dirAbs` in a commit's tree, as absolute paths. */
async function treeAdrs(repo: GitRepo, commit: string, dirAbs: string): Promise<string[]> {
  const files = await listTreeFiles(repo, commit, dirAbs);
  return files.map((rel) => path.join(repo.root, ...rel.split("/"))).filter((abs) => path.dirname(abs) === dirAbs && isAdrFileName(path.basename(abs)));
}

/** Compares the working tree's ADR numbers with those on `ref`, directory by directory. */
export async function findBaseConflicts(workspace: Workspace, repo: GitRepo, ref: string): Promise<BaseConflict[]> {
  const commit = await resolveCommit(repo, ref);
  const fork = await mergeBase(repo, commit);
  const local = await listAdrFiles(workspace);
  const rel = (abs: string) => path.relative(workspace.root, abs).split(path.sep).join("/");
  const conflicts: BaseConflict[] = [];
  for (const dir of workspace.dirs) {
    const here = local.filter((f) => path.dirname(f.path) === dir.path).map((f) => f.path);
    const onBase = await treeAdrs(repo, commit, dir.path);
    const atFork = new Set(fork ? await treeAdrs(repo, fork, dir.path) : []);
    const hereSet = new Set(here);
    const baseSet = new Set(onBase);
    const numbers = [...here, ...onBase].map((f) => numberFromFileName(path.basename(f)) ?? 0);
    let next = Math.max(0, ...numbers) + 1;
    for (const file of here.filter((f) => !baseSet.has(f)).sort()) {
      const number = numberFromFileName(path.basename(file));
      if (number === null) continue;
      // A base file this branch renamed or deleted (present at the fork, gone here) is not a clash.
      const clashing = onBase.filter((b) => numberFromFileName(path.basename(b)) === number && !(atFork.has(b) && !hereSet.has(b)));
      if (clashing.length === 0) continue;
      const suggested = next++;
      conflicts.push({
        file: rel(file),
        number,
        baseFiles: clashing.map(rel),
        suggested,
        command: `adrgen renumber ${rel(file)} --to ${suggested}`,
      });
    }
  }
  return conflicts;
}
