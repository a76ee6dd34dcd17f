/** 1-based line of a character offset in a text. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * 1-based line of a JSON object key, e.g. `"express"` inside the `"dependencies"` block;
 * searches after `withinKey` when given. Undefined when not found.
 */
export function lineOfJsonKey(text: string, key: string, withinKey?: string): number | undefined {
  const quoted = (name: string) => new RegExp(`"${name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}"\\s*:`, "g");
  let from = 0;
  if (withinKey !== undefined) {
    const section = quoted(withinKey).exec(text);
    if (!section) return undefined;
    from = section.index;
  }
  const pattern = quoted(key);
  pattern.lastIndex = from;
  const match = pattern.exec(text);
  return match ? lineOfOffset(text, match.index) : undefined;
}

/** The last segment of a repository-relative path; matching on it keeps `matches` cheap on 100,000 paths. */
export function fileNameOf(relPath: string): string {
  return relPath.slice(relPath.lastIndexOf("/") + 1);
}
