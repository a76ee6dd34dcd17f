import path from "node:path";
import type { CommandModule } from "yargs";
import { KNOWN_STATUSES } from "../domain/adr.js";
import { usageError } from "../domain/errors.js";
import type { GlobalArgs } from "./types.js";
import { workspaceFor } from "./shared.js";

interface NewArgs extends GlobalArgs {
  title: Array<string | number>;
  blank?: boolean;
  template?: string;
  status?: string;
  supersedes?: Array<string | number>;
  link?: string[];
  dryRun?: boolean;
  stdout?: boolean;
  json?: boolean;
}

export const newCommand: CommandModule<GlobalArgs, NewArgs> = {
  command: "new <title..>",
  describe: "Create the next numbered ADR (NNNN-slug.md) in the ADR directory",
  builder: (yargs) =>
    yargs
      .positional("title", { type: "string", array: true, describe: "The decision's title (quote it, or give several words)" })
      .option("blank", { type: "boolean", describe: "Write the template with placeholders to fill in by hand" })
      .option("template", { type: "string", describe: "madr4 (default), madr4-minimal, nygard, a name from config templates, or a .hbs path" })
      .option("status", { type: "string", choices: [...KNOWN_STATUSES], default: "proposed", describe: "Status of the new ADR" })
      .option("supersedes", { type: "string", array: true, describe: "Number of an ADR this one supersedes (repeatable)" })
      .option("link", { type: "string", array: true, describe: 'Link to another ADR: N or N:"relates to" (repeatable)' })
      .option("dry-run", { type: "boolean", describe: "Print the path that would be created; write nothing" })
      .option("stdout", { type: "boolean", describe: "Print the ADR's markdown instead of writing it" })
      .option("json", { type: "boolean", describe: "Print {path, number, title} as JSON" })
      .conflicts("dry-run", "stdout")
      .example('$0 new "Use PostgreSQL for persistence" --blank', "Create docs/adr/NNNN-use-postgresql-for-persistence.md")
      .example('$0 new "Choose a message broker" --blank --template nygard', "Use the adr-tools (Nygard) layout")
      .example('$0 new "Move to Kafka" --blank --supersedes 3 --link 5:"relates to"', "State relations to earlier ADRs")
      .example('$0 new "Try Redis" --blank --stdout', "Print the ADR without writing it") as never,
  handler: async (argv) => {
    const { ctx } = argv;
    if (!argv.blank) {
      throw usageError(
        "adrgen new can only write blank ADRs so far: add --blank.",
        'The advisor that fills in options and a recommendation is not available yet. Example: adrgen new "Use PostgreSQL" --blank',
      );
    }
    const workspace = await workspaceFor(argv);
    const { newAdrWithRelations } = await import("../app/new-with-relations.js");
    const cwd = argv.cwd ? path.resolve(ctx.cwd, argv.cwd) : ctx.cwd;
    const result = await newAdrWithRelations(
      workspace,
      {
        title: argv.title.map(String).join(" "),
        template: argv.template,
        status: argv.status,
        supersedes: argv.supersedes ?? [],
        links: argv.link ?? [],
        dryRun: Boolean(argv.dryRun || argv.stdout),
        blank: true,
      },
      { cwd, env: ctx.env },
    );
    if (argv.stdout) {
      ctx.output.data(result.text);
      return;
    }
    const shown = path.relative(ctx.cwd, result.path).split(path.sep).join("/");
    if (argv.json) ctx.output.json({ path: shown, number: result.number, title: result.title, ...(result.written ? {} : { dryRun: true }) });
    else ctx.output.data(shown);
    if (!result.written) ctx.output.info("Dry run: nothing was written.");
    if (result.written) for (const relation of result.relations) ctx.output.info(`Recorded: ${relation.type} ADR ${relation.target.number} (${relation.target.fileName})`);
    for (const file of result.indexUpdated) ctx.output.info(`Updated the index ${file}`);
    for (const warning of result.warnings) ctx.output.warn(`${ctx.output.c.yellow("warning")} ${warning}`);
  },
};
