import path from "node:path";
import type { CommandModule } from "yargs";
import type { GlobalArgs } from "./types.js";
import { commandCwd, workspaceFor } from "./shared.js";

interface InitArgs extends GlobalArgs {
  directory?: string;
  template?: string;
}

export const initCommand: CommandModule<GlobalArgs, InitArgs> = {
  command: "init [directory]",
  describe: "Create the ADR directory and ADR 0001 \"Record architecture decisions\"",
  builder: (yargs) =>
    yargs
      .positional("directory", { type: "string", describe: "ADR directory (default: discovered, else docs/adr)" })
      .option("template", { type: "string", describe: "Template for ADR 0001 (default madr4)" })
      .example("$0 init", "Create docs/adr/0001-record-architecture-decisions.md")
      .example("$0 init doc/architecture/decisions", "Use another directory; it is recorded in .adr-dir and .adrgenrc.json") as never,
  handler: async (argv) => {
    const { ctx } = argv;
    const workspace = await workspaceFor({ ...argv, dir: argv.directory ?? argv.dir });
    const { initAdrDir } = await import("../app/init.js");
    const cwd = commandCwd(argv);
    const result = await initAdrDir(workspace, { template: argv.template }, { cwd, env: ctx.env });
    const shown = (file: string) => path.relative(ctx.cwd, file).split(path.sep).join("/") || ".";
    if (!result.created) {
      ctx.output.info(`The ADR directory ${shown(result.dir)} already exists and holds ADRs; nothing was written.`);
      return;
    }
    for (const file of result.recorded) ctx.output.info(`Recorded the ADR directory in ${shown(file)}`);
    ctx.output.data(shown(result.adrPath));
  },
};
