import type { CommandModule } from "yargs";
import type { GlobalArgs } from "./types.js";
import { commandCwd, withJson, workspaceFor } from "./shared.js";

interface LintArgs extends GlobalArgs {
  paths?: string[];
  json?: boolean;
  strict?: boolean;
}

export const lintCommand: CommandModule<GlobalArgs, LintArgs> = {
  command: "lint [paths..]",
  describe: "Check ADRs: file names, numbers, titles, sections, status, dates, options, links",
  builder: (yargs) =>
    withJson(yargs)
      .positional("paths", { type: "string", array: true, describe: "ADR files or directories", defaultDescription: "every ADR directory" })
      .option("strict", { type: "boolean", describe: "Fail (exit 1) on warnings too" })
      .example("$0 lint", "Lint every ADR in every ADR directory")
      .example("$0 lint docs/adr/0007-use-kafka.md", "Lint one file")
      .example("$0 lint packages/billing/docs/adr", "Lint the ADRs in one directory")
      .example("$0 lint --strict --json", "Fail on warnings; print findings as JSON") as never,
  handler: async (argv) => {
    const { ctx } = argv;
    const workspace = await workspaceFor(argv);
    const { lintAdrs } = await import("../app/lint.js");
    const { formatFinding, formatSummary, lintJson } = await import("../app/lint-format.js");
    const cwd = commandCwd(argv);
    const report = await lintAdrs({ paths: argv.paths ?? [], cwd }, { workspace });
    for (const id of report.unknownRules) ctx.output.warn(`${ctx.output.c.yellow("warning")} lint.rules names unknown rule "${id}"; see the lint rule table in the README.`);
    if (argv.json) ctx.output.json(lintJson(report));
    else for (const finding of report.findings) ctx.output.data(formatFinding(finding, ctx.output.c));
    if (report.files === 0 && (argv.paths ?? []).length === 0) {
      ctx.output.info(`No ADRs found in ${workspace.dirs.map((dir) => dir.rel).join(", ")}; adrgen init creates the first one.`);
    }
    ctx.output.info(formatSummary(report));
    if (report.errors > 0 || (argv.strict && report.warnings > 0)) ctx.exitCode = 1;
  },
};
