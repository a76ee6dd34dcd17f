import path from "node:path";
import { resolveWorkspace, type Workspace } from "../config/workspace.js";
import { hintLongScan } from "../io/jit-hint.js";
import { readExistingDecisions } from "./decisions.js";
import { detectors as registry } from "./detectors/index.js";
import { startListing, type FileListing } from "./listing.js";
import { limitEvidence, mergeFindings } from "./merge.js";
import { createParserLoader } from "./parsers.js";
import { redactInPlace } from "./redact.js";
import { applyPostRules } from "./rules.js";
import type { Detector, Finding, ParserName, RepoContext, ScannedFile } from "./types.js";
import { walkRepository, type SkipReason, type WalkStats } from "./walk.js";

export interface ScanOptions {
  /** Detectors to run; default: the registry in detectors/index.ts. */
  detectors?: Detector[];
  /** Workspace whose ADR directories give `existingDecisions`; resolved from `root` when omitted. */
  workspace?: Workspace;
  /** Set false to skip reading ADRs. */
  includeDecisions?: boolean;
  maxFileBytes?: number;
  concurrency?: number;
  /** Force (true) or forbid (false) `git ls-files`. */
  useGit?: boolean;
  /** A listing started early (`startListing`); used when it lists `root`, disposed otherwise. */
  listing?: FileListing;
  /** Receives the walker's counters (files listed, read, skipped). */
  onStats?: (stats: WalkStats) => void;
}

const SKIP_MESSAGES: Partial<Record<SkipReason, string>> = {
  "too-large": "skipped: larger than the 1 MB scan limit",
  binary: "skipped: binary content",
  "outside-symlink": "skipped: symbolic link pointing outside the repository",
};

/**
 * Scans a repository and infers what it is built on, each item with evidence. Never fails
 * on file contents: unparsable files and failing detectors become `warnings`.
 */
export async function scanRepository(root: string, options: ScanOptions = {}): Promise<RepoContext> {
  const absoluteRoot = path.resolve(root);
  let listing = options.listing;
  if (listing && path.resolve(listing.root) !== absoluteRoot) {
    listing.dispose();
    listing = undefined;
  }
  listing ??= startListing(absoluteRoot, { useGit: options.useGit });
  // Before the first path is split: the loops that run hottest are the first ones (io/jit-hint.ts).
  if (listing.large) hintLongScan();
  const detectors = options.detectors ?? registry;
  const parserLoader = createParserLoader();
  const findings: Finding[] = [];

  const matching = createMatcher(detectors);
  const onFile = (file: ScannedFile, matched: Detector[]): void => {
    for (const detector of matched) {
      try {
        const found = detector.detect(file, parserLoader.parsers);
        for (const finding of found) findings.push(finding);
      } catch (error) {
        // detect() should turn bad input into warnings itself; a throw is a detector bug, not the user's problem.
        findings.push({ kind: "warning", file: file.path, message: `detector ${detector.id} failed: ${(error as Error)?.message ?? String(error)}` });
      }
    }
  };
  // Parsers load once per batch of paths, for the detectors that matched in it; detection then runs synchronously.
  const prepare = (batch: Detector[][]): Promise<unknown> | undefined => {
    const needed = new Set<ParserName>();
    for (const matched of batch) for (const detector of matched) for (const name of detector.uses ?? []) needed.add(name);
    return parserLoader.has(needed) ? undefined : parserLoader.load(needed);
  };

  const [stats, existingDecisions] = await Promise.all([
    walkRepository<Detector[]>(absoluteRoot, {
      listing,
      accept: matching,
      needsText: (matched) => matched.some((detector) => detector.readsText !== false),
      prepare,
      onFile,
      onSkip: (relPath, reason) => {
        const message = SKIP_MESSAGES[reason];
        if (message) findings.push({ kind: "warning", file: relPath, message });
      },
      ...(options.maxFileBytes !== undefined ? { maxFileBytes: options.maxFileBytes } : {}),
      ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
    }),
    options.includeDecisions === false ? Promise.resolve([]) : decisionsOf(absoluteRoot, options.workspace),
  ]);
  options.onStats?.(stats);

  // Evidence is cut only after the post-rules, which need all of it (a Terraform file may sort after 1,000 package.json files).
  const merged = limitEvidence(applyPostRules(mergeFindings(findings)));
  // Detectors are told never to copy secret values; redacting here as well protects every consumer.
  const { warnings, serviceCount, packageCount, ...found } = merged;
  const counts = { ...(serviceCount !== undefined ? { serviceCount } : {}), ...(packageCount !== undefined ? { packageCount } : {}) };
  // In place: every object here was built by this scan (a copy would double the work on a large monorepo).
  return redactInPlace({ root: absoluteRoot, ...found, existingDecisions, warnings, ...counts });
}

/**
 * The detectors matching a path, computed once per path (the walker hands the list back
 * with the file). Answers of `matchesByName` detectors are remembered per file name: a
 * monorepo repeats package.json, Dockerfile and tsconfig.json thousands of times.
 */
function createMatcher(detectors: Detector[]): (relPath: string) => Detector[] | undefined {
  const byName = detectors.filter((detector) => detector.matchesByName === true);
  const byPath = detectors.filter((detector) => detector.matchesByName !== true);
  const nameAnswers = new Map<string, Detector[] | undefined>();
  return (relPath) => {
    const name = relPath.slice(relPath.lastIndexOf("/") + 1);
    let matched: Detector[] | undefined;
    if (nameAnswers.has(name)) matched = nameAnswers.get(name);
    else {
      for (const detector of byName) if (safeMatches(detector, name)) (matched ??= []).push(detector);
      nameAnswers.set(name, matched);
    }
    let extra: Detector[] | undefined;
    for (const detector of byPath) if (safeMatches(detector, relPath)) (extra ??= []).push(detector);
    if (!extra) return matched;
    return matched ? [...matched, ...extra] : extra;
  };
}

function safeMatches(detector: Detector, relPath: string): boolean {
  try {
    return detector.matches(relPath);
  } catch {
    return false;
  }
}

async function decisionsOf(root: string, workspace: Workspace | undefined): Promise<RepoContext["existingDecisions"]> {
  try {
    const resolved = workspace ?? (await resolveWorkspace({ cwd: root }));
    return await readExistingDecisions(resolved);
  } catch {
    // A broken adrgen config must not stop a scan; the ADR commands report it themselves.
    return [];
  }
}
