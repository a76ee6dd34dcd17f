// Turns collected evidence into the ADR fields both readers report. The precedence rules live here only.
// Written without per-call closures or temporary arrays: `list` runs it once per ADR, cold.
import path from "node:path";
import type { AdrFileRef, AdrLink, AdrRef, AdrRecord, Diagnostic, StatusStyle } from "../domain/adr.js";
import type { Evidence, Field } from "./evidence.js";
import { normaliseStatus, numberFromFileName, parseDateValue, titleFromHeading, toList, toTags } from "./fields.js";
import { frontMatterKeyLine } from "./frontmatter.js";
import { detectFormat } from "./format.js";
import { mergeRefs } from "./relations.js";

/** Everything of an AdrRecord that does not need the markdown tree. */
export type AdrFields = Omit<AdrRecord, "sections" | "consideredOptions" | "chosenOption" | "text">;

interface Statement {
  raw: string;
  style: StatusStyle;
  line: number | null;
}

/** Applies the field rules (number, title, status, date, relations, format) to a file's evidence. */
export function interpretEvidence(evidence: Evidence, file: AdrFileRef, lines: string[]): AdrFields {
  const fileName = path.basename(file.path);
  const number = numberFromFileName(fileName);
  const diagnostics: Diagnostic[] = [];
  const fm = evidence.frontMatter;
  const data = fm?.data ?? null;
  if (fm?.error) diagnostics.push(problem(file, fm.error.line, "front-matter-invalid", `Invalid front matter: ${fm.error.message}`));

  // Title: the first H1, never a front-matter `title:`.
  const heading = evidence.h1 ? titleFromHeading(evidence.h1.raw, number, evidence.h1.line) : null;
  if (!evidence.h1) diagnostics.push(problem(file, null, "title-missing", "No H1 title (# Title) found."));

  const supersededBy: AdrRef[] = [];
  const stated = statusStatement(evidence, lines);
  let status: string | null = null;
  let statusStyle: StatusStyle = "none";
  if (stated) {
    const value = normaliseStatus(stated.raw, stated.line ?? undefined);
    status = value.status;
    if (status !== null) statusStyle = stated.style;
    mergeRefs(supersededBy, value.supersededBy);
    if (status !== null && !value.known) diagnostics.push(problem(file, stated.line, "status-unknown", `Unknown status "${status}".`, "warning"));
  }
  // The status statement comes first so its line is the one recorded for a reference also in the title.
  if (heading) mergeRefs(supersededBy, heading.supersededBy);

  const dated = dateStatement(evidence, lines);
  const date = dated ? parseDateValue(dated.value) : { date: null };
  if (date.dateRaw !== undefined) diagnostics.push(problem(file, dated?.line ?? null, "date-invalid", `Invalid date "${date.dateRaw}" (expected YYYY-MM-DD).`));

  const supersedes: AdrRef[] = [];
  const links: AdrLink[] = [];
  for (const relation of evidence.relations) {
    if (relation.kind === "supersededBy") mergeRefs(supersededBy, relation.refs);
    else if (relation.kind === "supersedes") mergeRefs(supersedes, relation.refs);
    else mergeRefs(links, relation.refs.map((ref) => ({ ...ref, type: relation.type })));
  }

  const fields: AdrFields = {
    number,
    title: heading?.title ?? null,
    status,
    date: date.date,
    path: file.path,
    relPath: file.relPath,
    dirLabel: file.dirLabel,
    format: detectFormat(evidence, fileName),
    supersedes,
    supersededBy,
    links,
    tags: data && data.tags !== undefined ? toTags(data.tags) : toTags(findField(evidence.fields, "tags")?.value, true),
    frontMatter: data,
    decisionMakers: people(data, evidence.fields, "decision-makers", "deciders"),
    consulted: people(data, evidence.fields, "consulted", "consulted"),
    informed: people(data, evidence.fields, "informed", "informed"),
    statusStyle,
    statusLine: statusStyle === "none" ? null : (stated?.line ?? null),
    titleLine: evidence.h1?.line ?? null,
    diagnostics,
  };
  if (date.dateRaw !== undefined) fields.dateRaw = date.dateRaw;
  return fields;
}

function problem(file: AdrFileRef, line: number | null, rule: string, message: string, severity: Diagnostic["severity"] = "error"): Diagnostic {
  return { file: file.relPath, line, rule, severity, message };
}

function findField(fields: Field[], key: string): Field | undefined {
  for (const f of fields) if (f.key === key) return f;
  return undefined;
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && String(value).trim() !== "";
}

// Status precedence: front matter, then a Status: bullet/line, then the Status section, then a badge.
function statusStatement(evidence: Evidence, lines: string[]): Statement | null {
  const fm = evidence.frontMatter;
  const value = fm?.data?.status;
  if (fm && present(value)) {
    const raw = Array.isArray(value) ? value.map(String).join(", ") : String(value);
    return { raw, style: "front-matter", line: frontMatterKeyLine(lines, fm.startLine, fm.endLine, "status") };
  }
  const field = findField(evidence.fields, "status");
  if (field?.value) return { raw: field.value, style: field.style, line: field.line };
  if (evidence.statusSection) return { raw: evidence.statusSection.value, style: "section", line: evidence.statusSection.line };
  const badge = badgeStatus(evidence.badges);
  return badge ? { raw: badge.value, style: "badge", line: badge.line } : null;
}

// Date precedence: front matter `date`, Brighter's `created`, then a Date: bullet/line.
function dateStatement(evidence: Evidence, lines: string[]): { value: unknown; line: number | null } | null {
  const fm = evidence.frontMatter;
  for (const key of ["date", "created"]) {
    const value = fm?.data?.[key];
    if (fm && value !== undefined && value !== null && value !== "") return { value, line: frontMatterKeyLine(lines, fm.startLine, fm.endLine, key) };
  }
  const field = findField(evidence.fields, "date");
  return field?.value ? { value: field.value, line: field.line } : null;
}

// People from a front-matter key (MADR 3's `deciders` too) or a `Deciders:` bullet.
function people(data: Record<string, unknown> | null, fields: Field[], key: string, fieldKey: string): string[] {
  if (data) {
    if (data[key] !== undefined && data[key] !== null) return toList(data[key]);
    if (key === "decision-makers" && data.deciders !== undefined && data.deciders !== null) return toList(data.deciders);
  }
  return toList(findField(fields, fieldKey)?.value);
}

// A shields.io-style badge: alt text "Status: accepted", or a URL like .../badge/status-accepted-green.
function badgeStatus(badges: Evidence["badges"]): { value: string; line: number } | null {
  for (const badge of badges) {
    const alt = /^\s*status\b\s*[:=-]?\s*(.+)$/i.exec(badge.alt);
    if (alt) return { value: alt[1]!, line: badge.line };
    const url = /badge\/status-([^-/?]+)/i.exec(badge.url);
    if (url) return { value: badge.alt.trim() || safeDecode(url[1]!).replace(/_/g, " "), line: badge.line };
  }
  return null;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
