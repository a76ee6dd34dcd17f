import type { CommandModule } from "yargs";
import type { GlobalArgs } from "./types.js";
import { commandCwd, withJson, workspaceFor } from "./shared.js";

interface SearchArgs extends GlobalArgs {
  query?: Array<string | number>;
  status?: Array<string | number>;
  tag?: Array<string | number>;
  limit?: string;
  json?: boolean;
}

export const searchCommand: CommandModule<GlobalArgs, SearchArgs> = {
  command: "search [query..]",
  describe: "Full-text search over ADR titles, tags and bodies, ranked, with the matching lines",
  builder: (yargs) =>
    withJson(yargs)
      .positional("query", { type: "string", array: true, describe: 'Words to find; "quoted phrase" must appear as written, -word excludes' })
      .option("status", { type: "string", array: true, describe: "Only ADRs with this status (repeatable or comma-separated: any of them)" })
      .option("tag", { type: "string", array: true, describe: "Only ADRs carrying this tag (repeatable or comma-separated: all of them)" })
      .option("limit", { type: "string", describe: "Most hits to show (default 20)" })
      .example("$0 search kafka", "ADRs mentioning Kafka, best first, with the matching lines")
      .example('$0 search \'"event sourcing" -billing\'', "The exact phrase, leaving out ADRs that mention billing")
      .example("$0 search -- kafka -rabbitmq", "After --, a -word excludes instead of being read as a flag")
      .example("$0 search cache --status accepted --tag performance", "Only accepted ADRs tagged performance")
      .example("$0 search postgres --json --limit 5", "Top five hits as JSON: number, title, status, tags, path, score, matches") as never,
  handler: async (argv) => {
    const { ctx } = argv;
    const workspace = await workspaceFor(argv);
    const { flagList } = await import("../search/tags.js");
    const { formatSearchHits, parseLimit, searchDecisions, searchJson } = await import("../app/search.js");
    // Words after `--` (e.g. `-- kafka -rabbitmq`) land in argv._ after the command name.
    const extra = (argv as unknown as { _: Array<string | number> })._.slice(1);
    const query = [...(argv.query ?? []), ...extra].map(String).join(" ");
    const hits = await searchDecisions(workspace, { query, status: flagList(argv.status), tags: flagList(argv.tag), limit: parseLimit(argv.limit) });
    if (argv.json) ctx.output.json(searchJson(hits));
    else if (hits.length > 0) ctx.output.data(formatSearchHits(hits, workspace, commandCwd(argv), ctx.output));
    // Like grep, no match exits 1, so a script can test `if adrgen search … ; then`; stdout stays empty (or `[]`).
    if (hits.length === 0) {
      ctx.exitCode = 1;
      ctx.output.info(`No ADR matches ${JSON.stringify(query)} in ${workspace.dirs.map((d) => d.rel).join(", ")}.`);
    }
  },
};
