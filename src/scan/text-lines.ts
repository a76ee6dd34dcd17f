/** 1-based line of a character offset in a text. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  // indexOf jumps from newline to newline far faster than a loop over every character (it runs per dependency of every package.json).
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/**
 * 1-based line of a JSON object key, e.g. `"express"` inside the `"dependencies"` block;
 * searches after `withinKey` when given. Undefined when not found.
 */
export function lineOfJsonKey(text: string, key: string, withinKey?: string): number | undefined {
  let from = 0;
  if (withinKey !== undefined) {
    const section = indexOfJsonKey(text, withinKey, 0);
    if (section === -1) return undefined;
    from = section;
  }
  const at = indexOfJsonKey(text, key, from);
  return at === -1 ? undefined : lineOfOffset(text, at);
}

/** Offset of `"key"` followed by optional whitespace and a colon, from `from`; -1 when absent. A plain search: no RegExp per key. */
function indexOfJsonKey(text: string, key: string, from: number): number {
  const quoted = `"${key}"`;
  for (let at = text.indexOf(quoted, from); at !== -1; at = text.indexOf(quoted, at + 1)) {
    let next = at + quoted.length;
    while (next < text.length && (text[next] === " " || text[next] === "\t" || text[next] === "\n" || text[next] === "\r")) next++;
    if (text[next] === ":") return at;
  }
  return -1;
}

/** The last segment of a repository-relative path; matching on it keeps `matches` cheap on 100,000 paths. */
export function fileNameOf(relPath: string): string {
  return relPath.slice(relPath.lastIndexOf("/") + 1);
}
