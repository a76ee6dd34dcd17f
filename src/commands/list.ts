import type { CommandModule } from "yargs";
import type { GlobalArgs } from "./types.js";
import { withJson, workspaceFor } from "./shared.js";

interface ListArgs extends GlobalArgs {
  json?: boolean;
  status?: string;
}

export const listCommand: CommandModule<GlobalArgs, ListArgs> = {
  command: "list",
  aliases: ["ls"],
  describe: "List the ADRs: number, title, status, date",
  builder: (yargs) =>
    withJson(yargs)
      .option("status", { type: "string", describe: "Only ADRs with this status" })
      .example("$0 list", "Table of every ADR")
      .example("$0 list --status accepted --json", "Accepted ADRs as JSON") as never,
  handler: async (argv) => {
    const workspace = await workspaceFor(argv);
    const { listAdrs, formatAdrTable } = await import("../app/list.js");
    const adrs = await listAdrs(workspace, { status: argv.status });
    if (argv.json) argv.ctx.output.json(adrs);
    else argv.ctx.output.data(formatAdrTable(adrs, workspace, argv.ctx.output));
  },
};
