import type { CommandModule } from "yargs";
import type { GlobalArgs } from "./types.js";
import { commandCwd, withJson, workspaceFor } from "./shared.js";

interface ShowArgs extends GlobalArgs {
  ref: string;
  json?: boolean;
}

export const showCommand: CommandModule<GlobalArgs, ShowArgs> = {
  command: "show <ref>",
  describe: "Print an ADR (by number or path); --json prints the parsed record with its sections",
  builder: (yargs) =>
    withJson(yargs)
      .positional("ref", { type: "string", describe: "ADR number (7 or 0007) or path to the file", demandOption: true })
      .example("$0 show 7", "Print ADR 0007's markdown")
      .example("$0 show docs/adr/0007-use-kafka.md --json", "The parsed record: status, date, sections, options, links, diagnostics") as never,
  handler: async (argv) => {
    const { ctx } = argv;
    const workspace = await workspaceFor(argv);
    const { showAdr, showJson } = await import("../app/show.js");
    const cwd = commandCwd(argv);
    const record = await showAdr(workspace, { ref: String(argv.ref), cwd });
    if (argv.json) ctx.output.json(showJson(record));
    else ctx.output.data(record.text);
  },
};
