import path from "node:path";
import type { CommandModule } from "yargs";
import type { GlobalArgs } from "./types.js";
import { withGitFlags } from "./git-flags.js";
import { commandCwd, withJson, workspaceFor } from "./shared.js";

interface RenumberArgs extends GlobalArgs {
  adr: string;
  to?: string;
  next?: boolean;
  json?: boolean;
  branch?: string;
  commit?: boolean;
}

export const renumberCommand: CommandModule<GlobalArgs, RenumberArgs> = {
  command: "renumber <adr>",
  describe: "Give an ADR another number: rename it (git mv), fix its title, relink every ADR and the index",
  builder: (yargs) =>
    withGitFlags(withJson(yargs))
      .positional("adr", { type: "string", describe: "ADR number (7, 0007) or path; use the path when two ADRs share a number" })
      .option("to", { type: "string", describe: "The new number" })
      .option("next", { type: "boolean", describe: "Take the next free number in the ADR directory" })
      .example("$0 renumber docs/adr/0023-use-kafka.md --next", "After a merge left two ADRs numbered 23: move this one to the next free number")
      .example("$0 renumber 23 --to 31", "ADR 0023 becomes 0031; links to it follow")
      .example("$0 renumber 23 --next --json", "Print {from, to, relinked, index, git} as JSON")
      .example("$0 renumber docs/adr/0023-use-kafka.md --next --commit", "Commit the rename and the relinked files, nothing else") as never,
  handler: async (argv) => {
    const { ctx } = argv;
    const workspace = await workspaceFor(argv);
    const cwd = commandCwd(argv);
    const { renumberAdr } = await import("../app/renumber.js");
    const { displayPath } = await import("../app/edit-files.js");
    const git = await import("../app/git-flow.js");
    // The default branch is named after the new number, known only once the move is planned.
    const flow = await git.startGitFlow(cwd, { branch: argv.branch, commit: argv.commit });
    const result = await renumberAdr(workspace, { ref: String(argv.adr), to: argv.to, next: argv.next, cwd });
    const note = `(renumbered from ${String(result.fromNumber).padStart(4, "0")})`;
    const outcome = await git.finishAdrChange(flow, workspace, { adrPath: result.toPath, others: [result.fromPath, ...result.relinked, ...result.index.updated], note });
    for (const warning of result.index.warnings) ctx.output.warn(`${ctx.output.c.yellow("warning")} ${warning}`);
    const rel = (p: string) => path.relative(workspace.root, p).split(path.sep).join("/");
    if (argv.json) {
      ctx.output.json({
        from: { path: rel(result.fromPath), number: result.fromNumber },
        to: { path: rel(result.toPath), number: result.toNumber },
        relinked: result.relinked.map(rel),
        index: result.index.updated,
        git: result.git,
        ...(flow ? { commit: outcome } : {}),
      });
    } else ctx.output.data(displayPath(result.toPath, cwd));
    ctx.output.info(`renumbered ${result.fromNumber} → ${result.toNumber}${result.git ? " (git mv)" : ""}`);
    for (const file of result.relinked) ctx.output.info(`relinked ${displayPath(file, cwd)}`);
    for (const file of result.index.updated) ctx.output.info(`updated index ${file}`);
    for (const line of git.describeGitOutcome(outcome)) ctx.output.info(line);
  },
};
