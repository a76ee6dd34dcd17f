// The git side of adrgen: branch, stage and commit exactly the files adrgen wrote, and read
// another ref's tree for `check --base`. simple-git is loaded only when a command needs git.
import { existsSync } from "node:fs";
import path from "node:path";
import type { SimpleGit } from "simple-git";
import { runtimeError, usageError } from "../domain/errors.js";

/** A git repository adrgen talks to: its top-level directory and a client rooted there. */
export interface GitRepo {
  root: string;
  git: SimpleGit;
}

/** Runs a raw git command; any non-zero exit rejects. */
export async function runGit(repo: GitRepo, args: string[]): Promise<string> {
  return repo.git.raw(args);
}

/** The message git printed for a failed command, first line only, without `fatal: `. */
export function gitMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split("\n").find((l) => l.trim() !== "") ?? text;
  return line.replace(/^(fatal|error):\s*/, "").trim();
}

/** Opens the repository holding `cwd`; refuses (exit 2) when `cwd` is not inside a git work tree. */
export async function openGitRepo(cwd: string): Promise<GitRepo> {
  const { simpleGit } = await import("simple-git");
  // simple-git alone treats a non-zero exit that printed nothing on stderr as success.
  const options = (baseDir: string) => ({
    baseDir,
    errors: (error: Buffer | Error | undefined, result: { exitCode: number; stdOut: Buffer[]; stdErr: Buffer[] }) =>
      error ?? (result.exitCode !== 0 ? Buffer.concat([...result.stdOut, ...result.stdErr]) : undefined),
  });
  const client = simpleGit(options(cwd));
  let top: string;
  try {
    top = (await client.raw(["rev-parse", "--show-toplevel"])).trim();
  } catch (error) {
    const message = gitMessage(error);
    if (/not a git repository/i.test(message)) throw usageError(`${cwd} is not inside a git repository.`, "Run git init first, or drop --branch/--commit.");
    throw runtimeError(`git failed: ${message}`, "Check that git is installed and works in this directory.", error);
  }
  return { root: path.resolve(top), git: simpleGit(options(top)) };
}

/** The checked-out branch; refuses (exit 2) on a detached HEAD, where a commit would belong to no branch. */
export async function currentBranch(repo: GitRepo): Promise<string> {
  try {
    return (await runGit(repo, ["symbolic-ref", "--short", "HEAD"])).trim();
  } catch {
    throw usageError("HEAD is detached: adrgen will not commit outside a branch.", "Add --branch [name] to create a branch at HEAD and commit there, or switch to a branch first: git switch <branch>.");
  }
}

/** Whether a local branch of this name exists. */
export async function branchExists(repo: GitRepo, name: string): Promise<boolean> {
  const listed = await runGit(repo, ["branch", "--list", "--format=%(refname:short)", name]);
  return listed.split("\n").some((line) => line.trim() === name);
}

/** Refuses (exit 2) a branch name git would reject, or one that exists already. */
export async function assertNewBranch(repo: GitRepo, name: string): Promise<void> {
  try {
    await runGit(repo, ["check-ref-format", "--branch", name]);
  } catch {
    throw usageError(`"${name}" is not a valid branch name.`, "Use letters, digits, '-', '_' and '/', e.g. adr/0007-use-kafka.");
  }
  if (await branchExists(repo, name)) throw usageError(`Branch ${name} already exists.`, "Pass another name with --branch <name>, or switch to it and run without --branch.");
}

/** Creates `name` from the current HEAD (a branch or a detached commit) and switches to it; uncommitted changes come along, untouched. */
export async function prepareBranch(repo: GitRepo, name: string): Promise<void> {
  await assertNewBranch(repo, name);
  try {
    await runGit(repo, ["switch", "-c", name]);
  } catch (error) {
    throw runtimeError(`Could not create branch ${name}: ${gitMessage(error)}`, undefined, error);
  }
}

/** Whether the index holds a path. */
async function inIndex(repo: GitRepo, rel: string): Promise<boolean> {
  return (await runGit(repo, ["ls-files", "--", rel])).trim() !== "";
}

/** Whether HEAD's tree holds a path. */
async function inHead(repo: GitRepo, rel: string): Promise<boolean> {
  if (!(await hasHead(repo))) return false;
  return (await runGit(repo, ["ls-tree", "--name-only", "HEAD", "--", rel])).trim() !== "";
}

/** Whether HEAD points at a commit (false in a repository without commits yet). */
async function hasHead(repo: GitRepo): Promise<boolean> {
  try {
    await runGit(repo, ["rev-parse", "--verify", "-q", "HEAD^{commit}"]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stages exactly `files` (absolute paths; deleted ones stage their removal) and commits only
 * those paths (`git commit -- <paths>`), so changes the user staged elsewhere stay staged and
 * out of the commit. Returns the new commit's hash, or null when the files hold no change.
 */
export async function commitFiles(repo: GitRepo, files: string[], message: string): Promise<string | null> {
  let rel = [...new Set(files.map((file) => path.relative(repo.root, path.resolve(file)).split(path.sep).join("/")))].sort();
  if (rel.length === 0) return null;
  if (rel.some((p) => p.startsWith("../") || p === "..")) throw usageError(`Cannot commit files outside the repository ${repo.root}.`);
  try {
    // `git add` needs a path on disk or in the index (a `git mv`'s old path is in neither, only in HEAD);
    // `git commit` takes any path HEAD knows. A path none of them knows has nothing to commit.
    const states = await Promise.all(rel.map(async (p) => (existsSync(path.join(repo.root, p)) || (await inIndex(repo, p)) ? "add" : (await inHead(repo, p)) ? "commit" : "none")));
    const addable = rel.filter((_, i) => states[i] === "add");
    rel = rel.filter((_, i) => states[i] !== "none");
    if (rel.length === 0) return null;
    if (addable.length > 0) await runGit(repo, ["add", "-A", "--", ...addable]);
    if (await hasHead(repo)) {
      const changed = (await runGit(repo, ["diff", "--cached", "--name-only", "HEAD", "--", ...rel])).trim();
      if (changed === "") return null;
    }
    await runGit(repo, ["commit", "--quiet", "-m", message, "--", ...rel]);
    return (await runGit(repo, ["rev-parse", "HEAD"])).trim();
  } catch (error) {
    throw runtimeError(`git commit failed: ${gitMessage(error)}`, "The files were written; commit them by hand once git is happy.", error);
  }
}

/** Moves a tracked file with `git mv`; returns false when git does not track it (the caller then renames it). */
export async function moveTracked(repo: GitRepo, from: string, to: string): Promise<boolean> {
  const rel = (p: string) => path.relative(repo.root, p).split(path.sep).join("/");
  const tracked = (await runGit(repo, ["ls-files", "--", rel(from)])).trim() !== "";
  if (!tracked) return false;
  await runGit(repo, ["mv", "--", rel(from), rel(to)]);
  return true;
}

/** Resolves a ref to a commit; refuses (exit 2) an unknown ref with a hint about shallow clones. */
export async function resolveCommit(repo: GitRepo, ref: string): Promise<string> {
  try {
    return (await runGit(repo, ["rev-parse", "--verify", "--end-of-options", `${ref}^{commit}`])).trim();
  } catch {
    throw usageError(
      `Unknown git ref ${ref}.`,
      "Fetch it first; in CI check out with full history (actions/checkout with fetch-depth: 0), or run git fetch origin.",
    );
  }
}

/** File paths (relative to the repository root) under `dir` in the tree of `commit`, without checking it out. */
export async function listTreeFiles(repo: GitRepo, commit: string, dir: string): Promise<string[]> {
  const rel = path.relative(repo.root, dir).split(path.sep).join("/");
  const args = ["ls-tree", "-r", "-z", "--name-only", commit];
  if (rel !== "") args.push("--", `${rel}/`);
  const out = await runGit(repo, args);
  return out.split("\0").filter((p) => p !== "");
}
