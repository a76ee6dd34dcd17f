import type { CommandModule } from "yargs";
import type { GlobalArgs } from "./types.js";
import { withGitFlags } from "./git-flags.js";
import { commandCwd, withJson, workspaceFor } from "./shared.js";

interface SupersedeArgs extends GlobalArgs {
  old: string;
  new: string;
  json?: boolean;
  branch?: string;
  commit?: boolean;
}

export const supersedeCommand: CommandModule<GlobalArgs, SupersedeArgs> = {
  command: "supersede <old> <new>",
  describe: "Mark an ADR superseded by another; both files are updated",
  builder: (yargs) =>
    withGitFlags(withJson(yargs))
      .positional("old", { type: "string", describe: "The ADR being replaced (number or path)" })
      .positional("new", { type: "string", describe: "The ADR that replaces it (number or path)" })
      .example("$0 supersede 3 7", "ADR 0003 becomes 'superseded by' 0007; 0007 records 'Supersedes' 0003")
      .example("$0 supersede 3 7 --commit", "Commit both files (and the index) and nothing else") as never,
  handler: async (argv) => {
    const { ctx } = argv;
    const workspace = await workspaceFor(argv);
    const cwd = commandCwd(argv);
    const { supersedeAdr } = await import("../app/relations.js");
    const { displayPath } = await import("../app/edit-files.js");
    const git = await import("../app/git-flow.js");
    const flow = await git.startAdrChange(workspace, cwd, { branch: argv.branch, commit: argv.commit }, String(argv.new));
    const result = await supersedeAdr(workspace, { oldRef: String(argv.old), newRef: String(argv.new) }, { cwd });
    const note = `supersedes ${result.old.number === null ? result.old.relPath : String(result.old.number).padStart(4, "0")}`;
    const outcome = await git.finishAdrChange(flow, workspace, { adrPath: result.new.path, others: [result.old.path, ...result.index.updated], note });
    for (const warning of result.index.warnings) ctx.output.warn(`${ctx.output.c.yellow("warning")} ${warning}`);
    const side = (s: typeof result.old) => ({ path: s.relPath, number: s.number, changed: s.changed });
    if (argv.json) ctx.output.json({ old: side(result.old), new: side(result.new), index: result.index.updated, ...(flow ? { git: outcome } : {}) });
    else ctx.output.data([displayPath(result.old.path, cwd), displayPath(result.new.path, cwd)].join("\n"));
    if (!result.old.changed && !result.new.changed) ctx.output.info("both files already record this; nothing changed");
    for (const file of result.index.updated) ctx.output.info(`updated index ${file}`);
    for (const line of git.describeGitOutcome(outcome)) ctx.output.info(line);
  },
};
