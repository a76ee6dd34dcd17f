import type { AdrgenConfig } from "../config/schema.js";
import type { AdrRecord, Severity } from "../domain/adr.js";

/** What a rule sees besides the record it checks: the other records and the world around them. */
export interface LintContext {
  /** Every record read from the workspace (all ADR dirs), including the one being checked. */
  records: readonly AdrRecord[];
  /** Whether a file exists at an absolute path; injected so rules stay pure and testable. */
  fileExists: (absPath: string) => boolean;
  /** The repository root, absolute. */
  root: string;
  /** The validated adrgen configuration (rules may read options from it). */
  config: AdrgenConfig;
}

/** One problem a rule found; the engine adds file, rule id and the effective severity. */
export interface RuleFinding {
  /** 1-based line, or null when the problem concerns the whole file. */
  line: number | null;
  message: string;
}

/** A lint rule: data (id, default severity, description) plus a pure check. */
export interface LintRule {
  /** Kebab-case id used in output and in `lint.rules` config. */
  id: string;
  /** Severity when the config does not override it. */
  severity: Severity;
  /** One line for the README table and `--help`. */
  description: string;
  /** Returns the problems in one record; never throws on bad content. */
  check: (record: AdrRecord, ctx: LintContext) => RuleFinding[];
}

/** A rule severity as configured: a severity, or "off" to disable the rule. */
export type RuleSetting = Severity | "off";
