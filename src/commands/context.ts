import path from "node:path";
import type { CommandModule } from "yargs";
import type { GlobalArgs } from "./types.js";
import { withJson } from "./shared.js";

export interface ContextArgs extends GlobalArgs {
  json?: boolean;
}

export const contextCommand: CommandModule<GlobalArgs, ContextArgs> = {
  command: "context",
  describe: "Show what the repository is built on (languages, frameworks, datastores, …) with evidence",
  builder: (yargs) =>
    withJson(yargs)
      .example("$0 context", "Summary grouped by category, each item with file:line")
      .example("$0 context --json --cwd ../service", "The full context of another repository as JSON") as never,
  handler: async (argv) => {
    // git lists the repository while the scanner loads (a plain `context` run skips yargs altogether: see bin.ts).
    const { startListing } = await import("../scan/listing.js");
    const listing = startListing(path.resolve(argv.ctx.cwd, argv.cwd ?? "."));
    const { runContext } = await import("./context-run.js");
    await runContext(argv, listing);
  },
};
