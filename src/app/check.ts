// `adrgen check`: everything a pull request's CI should know about the ADRs, in one report —
// lint over every ADR dir, numbers the base branch already uses, a stale index, and drift.
import { existsSync } from "node:fs";
import type { Workspace } from "../config/workspace.js";
import type { Severity } from "../domain/adr.js";
import { effectiveSetting, sortDiagnostics, unknownConfiguredRules } from "../lint/engine.js";
import { CHECK_RULES, extraRuleIds } from "../lint/check-rules.js";
import { PARSER_RULE_IDS } from "../lint/parser-rules.js";
import type { RepoContext } from "../scan/types.js";
import { lintAdrs } from "./lint.js";

/** A finding with its file relative to the repository root. */
export interface CheckFinding {
  file: string;
  line: number | null;
  rule: string;
  severity: Severity;
  message: string;
}

export interface CheckOptions {
  /** A git ref (e.g. origin/main) whose ADR numbers this branch must not reuse. */
  base?: string | undefined;
  /** Scan the repository for drift (default true). */
  drift?: boolean;
  /** With `base`: a stack change no ADR covers is an error, not a warning. */
  requireAdr?: boolean;
}

export interface CheckDeps {
  workspace: Workspace;
  /** A scan to judge drift against, instead of scanning the repository (tests). */
  context?: RepoContext;
}

export interface CheckReport {
  files: number;
  errors: number;
  warnings: number;
  findings: CheckFinding[];
  /** Rule ids in `lint.rules` that no rule defines. */
  unknownRules: string[];
}

/** Runs every check over the workspace's ADRs and returns the findings, sorted by file and line. */
export async function checkAdrs(options: CheckOptions, deps: CheckDeps): Promise<CheckReport> {
  const { workspace } = deps;
  const lint = await lintAdrs({ paths: [], cwd: workspace.root }, { workspace });
  const findings: CheckFinding[] = lint.findings.map(({ file, line, rule, severity, message }) => ({ file, line, rule, severity, message }));
  const add = (rule: keyof typeof CHECK_RULES, finding: Omit<CheckFinding, "rule" | "severity">) => {
    const setting = effectiveSetting(workspace.config, rule, CHECK_RULES[rule].severity);
    if (setting !== "off") findings.push({ ...finding, rule, severity: setting });
  };

  if (options.base !== undefined) {
    const { openGitRepo } = await import("../io/git.js");
    const { findBaseConflicts } = await import("./check-base.js");
    const repo = await openGitRepo(workspace.root);
    for (const conflict of await findBaseConflicts(workspace, repo, options.base)) {
      const others = conflict.baseFiles.join(", ");
      add("base-number", {
        file: conflict.file,
        line: null,
        message: `ADR number ${conflict.number} is already used on ${options.base} by ${others}; renumber this one: ${conflict.command}`,
      });
    }
  }

  const undocumented = effectiveSetting(workspace.config, "undocumented-change", CHECK_RULES["undocumented-change"].severity);
  if (options.base !== undefined && undocumented !== "off") {
    // Stack changes on the branch that no ADR records (issue 11): --require-adr makes them fail the check.
    const { undocumentedChanges } = await import("./suggest-check.js");
    for (const finding of await undocumentedChanges(workspace, options.base)) {
      findings.push({ ...finding, rule: "undocumented-change", severity: options.requireAdr ? "error" : undocumented });
    }
  }

  if (workspace.dirs.some((dir) => existsSync(dir.path))) {
    const { updateIndex } = await import("./index-file.js");
    for (const index of await updateIndex(workspace, { check: true })) {
      // A repository that keeps no index is fine; one that keeps it must keep it current.
      if (index.state === "stale") add("index-stale", { file: index.file, line: null, message: `the index is stale (${index.detail}); run adrgen index` });
      if (index.state === "malformed") add("index-stale", { file: index.file, line: null, message: `the index markers are malformed (${index.detail})` });
    }
  }

  if (options.drift !== false && effectiveSetting(workspace.config, "drift", CHECK_RULES.drift.severity) !== "off") {
    const { findDrift } = await import("./drift.js");
    const drift = await findDrift(workspace, deps.context ? { context: deps.context } : {});
    for (const finding of drift) add("drift", { file: finding.file, line: finding.line, message: finding.message });
  }

  const sorted = sortDiagnostics(findings);
  return {
    files: lint.files,
    errors: sorted.filter((f) => f.severity === "error").length,
    warnings: sorted.filter((f) => f.severity === "warning").length,
    findings: sorted,
    unknownRules: unknownConfiguredRules(workspace.config, extraRuleIds(PARSER_RULE_IDS)),
  };
}
