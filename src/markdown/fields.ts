// Interpretation rules shared by the fast reader and the full parser, so the two cannot drift.
import { KNOWN_STATUSES, type AdrRef } from "../domain/adr.js";
import { parseRelationText } from "./relations.js";
import { isCalendarDate } from "../domain/dates.js";
import { inlineText } from "./text.js";

export { isDateNamed, numberFromFileName, numberFromLabel } from "./numbers.js";

export interface DateValue {
  date: string | null;
  /** Set when a date is stated but is not a valid ISO date. */
  dateRaw?: string;
}

/** Reads a stated date: ISO `YYYY-MM-DD` (a datetime keeps its date part); anything else is kept raw. */
export function parseDateValue(value: unknown): DateValue {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? { date: null, dateRaw: String(value) } : { date: value.toISOString().slice(0, 10) };
  }
  if (value === null || value === undefined) return { date: null };
  const raw = String(value).trim();
  if (raw === "") return { date: null };
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d{1,2}:\d{2})/.exec(raw);
  if (m && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) return { date: `${m[1]}-${m[2]}-${m[3]}` };
  return { date: null, dateRaw: raw };
}

export interface StatusValue {
  status: string | null;
  known: boolean;
  /** ADRs named by a `superseded by …` status. */
  supersededBy: AdrRef[];
}

/**
 * Normalises a stated status: lower-cased, a leading known status wins ("Proposed. Some note" → proposed,
 * "superseded by [ADR-5](…)" → superseded with the reference); anything else is kept as written.
 */
export function normaliseStatus(raw: string, line?: number): StatusValue {
  const text = inlineText(raw).toLowerCase().replace(/[\s.,;:!]+$/, "").trim();
  if (text === "") return { status: null, known: false, supersededBy: [] };
  const m = /^(proposed|accepted|rejected|deprecated|superseded)\b/.exec(text);
  const status = m ? m[1]! : text;
  const relation = status === "superseded" ? parseRelationText(raw, line) : null;
  const supersededBy = relation && relation.kind === "supersededBy" ? relation.refs : [];
  return { status, known: (KNOWN_STATUSES as readonly string[]).includes(status), supersededBy };
}

export interface TitleValue {
  title: string | null;
  /** elastisys marks superseded ADRs with a `[Superseded by [ADR-0019](…)]` title prefix. */
  supersededBy: AdrRef[];
}

const ELASTISYS_PREFIX = /^\s*\[\s*(superseded by\s+(?:\[[^\]]*\]\([^)]*\)|[^\]]*))\s*\]\s*/i;

/** The title from an H1's raw markdown: plain text without `N.`, `ADR-NNN:`, `ADR NNN -` or a `[Superseded by …]` prefix. */
export function titleFromHeading(raw: string, fileNumber: number | null, line?: number): TitleValue {
  let rest = raw;
  let supersededBy: AdrRef[] = [];
  const prefix = ELASTISYS_PREFIX.exec(rest);
  if (prefix) {
    const relation = parseRelationText(prefix[1]!, line);
    if (relation?.kind === "supersededBy") supersededBy = relation.refs;
    rest = rest.slice(prefix[0].length);
  }
  const text = inlineText(rest);
  return { title: stripNumberPrefix(text, fileNumber) || null, supersededBy };
}

const NUMBER_PREFIXES = [
  /^adr[-_ ]?#?\d+\s*[:.)\-\u2013\u2014]\s*(\S.*)$/i,
  /^adr[-_ ]?#?\d+\s+(\S.*)$/i,
  /^\d+\s*[.:)]\s+(\S.*)$/,
  /^\d+\s+[-\u2013\u2014]\s+(\S.*)$/,
];

/** Removes a leading ADR number from a plain-text title. A bare `6 Title` is stripped only when 6 is the file's number. */
export function stripNumberPrefix(text: string, fileNumber: number | null): string {
  if (!/^(?:adr|\d)/i.test(text)) return text.trim();
  for (const pattern of NUMBER_PREFIXES) {
    const m = pattern.exec(text);
    if (m) return m[1]!.trim();
  }
  const bare = /^(\d+)\s+(\S.*)$/.exec(text);
  if (bare && fileNumber !== null && Number(bare[1]) === fileNumber) return bare[2]!.trim();
  return text.trim();
}

/** Turns a front-matter value or a `Deciders: a, b` text into a list of names. Commas inside parentheses do not split. */
export function toList(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((item) => (item === null || item === undefined ? [] : [String(item).trim()])).filter(Boolean);
  if (typeof value === "object") return [];
  const text = String(value);
  if (!/[([]/.test(text)) return text.split(",").map((part) => part.trim()).filter(Boolean);
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if (ch === "(" || ch === "[") depth++;
    if ((ch === ")" || ch === "]") && depth > 0) depth--;
    if (ch === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter(Boolean);
}

/** Tags from front matter (a list or a comma-separated string) or a log4brains `Tags:` bullet (spaces or commas). */
export function toTags(value: unknown, spaceSeparated = false): string[] {
  if (typeof value === "string" && spaceSeparated) return value.split(/[\s,]+/).map((t) => t.trim()).filter(Boolean);
  return toList(value);
}
