/** The ADR formats the parser recognises. */
export const ADR_FORMATS = ["madr4", "madr3", "madr2", "madr1", "nygard", "log4brains", "other"] as const;
export type AdrFormat = (typeof ADR_FORMATS)[number];

/** Statuses adrgen knows; files may hold others, which are kept as written. */
export const KNOWN_STATUSES = ["proposed", "accepted", "rejected", "deprecated", "superseded"] as const;
export type KnownStatus = (typeof KNOWN_STATUSES)[number];

/** A reference from one ADR to another, as written in the file. */
export interface AdrRef {
  /** The referenced ADR's number when the reference names one, else null. */
  number: number | null;
  /** The link target or text as written (e.g. `0003-use-x.md`, `ADR-0019`, a slug). */
  target: string;
  /** 1-based line of the reference. */
  line?: number;
}

/** A typed relation other than supersede (e.g. "relates to", "amends"). */
export interface AdrLink extends AdrRef {
  type: string;
}

export type Severity = "error" | "warning";

/** A problem found in a file: never thrown, always reported. */
export interface Diagnostic {
  /** Path relative to the repository root. */
  file: string;
  /** 1-based line, or null when the problem concerns the whole file. */
  line: number | null;
  rule: string;
  severity: Severity;
  message: string;
}

/** Where and how a file states its status, so it can be rewritten in the same style. */
export type StatusStyle = "front-matter" | "bullet" | "line" | "section" | "badge" | "none";

/** The fields `list`, `index` and `check` need; produced by both the fast reader and the full parser. */
export interface AdrSummary {
  number: number | null;
  title: string | null;
  /** Lower-cased status as written; null when the file states none. */
  status: string | null;
  /** ISO date (YYYY-MM-DD) or null. */
  date: string | null;
  /** The stated date when it is not a valid ISO date. */
  dateRaw?: string;
  /** Absolute path. */
  path: string;
  /** Path relative to the repository root, forward slashes. */
  relPath: string;
  /** Label of the ADR directory the file is in. */
  dirLabel: string;
  format: AdrFormat;
  supersedes: AdrRef[];
  supersededBy: AdrRef[];
  links: AdrLink[];
  tags: string[];
  /** Problems found while reading (the fast reader sets it only when there are some; AdrRecord always has it). */
  diagnostics?: Diagnostic[];
}

/** A section of an ADR: a heading and the lines under it up to the next heading of the same or higher level. */
export interface AdrSection {
  heading: string;
  depth: number;
  /** 1-based line of the heading. */
  line: number;
  /** 1-based last line of the section (inclusive). */
  endLine: number;
  /** The section's markdown without its heading, trimmed. */
  body: string;
}

/** Everything the full parser reads from an ADR. */
export interface AdrRecord extends AdrSummary {
  /** Parsed front matter, or null when there is none or it is invalid. */
  frontMatter: Record<string, unknown> | null;
  decisionMakers: string[];
  consulted: string[];
  informed: string[];
  statusStyle: StatusStyle;
  /** 1-based line where the status is stated, when it is. */
  statusLine: number | null;
  /** 1-based line of the H1, when there is one. */
  titleLine: number | null;
  sections: AdrSection[];
  /** Option titles listed under Considered Options (MADR), in order. */
  consideredOptions: string[];
  /** The option named by `Chosen option: "…"`, when present. */
  chosenOption: string | null;
  diagnostics: Diagnostic[];
  /** The file's full text. */
  text: string;
}

/** Identifies an ADR file inside a workspace. */
export interface AdrFileRef {
  /** Absolute path. */
  path: string;
  /** Path relative to the repository root, forward slashes. */
  relPath: string;
  /** Label of the ADR directory the file is in. */
  dirLabel: string;
}
