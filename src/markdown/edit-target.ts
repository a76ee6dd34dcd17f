import path from "node:path";

/** The ADR a status or relation line points at, as seen from the file being edited. */
export interface AdrTarget {
  number: number | null;
  title: string | null;
  /** Relative link from the edited file to the target (e.g. `0005-use-kafka.md`), forward slashes. */
  href: string;
}

/** The parts of a parsed ADR that in-place edits consult. */
export interface EditableRecord {
  format: string;
  statusStyle: string;
  /** 1-based line where the parser found the status, when it did. */
  statusLine: number | null;
  status: string | null;
}

/** `ADR-0005`, as MADR writes references; a date-named or unnumbered file is named by its slug. */
export function madrLabel(target: AdrTarget): string {
  if (target.number === null) return slugOf(target.href);
  return `ADR-${String(target.number).padStart(4, "0")}`;
}

/** `5. Use Kafka`, as adr-tools writes references in a Status section. */
export function nygardLabel(target: AdrTarget): string {
  if (target.number === null) return target.title ?? slugOf(target.href);
  return target.title ? `${target.number}. ${target.title}` : `ADR-${String(target.number).padStart(4, "0")}`;
}

/** The file name of a link without `.md`. */
export function slugOf(href: string): string {
  return path.posix.basename(href).replace(/\.md$/i, "");
}

/** `[label](href)` with brackets in the label escaped so the link stays one link. */
export function markdownLink(label: string, href: string): string {
  const safeHref = /[\s()]/.test(href) ? `<${href}>` : href;
  return `[${label.replace(/([[\]\\])/g, "\\$1")}](${safeHref})`;
}

/** Upper-cases the first letter: `relates to` → `Relates to`. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Lower-cased status text without emphasis, brackets or trailing punctuation; `superseded by …` → `superseded`. */
export function normalizeStatusText(value: string): string {
  const plain = value.replace(/[*_`]/g, "").trim().toLowerCase().replace(/[.!;,]+$/, "");
  return /^superseded\b/.test(plain) ? "superseded" : plain;
}

/** Escapes a string for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
