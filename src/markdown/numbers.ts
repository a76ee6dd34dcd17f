// ADR numbers from file names and reference labels.

// One implementation of file-name numbering serves the parser and the writer.
export { isDateNamed, adrNumberFromFileName as numberFromFileName } from "../domain/numbering.js";

/** The ADR number a reference label names (`ADR-0019`, `3. Title`, `0003`), or null. */
export function numberFromLabel(label: string): number | null {
  const m = /^\s*(?:adr[-_ ]?|#)?(\d{1,6})(?=\D|$)/i.exec(label);
  return m ? Number(m[1]) : null;
}

