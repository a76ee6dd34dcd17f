/** The first argument that is neither a flag nor the value of a global flag: the command name as typed. */
export function firstPositional(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--cwd" || arg === "--dir") i++;
    else if (!arg.startsWith("-")) return arg;
  }
  return undefined;
}
