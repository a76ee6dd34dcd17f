import type { CommandModule } from "yargs";
import type { GlobalArgs } from "./types.js";
import { withJson, workspaceFor } from "./shared.js";

interface ListArgs extends GlobalArgs {
  json?: boolean;
  status?: string;
  tag?: Array<string | number>;
}

export const listCommand: CommandModule<GlobalArgs, ListArgs> = {
  command: "list",
  aliases: ["ls"],
  describe: "List the ADRs: number, title, status, date",
  builder: (yargs) =>
    withJson(yargs)
      .option("status", { type: "string", describe: "Only ADRs with this status (e.g. accepted, proposed, superseded)" })
      .option("tag", { type: "string", array: true, describe: "Only ADRs carrying this tag (repeatable or comma-separated: all of them)" })
      .example("$0 list", "Table of every ADR")
      .example("$0 list --status proposed", "Only the proposed ADRs")
      .example("$0 list --tag security --tag api", "Only ADRs tagged both security and api")
      .example("$0 list --json", "Every ADR as JSON: number, title, status, date, path, format, supersedes, supersededBy, …") as never,
  handler: async (argv) => {
    const { ctx } = argv;
    const workspace = await workspaceFor(argv);
    const { listAdrs, listJson, listWarnings, formatAdrTable } = await import("../app/list.js");
    const { flagList } = await import("../search/tags.js");
    const tags = flagList(argv.tag);
    const adrs = await listAdrs(workspace, { status: argv.status, tags });
    for (const d of listWarnings(adrs)) ctx.output.warn(`${ctx.output.c.yellow("warning")} ${d.file}${d.line ? `:${d.line}` : ""} ${d.message}`);
    if (argv.json) ctx.output.json(listJson(adrs));
    else if (adrs.length > 0) ctx.output.data(formatAdrTable(adrs, workspace, ctx.output));
    if (adrs.length === 0) {
      const where = workspace.dirs.map((d) => d.rel).join(", ");
      const filters = [argv.status ? `status "${argv.status}"` : "", tags.length > 0 ? `tag${tags.length > 1 ? "s" : ""} ${tags.map((t) => `"${t}"`).join(", ")}` : ""].filter(Boolean);
      if (filters.length > 0) ctx.output.info(`No ADRs with ${filters.join(" and ")} in ${where}.`);
      else ctx.output.info(`No ADRs in ${where} yet. Run \`adrgen init\` to start, or pass --dir <path> if they live elsewhere.`);
    }
  },
};
