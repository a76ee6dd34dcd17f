import type { CommandModule } from "yargs";
import type { GlobalArgs } from "./types.js";
import { withJson, workspaceFor } from "./shared.js";

interface ContextArgs extends GlobalArgs {
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
    const workspace = await workspaceFor(argv);
    const { buildContext, contextToJson, formatContext, formatWarnings } = await import("../app/context.js");
    const context = await buildContext(workspace);
    if (argv.json) {
      argv.ctx.output.json(contextToJson(context));
      return;
    }
    argv.ctx.output.data(formatContext(context, argv.ctx.output.c));
    for (const line of formatWarnings(context, argv.ctx.output.c)) argv.ctx.output.warn(line);
  },
};
