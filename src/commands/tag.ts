import type { CommandModule } from "yargs";
import type { GlobalArgs } from "./types.js";
import { withGitFlags } from "./git-flags.js";
import { commandCwd, withJson, workspaceFor } from "./shared.js";

interface TagArgs extends GlobalArgs {
  adr: string;
  add?: Array<string | number>;
  remove?: Array<string | number>;
  json?: boolean;
  branch?: string;
  commit?: boolean;
}

export const tagCommand: CommandModule<GlobalArgs, TagArgs> = {
  command: "tag <adr>",
  describe: "Show, add or remove an ADR's tags, in the style its file already uses",
  builder: (yargs) =>
    withGitFlags(withJson(yargs))
      .positional("adr", { type: "string", describe: "ADR number (7, 0007) or path" })
      .option("add", { alias: "a", type: "string", array: true, describe: "Tag to add (repeatable or comma-separated); normalised to lower-case-kebab" })
      .option("remove", { alias: "r", type: "string", array: true, describe: "Tag to remove (repeatable or comma-separated)" })
      .example("$0 tag 7", "Print ADR 0007's tags, one per line")
      .example("$0 tag 7 --add security --add 'event sourcing'", "Add the tags security and event-sourcing")
      .example("$0 tag 7 --remove legacy --json", "Remove a tag; print {path, number, from, to}")
      .example("$0 tag 7 --add api --branch --commit", "On a new branch adr/0007-…, commit only the ADR (and the index)") as never,
  handler: async (argv) => {
    const { ctx } = argv;
    const workspace = await workspaceFor(argv);
    const cwd = commandCwd(argv);
    const { changeTags, wouldChangeTags } = await import("../app/tag.js");
    const { displayPath } = await import("../app/edit-files.js");
    const { visibleText } = await import("../domain/visible-text.js");
    // Tags written by hand may hold anything; the terminal gets them as visible text.
    const shown = (tags: string[]) => visibleText(tags.join(", ")) || "(none)";
    const editing = (argv.add?.length ?? 0) + (argv.remove?.length ?? 0) > 0;
    if (!editing && (argv.branch !== undefined || argv.commit)) {
      const { usageError } = await import("../domain/errors.js");
      throw usageError("--branch and --commit need a change: give --add or --remove.", "For example: adrgen tag 7 --add security --branch --commit");
    }
    const git = await import("../app/git-flow.js");
    const options = { ref: String(argv.adr), add: argv.add ?? [], remove: argv.remove ?? [], cwd };
    // The change is computed before any branch is made: tags already as asked leave git alone.
    const flow = editing && (await wouldChangeTags(workspace, options)) ? await git.startAdrChange(workspace, cwd, { branch: argv.branch, commit: argv.commit }, String(argv.adr)) : null;
    const result = await changeTags(workspace, options);
    const outcome = flow ? await git.finishAdrChange(flow, workspace, { adrPath: result.path, others: result.index.updated, note: `(tags: ${result.to.join(", ") || "none"})` }) : null;
    for (const warning of result.index.warnings) ctx.output.warn(`${ctx.output.c.yellow("warning")} ${warning}`);
    if (argv.json) ctx.output.json({ path: result.relPath, number: result.number, from: result.from, to: result.to, ...(flow && outcome ? { git: outcome } : {}) });
    else if (!editing) {
      if (result.to.length > 0) ctx.output.data(result.to.map((t) => visibleText(t)).join("\n"));
      else ctx.output.info(`${displayPath(result.path, cwd)} has no tags.`);
    } else ctx.output.data(displayPath(result.path, cwd));
    if (editing) ctx.output.info(result.changed ? `tags: ${shown(result.from)} → ${shown(result.to)}` : `tags are already ${shown(result.to)}; nothing changed`);
    for (const file of result.index.updated) ctx.output.info(`updated index ${file}`);
    if (outcome) for (const line of git.describeGitOutcome(outcome)) ctx.output.info(line);
    else if (editing && (argv.branch !== undefined || argv.commit)) ctx.output.info("nothing changed; no branch or commit made");
  },
};
