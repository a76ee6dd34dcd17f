/** The nine technology categories of a repository context, in report order. */
export const CONTEXT_CATEGORIES = [
  "languages",
  "frameworks",
  "datastores",
  "caches",
  "messaging",
  "apiStyles",
  "auth",
  "infra",
  "ci",
] as const;
export type ContextCategory = (typeof CONTEXT_CATEGORIES)[number];

/** Proof of a finding: the file (relative to the repository root, forward slashes) and where in it. */
export interface Evidence {
  file: string;
  line?: number;
  detail?: string;
}

/** A technology the repository uses, with canonical lower-case hyphenated name. */
export interface ContextItem {
  name: string;
  version?: string;
  evidence: Evidence[];
  /** Present only when `evidence` was cut to its first MAX_EVIDENCE entries: how many there were in all. */
  evidenceCount?: number;
}

/** A runnable service declared by compose, Kubernetes or Helm. */
export interface ServiceItem {
  name: string;
  image?: string;
  source: "compose" | "kubernetes" | "helm";
  evidence: Evidence[];
  /** As on ContextItem: the total when `evidence` was cut. */
  evidenceCount?: number;
}

/** A workspace package of a monorepo. */
export interface PackageItem {
  name: string;
  path: string;
  evidence: Evidence[];
  /** As on ContextItem: the total when `evidence` was cut. */
  evidenceCount?: number;
}

/** An earlier ADR found in the repository. */
export interface ExistingDecision {
  number: number | null;
  title: string | null;
  status: string | null;
  file: string;
}

/** What a single detector reports about a single file. */
export type Finding =
  | { kind: "item"; category: ContextCategory; name: string; version?: string; evidence: Evidence }
  | { kind: "service"; name: string; image?: string; source: ServiceItem["source"]; evidence: Evidence }
  | {
      kind: "package";
      name: string;
      path: string;
      evidence: Evidence;
      /** Kept only when a `workspace` finding's patterns cover `path` (e.g. any nested package.json). */
      requiresWorkspace?: boolean;
    }
  /** A monorepo's member globs (npm/yarn `workspaces`, pnpm-workspace.yaml), relative to the declaring file's directory. */
  | { kind: "workspace"; patterns: string[]; evidence: Evidence }
  | { kind: "warning"; message: string; file: string; line?: number };

/** A file handed to a detector: its repository-relative path and its text (already size- and binary-checked). */
export interface ScannedFile {
  path: string;
  text: string;
}

/** Parsing libraries a detector may declare in `uses`; the scanner loads only those needed. */
export type ParserName = "yaml" | "toml" | "xml";

/** The loaded parsing libraries; only those named in a matched detector's `uses` are guaranteed present. */
export interface Parsers {
  yaml: import("./yaml-parser.js").YamlParser;
  toml: typeof import("smol-toml");
  xml: typeof import("fast-xml-parser");
}

/**
 * One small detector per source. `matches` sees only the path, so the walker reads
 * nothing a detector did not ask for (it is never offered source code, media or files under
 * node_modules/vendor/build output: see list-files.ts `NEVER_SCANNED_EXTENSIONS`, `SKIPPED_DIRS`); `detect` is pure and must not throw on bad input
 * (a parse failure becomes a `warning` finding). Never put file values from secret-bearing
 * sources (Kubernetes `Secret` data, env values) into findings; the scanner also redacts
 * every string it returns, as a second line of defence.
 */
export interface Detector {
  id: string;
  /** Parsers `detect` needs; loaded lazily, once, only when a file matched. */
  uses?: ParserName[];
  /**
   * False when the path alone is the evidence (e.g. tsconfig.json proves TypeScript): the
   * file is then not read and `detect` gets empty `text`, unless another matching detector
   * reads it. Default true.
   */
  readsText?: boolean;
  matches(path: string): boolean;
  /** True when `matches` looks only at the last path segment, so the scanner may remember its answer per file name. */
  matchesByName?: boolean;
  detect(file: ScannedFile, parsers: Parsers): Finding[];
}

/** The scanner's answer: what the repository is built on, with evidence. */
export interface RepoContext {
  root: string;
  languages: ContextItem[];
  frameworks: ContextItem[];
  datastores: ContextItem[];
  caches: ContextItem[];
  messaging: ContextItem[];
  apiStyles: ContextItem[];
  auth: ContextItem[];
  infra: ContextItem[];
  ci: ContextItem[];
  services: ServiceItem[];
  packages: PackageItem[];
  existingDecisions: ExistingDecision[];
  warnings: Array<{ message: string; file?: string; line?: number }>;
  /** Present only when `services` was cut to its first MAX_LISTED entries: how many there were in all. */
  serviceCount?: number;
  /** Present only when `packages` was cut to its first MAX_LISTED entries: how many there were in all. */
  packageCount?: number;
}
