// `adrgen suggest`: the stack at a base and at a head (read from git objects, nothing checked
// out), the significant differences, whether an ADR covers each, and the ADR to write if not.
import type { Workspace } from "../config/workspace.js";
import type { AdrRecord } from "../domain/adr.js";
import { runtimeError, usageError } from "../domain/errors.js";
import { scanFiles } from "../scan/scan-files.js";
import { coverageOf, type CoveringAdr } from "./suggest-coverage.js";
import { CHANGE_WEIGHT, diffStacks, type StackChange } from "./suggest-diff.js";
import { commitOf, gitOutput, readSnapshot, type Snapshot, type SnapshotSource } from "./suggest-git.js";
import { pathMatcher } from "./suggest-ignore.js";
import { proposeAdr, type Proposal } from "./suggest-proposal.js";

export interface SuggestOptions {
  /** The ref to compare with; default HEAD with `staged`, else the fork point with main/master. */
  base?: string | undefined;
  /** The ref to judge; default HEAD. */
  head?: string | undefined;
  /** Judge the index (what the next commit holds) against HEAD. */
  staged?: boolean | undefined;
}

export interface SuggestDeps {
  workspace: Workspace;
  /** The ADRs judged for coverage; default: those in the workspace's ADR directories. */
  records?: AdrRecord[];
}

/** A significant change with its coverage and, when uncovered, the ADR to write. */
export interface Suggestion extends StackChange {
  significance: number;
  covered: boolean;
  coveredBy: CoveringAdr[];
  proposal: Proposal | null;
}

export interface SuggestReport {
  /** The repository's top directory; change and warning files are relative to it. */
  root: string;
  /** The refs compared, as given or chosen (`index` for --staged). */
  base: string;
  head: string;
  changes: Suggestion[];
  /** Files of either side that could not be read (binary, too large) or parsed. */
  warnings: Array<{ file: string; line?: number; message: string; side: "base" | "head" }>;
}

const THRESHOLDS = { low: 1, medium: 2, high: 3 } as const;
const DEFAULT_BRANCHES = ["origin/HEAD", "origin/main", "main", "origin/master", "master"];

/** Chooses the base (a ref for git, a label for people): the explicit ref, HEAD for --staged, else where HEAD forked from the default branch. */
async function chooseBase(root: string, options: SuggestOptions): Promise<{ ref: string; label: string } | null> {
  if (options.base !== undefined) return { ref: options.base, label: options.base };
  if (options.staged) return (await hasCommit(root, "HEAD")) ? { ref: "HEAD", label: "HEAD" } : null;
  for (const branch of DEFAULT_BRANCHES) {
    if (!(await hasCommit(root, branch))) continue;
    try {
      const fork = (await gitOutput(root, ["merge-base", branch, options.head ?? "HEAD"])).trim();
      return { ref: fork, label: `${branch} (fork point ${fork.slice(0, 7)})` };
    } catch {
      return { ref: branch, label: branch };
    }
  }
  return { ref: "HEAD", label: "HEAD" };
}

/** The work tree's top directory; exit 2 outside git, since both sides are read from git objects. */
async function topLevel(cwd: string): Promise<string> {
  try {
    return (await gitOutput(cwd, ["rev-parse", "--show-toplevel"])).trim();
  } catch (error) {
    const message = (error as { stderr?: string }).stderr ?? "";
    if (/not a git repository/i.test(message)) throw usageError(`${cwd} is not inside a git repository.`, "suggest compares git states: run it in a git work tree.");
    throw runtimeError(`git failed: ${message.trim() || (error as Error).message}`, "Check that git is installed and works in this directory.", error);
  }
}

async function hasCommit(root: string, ref: string): Promise<boolean> {
  try {
    await gitOutput(root, ["rev-parse", "--verify", "-q", `${ref}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

type Warning = SuggestReport["warnings"][number];

/** Head warnings, and base warnings the head no longer has (a file broken on both sides is told once). */
function onlyNew(base: Warning[], head: Warning[]): Warning[] {
  const key = (w: Warning) => `${w.file}\0${w.line ?? ""}\0${w.message}`;
  const atHead = new Set(head.map(key));
  return [...base.filter((w) => !atHead.has(key(w))), ...head];
}

/** Compares the stack at two states of the repository and says which changes need an ADR. */
export async function suggestAdrs(options: SuggestOptions, deps: SuggestDeps): Promise<SuggestReport> {
  const { workspace } = deps;
  const root = await topLevel(workspace.root);
  const base = await chooseBase(root, options);
  const headSource: SnapshotSource = options.staged ? { kind: "index" } : { kind: "ref", ref: options.head ?? "HEAD" };
  if (!options.staged) await commitOf(root, options.head ?? "HEAD");
  const settings = workspace.config.suggest ?? {};
  const ignoredPath = pathMatcher(settings.ignore?.paths ?? []);
  const empty: Snapshot = { files: [], warnings: [] };
  const [baseSnapshot, headSnapshot] = await Promise.all([base === null ? empty : readSnapshot(root, { kind: "ref", ref: base.ref }), readSnapshot(root, headSource)]);
  const scan = (snapshot: Snapshot) => scanFiles(snapshot.files.filter((file) => !ignoredPath(file.path)));
  const [before, after] = await Promise.all([scan(baseSnapshot), scan(headSnapshot)]);

  const ignored = new Set((settings.ignore?.technologies ?? []).map((name) => name.toLowerCase()));
  const minimum = THRESHOLDS[settings.threshold ?? "low"];
  const changes = diffStacks(before, after).filter(
    (change) => CHANGE_WEIGHT[change.kind] >= minimum && !change.technologies.some((name) => ignored.has(name.toLowerCase())),
  );
  const records = deps.records ?? (await (await import("../store/read.js")).readRecords(workspace));
  const coverage = coverageOf(records, changes);
  const suggestions = changes.map((change, i): Suggestion => {
    const coveredBy = coverage[i]!;
    const alternatives = change.category in before ? (before as unknown as Record<string, Array<{ name: string }>>)[change.category]!.map((item) => item.name) : [];
    const proposal = coveredBy.length > 0 ? null : proposeAdr(change, alternatives.filter((name) => !change.technologies.includes(name)));
    return { ...change, significance: CHANGE_WEIGHT[change.kind], covered: coveredBy.length > 0, coveredBy, proposal };
  });

  // A file unreadable on one side only is why a change may be missing: say so, never fail.
  const sideWarnings = (side: "base" | "head", snapshot: Snapshot, scanned: typeof before) => [
    ...snapshot.warnings.map((w) => ({ ...w, side })),
    ...scanned.warnings.filter((w) => w.file !== undefined).map((w) => ({ file: w.file!, ...(w.line !== undefined ? { line: w.line } : {}), message: w.message, side })),
  ];
  return {
    root,
    base: base?.label ?? "(no commits)",
    head: options.staged ? "index" : (options.head ?? "HEAD"),
    changes: suggestions,
    warnings: onlyNew(sideWarnings("base", baseSnapshot, before), sideWarnings("head", headSnapshot, after)),
  };
}
