// Compiled once per pattern: a monorepo checks every one of its thousand packages against the same few globs.
const compiled = new Map<string, RegExp>();

/** Converts a workspace glob (`packages/*`, `apps/**`, `libs/?-x`) to an anchored regular expression. */
export function workspaceGlobToRegExp(glob: string): RegExp {
  let regexp = compiled.get(glob);
  if (!regexp) {
    regexp = compileGlob(glob);
    compiled.set(glob, regexp);
  }
  return regexp;
}

function compileGlob(glob: string): RegExp {
  const clean = glob.replace(/^\.\//, "").replace(/\/+$/, "");
  let source = "";
  for (let i = 0; i < clean.length; i++) {
    const char = clean[i]!;
    if (char === "*" && clean[i + 1] === "*") {
      // `a/**/b` also matches `a/b`, and a trailing `**` matches any depth.
      source += clean[i + 2] === "/" ? "(?:.*/)?" : ".*";
      i += clean[i + 2] === "/" ? 2 : 1;
    } else if (char === "*") source += "[^/]*";
    else if (char === "?") source += "[^/]";
    else source += char.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

/**
 * True when a package directory (repository-relative) is a member of the workspace whose
 * patterns were declared in directory `base`; `!pattern` entries exclude.
 */
export function matchesWorkspacePattern(packageDir: string, base: string, patterns: string[]): boolean {
  const prefix = base === "" ? "" : `${base}/`;
  if (!packageDir.startsWith(prefix) || packageDir === base) return false;
  const relative = packageDir.slice(prefix.length);
  let included = false;
  for (const pattern of patterns) {
    const negated = pattern.startsWith("!");
    if (workspaceGlobToRegExp(negated ? pattern.slice(1) : pattern).test(relative)) included = !negated;
  }
  return included;
}
