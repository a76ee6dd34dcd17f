// `--branch [name]` and `--commit` for commands that write ADRs: check git before anything is
// written, then switch to the branch and commit exactly the files the command wrote.
import path from "node:path";
import type { Workspace } from "../config/workspace.js";
import type { GitRepo } from "../io/git.js";
import { formatAdrNumber } from "../domain/numbering.js";
import { numberFromFileName } from "../markdown/numbers.js";

/** The flags as the command received them: `branch` is "" for a bare `--branch` (default name). */
export interface GitFlags {
  branch?: string | undefined;
  commit?: boolean | undefined;
}

/** A checked repository and what to do in it once the files are written. */
export interface GitFlow {
  repo: GitRepo;
  /** The branch to create: a name, "" for the default name, undefined for none. */
  branch: string | undefined;
  commit: boolean;
}

/** What git did, for the command's output. */
export interface GitOutcome {
  branch?: string;
  /** The new commit's hash; null when the files held no change to commit. */
  commit?: string | null;
}

/** Whether the flags ask for any git work. */
export function wantsGit(flags: GitFlags): boolean {
  return flags.branch !== undefined || Boolean(flags.commit);
}

/**
 * Checks, before anything is written, that git can do what the flags ask: a repository, no
 * existing branch of the name to create, and for `--commit` without `--branch` a branch checked
 * out. With `--branch` a detached HEAD (the usual CI checkout) is fine: the branch starts there.
 */
export async function startGitFlow(cwd: string, flags: GitFlags, defaultBranch?: string): Promise<GitFlow | null> {
  if (!wantsGit(flags)) return null;
  const { assertNewBranch, currentBranch, openGitRepo } = await import("../io/git.js");
  const repo = await openGitRepo(cwd);
  const branch = flags.branch === undefined ? undefined : flags.branch.trim();
  if (branch === undefined) await currentBranch(repo);
  const name = branch === "" ? defaultBranch : branch;
  if (name) await assertNewBranch(repo, name);
  return { repo, branch, commit: Boolean(flags.commit) };
}

/** After the write: creates and switches to the branch, then commits exactly `files` with `message`. */
export async function finishGitFlow(flow: GitFlow | null, change: { files: string[]; defaultBranch: string; message: string }): Promise<GitOutcome> {
  if (!flow) return {};
  const { commitFiles, prepareBranch } = await import("../io/git.js");
  const outcome: GitOutcome = {};
  if (flow.branch !== undefined) {
    outcome.branch = flow.branch === "" ? change.defaultBranch : flow.branch;
    await prepareBranch(flow.repo, outcome.branch);
  }
  if (flow.commit) outcome.commit = await commitFiles(flow.repo, change.files, change.message);
  return outcome;
}

/** `adr/0007-use-kafka`: the default branch for a change to this ADR file. */
export function defaultBranchFor(adrPath: string): string {
  return `adr/${path.basename(adrPath).replace(/\.md$/i, "")}`;
}

/** `docs(adr): 0007 Use Kafka`, plus an optional note; the title falls back to the file's slug. */
export function commitMessageFor(adrPath: string, title: string | null, note?: string): string {
  const number = numberFromFileName(path.basename(adrPath));
  const label = number === null ? path.basename(adrPath).replace(/\.md$/i, "") : formatAdrNumber(number);
  const text = (title ?? path.basename(adrPath).replace(/\.md$/i, "").replace(/^\d+-/, "")).replace(/\s+/g, " ").trim();
  return `docs(adr): ${label} ${text}${note ? ` ${note}` : ""}`;
}

/** Prints what git did on stderr (progress, not data). */
export function describeGitOutcome(outcome: GitOutcome): string[] {
  const lines: string[] = [];
  if (outcome.branch) lines.push(`switched to new branch ${outcome.branch}`);
  if (outcome.commit) lines.push(`committed ${outcome.commit.slice(0, 7)}`);
  if (outcome.commit === null) lines.push("nothing changed; no commit made");
  return lines;
}

/** Before a command changes the ADR `ref`: null without git flags, else the checked flow (default branch named after the ADR). */
export async function startAdrChange(workspace: Workspace, cwd: string, flags: GitFlags, ref: string): Promise<GitFlow | null> {
  if (!wantsGit(flags)) return null;
  const { resolveEditableAdr } = await import("./edit-files.js");
  const file = await resolveEditableAdr(workspace, ref, cwd);
  return startGitFlow(cwd, flags, defaultBranchFor(file.path));
}

/** After a command changed `adrPath` (and `others`, absolute or root-relative): branch and commit as the flags asked. */
export async function finishAdrChange(
  flow: GitFlow | null,
  workspace: Workspace,
  change: { adrPath: string; others: string[]; note?: string },
): Promise<GitOutcome> {
  if (!flow) return {};
  const { readFile } = await import("node:fs/promises");
  const { readAdrSummary } = await import("../markdown/fast.js");
  const text = await readFile(change.adrPath, "utf8").catch(() => "");
  const ref = { path: change.adrPath, relPath: path.relative(workspace.root, change.adrPath).split(path.sep).join("/"), dirLabel: "" };
  const title = readAdrSummary(text, ref).title;
  return finishGitFlow(flow, {
    files: [change.adrPath, ...change.others.map((file) => path.resolve(workspace.root, file))],
    defaultBranch: defaultBranchFor(change.adrPath),
    message: commitMessageFor(change.adrPath, title, change.note),
  });
}
