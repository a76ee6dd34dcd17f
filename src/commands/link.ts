import type { CommandModule } from "yargs";
import type { GlobalArgs } from "./types.js";
import { commandCwd, withJson, workspaceFor } from "./shared.js";

interface LinkArgs extends GlobalArgs {
  from: string;
  to: string;
  type: string;
  reverseType?: string;
  json?: boolean;
}

export const linkCommand: CommandModule<GlobalArgs, LinkArgs> = {
  command: "link <from> <to>",
  describe: "Link two ADRs with a typed relation; both files are updated",
  builder: (yargs) =>
    withJson(yargs)
      .positional("from", { type: "string", describe: "ADR number or path" })
      .positional("to", { type: "string", describe: "ADR number or path" })
      .option("type", { type: "string", default: "relates to", describe: "Relation recorded in <from>, e.g. amends, depends on" })
      .option("reverse-type", { type: "string", describe: "Relation recorded in <to> (default: the counterpart, e.g. amended by)" })
      .example('$0 link 7 2 --type amends', "0007 'Amends' 0002; 0002 'Amended by' 0007")
      .example('$0 link 7 4 --type "depends on" --reverse-type "required by"', "Choose both sides' wording") as never,
  handler: async (argv) => {
    const { ctx } = argv;
    const workspace = await workspaceFor(argv);
    const cwd = commandCwd(argv);
    const { linkAdrs } = await import("../app/relations.js");
    const { displayPath } = await import("../app/edit-files.js");
    const result = await linkAdrs(
      workspace,
      { from: String(argv.from), to: String(argv.to), type: argv.type, ...(argv.reverseType === undefined ? {} : { reverseType: argv.reverseType }) },
      { cwd },
    );
    for (const warning of result.index.warnings) ctx.output.warn(`${ctx.output.c.yellow("warning")} ${warning}`);
    const side = (s: typeof result.from) => ({ path: s.relPath, number: s.number, changed: s.changed });
    if (argv.json) {
      ctx.output.json({ from: side(result.from), to: side(result.to), type: result.type, reverseType: result.reverseType, index: result.index.updated });
    } else ctx.output.data([displayPath(result.from.path, cwd), displayPath(result.to.path, cwd)].join("\n"));
    ctx.output.info(`${result.from.relPath} ${result.type} ${result.to.relPath}; ${result.to.relPath} ${result.reverseType} ${result.from.relPath}`);
    for (const file of result.index.updated) ctx.output.info(`updated index ${file}`);
  },
};
