import type { CommandModule } from "yargs";
import type { GlobalArgs } from "./types.js";
import { withGitFlags } from "./git-flags.js";
import { commandCwd, withJson, workspaceFor } from "./shared.js";

interface StatusArgs extends GlobalArgs {
  adr: string;
  status: string;
  json?: boolean;
  branch?: string;
  commit?: boolean;
}

export const statusCommand: CommandModule<GlobalArgs, StatusArgs> = {
  command: "status <adr> <status>",
  describe: "Change an ADR's status, in the style its file already uses",
  builder: (yargs) =>
    withGitFlags(withJson(yargs))
      .positional("adr", { type: "string", describe: "ADR number (7, 0007) or path" })
      .positional("status", { type: "string", describe: "proposed | accepted | rejected | deprecated | superseded" })
      .example("$0 status 7 accepted", "Accept ADR 0007")
      .example("$0 status docs/adr/0003-use-mongodb.md deprecated --json", "Print {path, number, from, to}")
      .example("$0 status 7 accepted --branch --commit", "On a new branch adr/0007-…, commit only the ADR (and the index)") as never,
  handler: async (argv) => {
    const { ctx } = argv;
    const workspace = await workspaceFor(argv);
    const cwd = commandCwd(argv);
    const { changeStatus } = await import("../app/status.js");
    const { displayPath } = await import("../app/edit-files.js");
    const git = await import("../app/git-flow.js");
    const flow = await git.startAdrChange(workspace, cwd, { branch: argv.branch, commit: argv.commit }, String(argv.adr));
    const result = await changeStatus(workspace, { ref: String(argv.adr), status: String(argv.status), cwd });
    const outcome = await git.finishAdrChange(flow, workspace, { adrPath: result.path, others: result.index.updated, note: `(status: ${result.to})` });
    for (const warning of result.index.warnings) ctx.output.warn(`${ctx.output.c.yellow("warning")} ${warning}`);
    if (argv.json) ctx.output.json({ path: result.relPath, number: result.number, from: result.from, to: result.to, ...(flow ? { git: outcome } : {}) });
    else ctx.output.data(displayPath(result.path, cwd));
    ctx.output.info(result.changed ? `status: ${result.from ?? "(none)"} → ${result.to}` : `status is already ${result.to}; nothing changed`);
    for (const file of result.index.updated) ctx.output.info(`updated index ${file}`);
    for (const line of git.describeGitOutcome(outcome)) ctx.output.info(line);
  },
};
