import type { CommandModule } from "yargs";
import { usageError } from "../domain/errors.js";
import type { GlobalArgs } from "./types.js";
import { workspaceFor } from "./shared.js";

interface SuggestArgs extends GlobalArgs {
  base?: string;
  head?: string;
  staged?: boolean;
  json?: boolean;
}

export const suggestCommand: CommandModule<GlobalArgs, SuggestArgs> = {
  command: "suggest",
  describe: "Find stack changes on a branch (or staged) that no ADR records, and propose the ADR",
  builder: (yargs) =>
    yargs
      .option("base", { type: "string", describe: "Git ref to compare with (default: the fork point from main/master; HEAD with --staged)" })
      .option("head", { type: "string", describe: "Git ref to judge (default HEAD)" })
      .option("staged", { type: "boolean", describe: "Judge what is staged for the next commit, against HEAD (pre-commit hook)" })
      .option("json", { type: "boolean", describe: "Print {root, base, head, changes, warnings} as JSON" })
      .example("$0 suggest", "Changes on this branch since it left main, and the ADRs they need")
      .example("$0 suggest --base origin/main --json", "The same against origin/main, for tools")
      .example("$0 suggest --staged", "In a pre-commit hook: what this commit changes in the stack") as never,
  handler: async (argv) => {
    const { ctx } = argv;
    if (argv.staged && argv.head !== undefined) throw usageError("--staged judges the index; it cannot be combined with --head.");
    for (const flag of ["base", "head"] as const) {
      if (argv[flag] !== undefined && argv[flag]!.trim() === "") throw usageError(`--${flag} needs a git ref, e.g. --${flag} origin/main.`);
    }
    const workspace = await workspaceFor(argv);
    const { suggestAdrs } = await import("../app/suggest.js");
    const { formatSuggestions, suggestJson, suggestSummary } = await import("../app/suggest-format.js");
    const report = await suggestAdrs({ base: argv.base, head: argv.head, staged: argv.staged }, { workspace });
    for (const w of report.warnings) ctx.output.warn(`${ctx.output.c.yellow("warning")} ${w.file}${w.line ? `:${w.line}` : ""} (${w.side}) ${w.message}`);
    if (argv.json) ctx.output.json(suggestJson(report));
    else for (const line of formatSuggestions(report, ctx.output.c)) ctx.output.data(line);
    // suggest informs: whatever it finds, it exits 0 (check --require-adr is the gate).
    ctx.output.info(suggestSummary(report));
  },
};
