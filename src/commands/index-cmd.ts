import type { CommandModule } from "yargs";
import type { GlobalArgs } from "./types.js";
import { withJson, workspaceFor } from "./shared.js";

interface IndexArgs extends GlobalArgs {
  check?: boolean;
  json?: boolean;
}

export const indexCommand: CommandModule<GlobalArgs, IndexArgs> = {
  command: "index",
  describe: "Write or refresh the ADR index (table + relation graph) between adrgen markers",
  builder: (yargs) =>
    withJson(yargs)
      .option("check", { type: "boolean", describe: "Write nothing; exit 1 when an index is missing or stale" })
      .example("$0 index", "Write docs/adr/README.md (or index.file from the config)")
      .example("$0 index --check", "In CI: fail when the index is out of date") as never,
  handler: async (argv) => {
    const { ctx } = argv;
    const workspace = await workspaceFor(argv);
    const { updateIndex } = await import("../app/index-file.js");
    const results = await updateIndex(workspace, { check: Boolean(argv.check) });
    const problems = results.filter((r) => r.state === "missing" || r.state === "stale" || r.state === "malformed");
    if (argv.json) ctx.output.json(results);
    for (const result of results) {
      if (argv.json) continue;
      if (problems.includes(result)) ctx.output.data(`${result.file}: ${result.state} (${result.detail})`);
      else if (result.state === "created" || result.state === "updated") ctx.output.data(result.file);
      else ctx.output.info(`${result.file} is up to date`);
    }
    if (problems.length > 0) {
      ctx.exitCode = 1;
      ctx.output.info(`${problems.length} index file${problems.length === 1 ? "" : "s"} out of date; run adrgen index`);
    }
  },
};
