// Text read from ADR files (titles, tags, matched lines) reaches terminals and generated markdown. Control
// characters in it would act instead of show: ESC starts colour and cursor sequences, BEL rings, CR
// overwrites the line. They are written as visible escapes (`\x1b`) so the reader sees what the file holds.

// C0 controls except tab and line feed (those two are handled by the options), DEL, and C1 controls.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** `text` with every control character shown as `\xNN`; tabs are kept, line feeds only with `multiline`. */
export function visibleText(text: string, options: { multiline?: boolean } = {}): string {
  const escaped = text.replace(CONTROL, hex);
  return options.multiline ? escaped : escaped.replace(/\n/g, hex);
}

/** True when `text` holds a control character other than tab and line feed. */
export function hasControlCharacters(text: string): boolean {
  CONTROL.lastIndex = 0;
  return CONTROL.test(text);
}

function hex(ch: string): string {
  return `\\x${ch.charCodeAt(0).toString(16).padStart(2, "0")}`;
}
