import path from "node:path";
import type { CommandModule } from "yargs";
import type { GlobalArgs } from "./types.js";
import { commandCwd, withJson, workspaceFor } from "./shared.js";

interface ExportArgs extends GlobalArgs {
  json?: boolean;
  out?: string;
  force?: boolean;
  schema?: boolean;
}

export const exportCommand: CommandModule<GlobalArgs, ExportArgs> = {
  command: "export",
  describe: "Export every ADR (parsed fields, links, sections, full text) as one versioned JSON document",
  builder: (yargs) =>
    withJson(yargs)
      .option("out", { alias: "o", type: "string", describe: "Write the export to this file instead of stdout" })
      .option("force", { type: "boolean", describe: "Overwrite the --out file when it exists" })
      .option("schema", { type: "boolean", describe: "Print the export's JSON Schema (version 1) instead of exporting" })
      .example("$0 export --json > decisions.json", "Every ADR of every ADR directory as JSON (JSON is the default format)")
      .example("$0 export --out decisions.json", "Write it to a file (refuses to overwrite without --force)")
      .example("$0 export --schema", "The JSON Schema of the document (docs/schemas/export-v1.json)") as never,
  handler: async (argv) => {
    const { ctx } = argv;
    // --json is the only format for now; the flag is accepted so scripts can say what they expect.
    if (argv.json === false) ctx.output.warn(`${ctx.output.c.yellow("warning")} JSON is the only export format; --no-json is ignored.`);
    if (argv.schema) {
      const { exportJsonSchema } = await import("../domain/export-schema.js");
      ctx.output.json(exportJsonSchema());
      return;
    }
    const workspace = await workspaceFor(argv);
    const { exportAdrs, writeExportFile } = await import("../app/export.js");
    const { document, skipped } = await exportAdrs(workspace, { env: ctx.env });
    for (const d of skipped) ctx.output.warn(`${ctx.output.c.yellow("warning")} ${d.file} not exported: ${d.message}`);
    const text = `${JSON.stringify(document, null, 2)}\n`;
    if (argv.out === undefined) {
      ctx.output.data(text);
    } else {
      if (argv.out.trim() === "") throw (await import("../domain/errors.js")).usageError("--out needs a file name.", "adrgen export --out decisions.json");
      const file = path.resolve(commandCwd(argv), argv.out);
      await writeExportFile(file, text, { force: argv.force, display: argv.out });
      ctx.output.info(`exported ${document.adrs.length} ADR${document.adrs.length === 1 ? "" : "s"} to ${argv.out}`);
    }
    if (document.adrs.length === 0) ctx.output.info(`No ADRs in ${workspace.dirs.map((d) => d.rel).join(", ")}.`);
  },
};
