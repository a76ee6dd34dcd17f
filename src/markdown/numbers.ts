// ADR numbers from file names and reference labels.

/** True for date-named files (`20200926-slug.md`, `2020-09-26-slug.md`), which carry no ADR number. */
export function isDateNamed(fileName: string): boolean {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})(?=[-_. ]|$)/.exec(fileName);
  return m !== null && validCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The ADR number from a leading `NNNN-` or `adr-NNN-` in a file name; null for date-named or unnumbered files. */
export function numberFromFileName(fileName: string): number | null {
  if (isDateNamed(fileName)) return null;
  const m = /^(?:adr[-_ ]?)?(\d{1,6})(?=[-_. ]|$)/i.exec(fileName);
  return m ? Number(m[1]) : null;
}

/** The ADR number a reference label names (`ADR-0019`, `3. Title`, `0003`), or null. */
export function numberFromLabel(label: string): number | null {
  const m = /^\s*(?:adr[-_ ]?|#)?(\d{1,6})(?=\D|$)/i.exec(label);
  return m ? Number(m[1]) : null;
}

/** True when y-m-d is a real calendar day. */
export function validCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1000) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return d <= days;
}

