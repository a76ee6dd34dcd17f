import type { ContextCategory, Evidence, Finding } from "../types.js";

/** A technology a dependency or resource proves: which context array it goes into and its canonical name. */
export interface TechRef {
  category: ContextCategory;
  name: string;
  /** When true the dependency's version is the technology's version (e.g. django==5.0 → django 5.0). */
  versioned?: boolean;
}

/**
 * Dependency name (lower-case) → the technologies it proves. HTTP frameworks do not list `rest` themselves:
 * the scanner's post-rules derive it from HTTP_SERVER_FRAMEWORKS in vocabulary.ts, so one rule decides it.
 */
export type DependencyRules = Record<string, TechRef[]>;

/** Shorthand for a TechRef whose version follows the dependency's version. */
export function tech(category: ContextCategory, name: string, versioned = false): TechRef {
  return versioned ? { category, name, versioned } : { category, name };
}

/** Turns the technologies a dependency proves into item findings sharing one piece of evidence. */
export function itemFindings(refs: readonly TechRef[], evidence: Evidence, version?: string): Finding[] {
  return refs.map((ref) => {
    const finding: Finding = { kind: "item", category: ref.category, name: ref.name, evidence };
    if (ref.versioned && version) finding.version = version;
    return finding;
  });
}

/** A single item finding. */
export function itemFinding(category: ContextCategory, name: string, evidence: Evidence, version?: string): Finding {
  return version ? { kind: "item", category, name, version, evidence } : { kind: "item", category, name, evidence };
}

/**
 * The version a dependency spec pins or starts from (`==2.1`, `^1.4.0`, `~> 7.1`, `v1.9.1`, `>=3.0,<4` → its first
 * number); undefined for ranges that name no concrete version (`*`, `latest`, git URLs).
 */
export function cleanVersion(spec: string | undefined | null): string | undefined {
  if (!spec) return undefined;
  const match = /^\s*(?:==|===|~=|>=|\^|~>|~|=|v)?\s*v?(\d+(?:\.\d+){0,3}(?:[-.+][0-9A-Za-z.]+)?)/.exec(spec);
  return match?.[1];
}

/** The warning a detector returns instead of throwing when its file does not parse. */
export function parseWarning(file: string, what: string, error: unknown, line?: number): Finding {
  const reason = conciseReason(error instanceof Error ? error.message : String(error));
  const errorLine = line ?? numberProp(error, "line");
  const warning: Finding = { kind: "warning", message: `could not parse ${what}: ${reason}`, file };
  if (errorLine !== undefined) warning.line = errorLine;
  return warning;
}

/** First line of a parser message, without the quoted source snippets some parsers (JSON.parse) include. */
function conciseReason(message: string): string {
  const first = (message.split("\n")[0] ?? "").replace(/"[^"]{16,}"/g, '"…"');
  return first.length > 160 ? `${first.slice(0, 157)}…` : first;
}

function numberProp(value: unknown, key: string): number | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const found = (value as Record<string, unknown>)[key];
  return typeof found === "number" ? found : undefined;
}

/**
 * True when the path's last segment is exactly `name`. `matches` runs for every file of the repository, so this
 * avoids allocating a substring per call.
 */
export function hasFileName(path: string, name: string): boolean {
  return path.endsWith(name) && (path.length === name.length || path.charCodeAt(path.length - name.length - 1) === 47);
}

/** True when the path ends with `.yml` or `.yaml` (any case is not needed: YAML configs are lower-case by convention). */
export function isYamlPath(path: string): boolean {
  return path.endsWith(".yml") || path.endsWith(".yaml");
}

/** The last path segment. */
export function baseName(file: string): string {
  const slash = file.lastIndexOf("/");
  return slash === -1 ? file : file.slice(slash + 1);
}
