/** The flags of a plain `adrgen context` run, as the yargs parser would hand them to the handler. */
export interface LeanContextFlags {
  json?: boolean;
  cwd?: string;
  dir?: string;
  quiet?: boolean;
}

const BOOLEAN_FLAGS = new Map<string, "json" | "quiet">([["--json", "json"], ["--quiet", "quiet"], ["-q", "quiet"]]);
const STRING_FLAGS = new Map<string, "cwd" | "dir">([["--cwd", "cwd"], ["--dir", "dir"]]);

/**
 * The flags of `context [--json] [--quiet|-q] [--cwd DIR] [--dir DIR]` (also `--cwd=DIR`), each at
 * most once, or undefined for anything else: help, unknown or repeated flags, negations, odd
 * values. Only arguments whose meaning is beyond doubt take the lean path; the rest go to yargs.
 */
export function parseLeanContextArgs(argv: readonly string[]): LeanContextFlags | undefined {
  if (argv[0] !== "context") return undefined;
  const flags: LeanContextFlags = {};
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    const booleanName = BOOLEAN_FLAGS.get(arg);
    if (booleanName !== undefined) {
      if (flags[booleanName] !== undefined) return undefined;
      flags[booleanName] = true;
      continue;
    }
    const equals = arg.indexOf("=");
    const name = STRING_FLAGS.get(equals === -1 ? arg : arg.slice(0, equals));
    if (name === undefined || flags[name] !== undefined) return undefined;
    const value = equals === -1 ? argv[++i] : arg.slice(equals + 1);
    // yargs reads a value starting with "-" as another flag, and an empty one as "not given".
    if (value === undefined || value === "" || value.startsWith("-")) return undefined;
    flags[name] = value;
  }
  return flags;
}
