// Turns collected evidence into the ADR fields both readers report. The precedence rules live here only.
import path from "node:path";
import type { AdrFileRef, AdrLink, AdrRef, AdrRecord, Diagnostic, StatusStyle } from "../domain/adr.js";
import type { Evidence } from "./evidence.js";
import { normaliseStatus, numberFromFileName, parseDateValue, titleFromHeading, toList, toTags } from "./fields.js";
import { frontMatterKeyLine } from "./frontmatter.js";
import { detectFormat } from "./format.js";
import { mergeRefs } from "./relations.js";

/** Everything of an AdrRecord that does not need the markdown tree. */
export type AdrFields = Omit<AdrRecord, "sections" | "consideredOptions" | "chosenOption" | "text">;

/** Applies the field rules (number, title, status, date, relations, format) to a file's evidence. */
export function interpretEvidence(evidence: Evidence, file: AdrFileRef, lines: string[]): AdrFields {
  const fileName = path.basename(file.path);
  const number = numberFromFileName(fileName);
  const diagnostics: Diagnostic[] = [];
  const report = (line: number | null, rule: string, message: string, severity: Diagnostic["severity"] = "error") =>
    diagnostics.push({ file: file.relPath, line, rule, severity, message });

  const fm = evidence.frontMatter;
  if (fm?.error) report(fm.error.line, "front-matter-invalid", `Invalid front matter: ${fm.error.message}`);
  const data = fm?.data ?? null;
  const fmLine = (key: string) => (fm ? frontMatterKeyLine(lines, fm.startLine, fm.endLine, key) : null);
  const field = (key: string) => evidence.fields.find((f) => f.key === key);

  const supersededBy: AdrRef[] = [];
  const supersedes: AdrRef[] = [];
  const links: AdrLink[] = [];

  // Title: the first H1, never a front-matter `title:`.
  const heading = evidence.h1 ? titleFromHeading(evidence.h1.raw, number, evidence.h1.line) : null;
  const title = heading?.title ?? null;
  if (!evidence.h1) report(null, "title-missing", "No H1 title (# Title) found.");

  // Status: front matter, then a Status: bullet/line, then the Status section, then a badge.
  let statusRaw: string | null = null;
  let statusStyle: StatusStyle = "none";
  let statusLine: number | null = null;
  if (data && data.status !== undefined && data.status !== null && String(data.status).trim() !== "") {
    statusRaw = Array.isArray(data.status) ? data.status.map(String).join(", ") : String(data.status);
    statusStyle = "front-matter";
    statusLine = fmLine("status");
  } else if (field("status")?.value) {
    const f = field("status")!;
    [statusRaw, statusStyle, statusLine] = [f.value, f.style, f.line];
  } else if (evidence.statusSection) {
    [statusRaw, statusStyle, statusLine] = [evidence.statusSection.value, "section", evidence.statusSection.line];
  } else {
    const badge = badgeStatus(evidence.badges);
    if (badge) [statusRaw, statusStyle, statusLine] = [badge.value, "badge", badge.line];
  }
  let status: string | null = null;
  if (statusRaw !== null) {
    const value = normaliseStatus(statusRaw, statusLine ?? undefined);
    status = value.status;
    mergeRefs(supersededBy, value.supersededBy);
    if (status !== null && !value.known) report(statusLine, "status-unknown", `Unknown status "${status}".`, "warning");
    if (status === null) statusStyle = "none";
  }

  // The status statement comes first so its line is the one recorded for a reference also in the title.
  if (heading) mergeRefs(supersededBy, heading.supersededBy);

  // Date: front matter `date`, Brighter's `created`, then a Date: bullet/line.
  let dateSource: { value: unknown; line: number | null } | null = null;
  if (data && data.date !== undefined && data.date !== null && data.date !== "") dateSource = { value: data.date, line: fmLine("date") };
  else if (data && data.created !== undefined && data.created !== null && data.created !== "") dateSource = { value: data.created, line: fmLine("created") };
  else if (field("date")?.value) dateSource = { value: field("date")!.value, line: field("date")!.line };
  const date = dateSource ? parseDateValue(dateSource.value) : { date: null };
  if (date.dateRaw !== undefined) report(dateSource?.line ?? null, "date-invalid", `Invalid date "${date.dateRaw}" (expected YYYY-MM-DD).`);

  for (const relation of evidence.relations) {
    if (relation.kind === "supersededBy") mergeRefs(supersededBy, relation.refs);
    else if (relation.kind === "supersedes") mergeRefs(supersedes, relation.refs);
    else mergeRefs(links, relation.refs.map((ref) => ({ ...ref, type: relation.type })));
  }

  const tags = data && data.tags !== undefined ? toTags(data.tags) : toTags(field("tags")?.value, true);
  const people = (fmKeys: string[], fieldName: string) => {
    for (const key of fmKeys) if (data && data[key] !== undefined && data[key] !== null) return toList(data[key]);
    return toList(field(fieldName)?.value);
  };

  return {
    number,
    title,
    status,
    date: date.date,
    ...(date.dateRaw !== undefined ? { dateRaw: date.dateRaw } : {}),
    path: file.path,
    relPath: file.relPath,
    dirLabel: file.dirLabel,
    format: detectFormat(evidence, fileName),
    supersedes,
    supersededBy,
    links,
    tags,
    frontMatter: data,
    decisionMakers: people(["decision-makers", "deciders"], "deciders"),
    consulted: people(["consulted"], "consulted"),
    informed: people(["informed"], "informed"),
    statusStyle,
    statusLine,
    titleLine: evidence.h1?.line ?? null,
    diagnostics,
  };
}

// A shields.io-style badge: alt text "Status: accepted", or a URL like .../badge/status-accepted-green.
function badgeStatus(badges: Evidence["badges"]): { value: string; line: number } | null {
  for (const badge of badges) {
    const alt = /^\s*status\b\s*[:=-]?\s*(.+)$/i.exec(badge.alt);
    if (alt) return { value: alt[1]!, line: badge.line };
    const url = /badge\/status-([^-/?]+)/i.exec(badge.url);
    if (url) return { value: badge.alt.trim() || decodeURIComponent(url[1]!).replace(/_/g, " "), line: badge.line };
  }
  return null;
}
