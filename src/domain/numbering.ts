// ADR numbers live in file names: `0007-use-postgres.md`, `adr-007-use-postgres.md`.
// Date-named files (log4brains' `20201016-slug.md`, `2020-10-16-slug.md`) have no number.

import { isCalendarDate } from "./dates.js";

const DATE_PREFIX = /^(\d{4})-?(\d{2})-?(\d{2})(?=[-_. ]|$)/;
// Up to six digits: more would be a timestamp or an id, not a sequence number.
const NUMBER_PREFIX = /^(?:adr[-_ ]?)?(\d{1,6})(?=[-_. ]|$)/i;

/** True for date-named files (`20200926-slug.md`, `2020-09-26-slug.md`), which carry no ADR number. */
export function isDateNamed(fileName: string): boolean {
  const match = DATE_PREFIX.exec(fileName);
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** The ADR number a file name states (`NNNN-…`, `adr-NNN-…`), or null for date-named and unnumbered files. */
export function adrNumberFromFileName(fileName: string): number | null {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  if (isDateNamed(base)) return null;
  const match = NUMBER_PREFIX.exec(base);
  return match ? Number(match[1]) : null;
}

/** The number for a new ADR: the highest number among the `.md` file names plus one, or 1 when there is none. */
export function nextAdrNumber(fileNames: string[]): number {
  let highest = 0;
  for (const name of fileNames) {
    if (!/\.md$/i.test(name)) continue;
    const number = adrNumberFromFileName(name);
    if (number !== null && number > highest) highest = number;
  }
  return highest + 1;
}

/** Four digits with leading zeros (`0042`); numbers from 10000 on keep all their digits. */
export function formatAdrNumber(number: number): string {
  if (!Number.isSafeInteger(number) || number < 0) throw new RangeError(`Not an ADR number: ${number}`);
  return String(number).padStart(4, "0");
}

/** The file name of an ADR: `NNNN-slug.md`. */
export function adrFileName(number: number, slug: string): string {
  return `${formatAdrNumber(number)}-${slug}.md`;
}

/** Parses a user-given ADR number (`7`, `0007`, `ADR-7`); null when it is not one. */
export function parseAdrNumberArg(value: string | number): number | null {
  if (typeof value === "number") return Number.isSafeInteger(value) && value >= 0 ? value : null;
  const match = /^\s*(?:adr[-_ ]?)?0*(\d{1,9})\s*$/i.exec(value);
  return match ? Number(match[1]) : null;
}
