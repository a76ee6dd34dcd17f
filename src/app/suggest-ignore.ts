// The `suggest.ignore.paths` globs: `*` within a path segment, `**` across segments, a trailing `/` for a folder.
const escape = (text: string) => text.replace(/[.+^${}()|[\]\\]/g, "\\$&");

/** A predicate for paths (relative to the repository root, forward slashes) matching any of the globs. */
export function pathMatcher(globs: readonly string[]): (relPath: string) => boolean {
  if (globs.length === 0) return () => false;
  const regexes = globs.map((glob) => {
    const folder = glob.endsWith("/") ? `${glob}**` : glob;
    const source = escape(folder.replace(/^\.\//, ""))
      .replace(/\*\*\/?/g, "\u0000")
      .replace(/\*/g, "[^/]*")
      .replace(/\?/g, "[^/]")
      .replace(/\u0000/g, "(?:.*/)?.*");
    // A glob without a slash matches a name anywhere, like .gitignore.
    return new RegExp(folder.includes("/") ? `^${source}$` : `(^|/)${source}$`);
  });
  return (relPath) => regexes.some((regex) => regex.test(relPath));
}
