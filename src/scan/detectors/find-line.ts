/** 1-based number of the first line matching `test`, starting at line `from` (1-based); undefined when none. */
export function findLine(text: string, test: RegExp | ((line: string) => boolean), from = 1): number | undefined {
  const lines = text.split(/\r?\n/);
  for (let i = Math.max(0, from - 1); i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (typeof test === "function" ? test(line) : test.test(line)) return i + 1;
  }
  return undefined;
}

/** 1-based line of the first occurrence of a literal substring. */
export function lineOfText(text: string, needle: string, from = 1): number | undefined {
  return findLine(text, (line) => line.includes(needle), from);
}

/** 1-based line of a character offset. */
export function lineAtOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * 1-based line where a TOML key (or quoted string `needle`) appears inside a table.
 * smol-toml keeps no positions, so we recover them by walking table headers line by line.
 */
export function tomlLine(text: string, table: string | null, needle: string): number | undefined {
  const lines = text.split(/\r?\n/);
  let current = "";
  let fallback: number | undefined;
  const keyPattern = new RegExp(`^\\s*["']?${escapeRegExp(needle)}["']?\\s*[=.]`, "i");
  const quoted = new RegExp(`["']${escapeRegExp(needle)}(?=["'\\s\\[<>=!~;,^(@])`, "i");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const header = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$/.exec(line);
    if (header) {
      current = (header[1] ?? "").replace(/["'\s]/g, "");
      continue;
    }
    if (!keyPattern.test(line) && !quoted.test(line)) continue;
    if (table === null || current === table || current.startsWith(`${table}.`)) return i + 1;
    fallback ??= i + 1;
  }
  return fallback;
}

/** Escapes a string for literal use inside a RegExp. */
export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}
