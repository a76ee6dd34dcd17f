/**
 * Readers for the few YAML shapes the topic index needs (plain or quoted scalars, flow lists on
 * one line, block lists of scalars). Each returns undefined for anything else, so the caller can
 * fall back to the full YAML parser; they exist only because parsing every topic file in full
 * costs more than the rest of `adrgen new`.
 */

const PLAIN_UNSAFE = /^[&*!|>%@`{[\]'"#]|^- |: | #|^[-?:]$/;

/** A scalar as written after `key:` or `- `: plain, 'single' or "double" quoted. */
export function readScalar(raw: string): string | undefined {
  const text = raw.trim();
  if (text.startsWith('"')) {
    if (!/^"(?:[^"\\]|\\.)*"$/.test(text)) return undefined;
    try {
      return JSON.parse(text) as string;
    } catch {
      return undefined;
    }
  }
  if (text.startsWith("'")) return /^'(?:[^']|'')*'$/.test(text) ? text.slice(1, -1).replaceAll("''", "'") : undefined;
  const plain = text.replace(/\s+#.*$/, "");
  // Booleans, numbers and nulls would change type in a real parser; leave those to it.
  if (!plain || PLAIN_UNSAFE.test(plain) || /^(true|false|null|~|yes|no|on|off|[-+.\d][\d._eE+-]*)$/i.test(plain)) return undefined;
  return plain;
}

/** `[a, "b, c", 'd']` on one line. */
export function readFlowList(raw: string): string[] | undefined {
  const text = raw.trim().replace(/\s+#[^\]"']*$/, "");
  if (!text.startsWith("[") || !text.endsWith("]")) return undefined;
  const inner = text.slice(1, -1).trim();
  if (!inner) return [];
  const items: string[] = [];
  const token = /\s*("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^,"'[\]{}]+?)\s*(,|$)/y;
  let at = 0;
  while (at < inner.length) {
    token.lastIndex = at;
    const m = token.exec(inner);
    if (!m) return undefined;
    const value = readScalar(m[1]!);
    if (value === undefined) return undefined;
    items.push(value);
    at = token.lastIndex;
    if (m[2] === "" && at < inner.length) return undefined;
  }
  return items;
}

/** The value of `key: value` or the block list below `key:` (lines deeper than or equal to the key's indent starting with "- "). */
export function readListValue(lines: string[]): string[] | undefined {
  const head = lines[0]!;
  const inline = head.slice(head.indexOf(":") + 1).trim();
  if (inline && !inline.startsWith("#")) return readFlowList(inline);
  const items: string[] = [];
  for (const line of lines.slice(1)) {
    const text = line.trim();
    if (!text || text.startsWith("#")) continue;
    if (!text.startsWith("- ")) return undefined;
    const value = readScalar(text.slice(2));
    if (value === undefined) return undefined;
    items.push(value);
  }
  return items;
}

/** The scalar of a one-line `key: value`. */
export function readScalarValue(lines: string[]): string | undefined {
  if (lines.slice(1).some((l) => l.trim() && !l.trim().startsWith("#"))) return undefined;
  const head = lines[0]!;
  return readScalar(head.slice(head.indexOf(":") + 1));
}
