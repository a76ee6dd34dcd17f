import type { CommandModule } from "yargs";
import { usageError } from "../domain/errors.js";
import type { MergeReport } from "../render/merge-sections.js";
import type { GlobalArgs } from "./types.js";
import { withEngineFlags } from "./engine-flags.js";
import { withGitFlags } from "./git-flags.js";
import { commandCwd, workspaceFor } from "./shared.js";

interface ReviseArgs extends GlobalArgs {
  adr: string | number;
  answer?: string[];
  answers?: string;
  title?: string;
  feedback?: string;
  rescan?: boolean;
  dryRun?: boolean;
  exitCode?: boolean;
  yes?: boolean;
  engine?: string;
  model?: string;
  overwriteEdited?: boolean;
  supersede?: boolean;
  adopt?: boolean;
  json?: boolean;
  branch?: string;
  commit?: boolean;
}

export const reviseCommand: CommandModule<GlobalArgs, ReviseArgs> = {
  command: "revise <adr>",
  describe: "Re-decide an ADR with the repository as it is now and new answers, keeping what people edited",
  builder: (yargs) =>
    withEngineFlags(withGitFlags(yargs))
      .positional("adr", { type: "string", describe: "The ADR's number or path" })
      .option("answer", { type: "string", array: true, describe: "A new or changed answer: key=value (repeatable; see adrgen questions)" })
      .option("answers", { type: "string", describe: "YAML or JSON file mapping answer keys to values" })
      .option("title", { type: "string", describe: "A new title (default: keep the ADR's title)" })
      .option("feedback", { type: "string", describe: "Free-text feedback for the engine (the offline engine says what it cannot use)" })
      .option("rescan", { type: "boolean", default: true, describe: "Rescan the repository and report what changed; --no-rescan decides on the technologies the ADR recorded" })
      .option("dry-run", { type: "boolean", describe: "Print the diff and write nothing" })
      .option("exit-code", { type: "boolean", describe: "With --dry-run: exit 1 when the revision would change the ADR (for CI)" })
      .option("yes", { alias: "y", type: "boolean", describe: "Write without asking" })
      .option("overwrite-edited", { type: "boolean", describe: "Replace sections people edited with the generated text too" })
      .option("supersede", { type: "boolean", describe: "Write the revision as a new ADR that supersedes this one (for accepted ADRs)" })
      .option("adopt", { type: "boolean", describe: "Take over an ADR adrgen did not write: convert it to MADR 4 (all text kept) and add the adrgen block" })
      .option("json", { type: "boolean", describe: "Print a JSON summary instead of the diff" })
      .conflicts("dry-run", "yes")
      .example("$0 revise 7", "Rescan, re-decide, show the diff and ask before writing")
      .example("$0 revise 7 --answer scale.rps=10k-100k --yes", "Re-decide with a changed requirement and write")
      .example("$0 revise 7 --dry-run --exit-code", "In CI: fail when ADR 7 is out of date with the repository")
      .example("$0 revise 3 --supersede --yes", "Write the revision as a new ADR that supersedes accepted ADR 3")
      .example("$0 revise docs/adr/0002-use-kafka.md --adopt --yes", "Convert a Nygard or MADR 2/3 ADR and add the adrgen block")
      .example("$0 revise docs/adr/20210101-use-kafka.md --adopt --yes", "A log4brains ADR: also renamed to the next free number, NNNN-use-kafka.md")
      .example("$0 revise 7 --engine anthropic --model claude-haiku-5-5 --dry-run", "Re-decide with a chosen Claude model; show the diff only")
      .example("$0 revise 7 --yes --branch --commit", "On a new branch adr/0007-…, commit only the revised ADR (and the index)") as never,
  handler: async (argv) => {
    const { ctx } = argv;
    if (argv.exitCode && !argv.dryRun) throw usageError("--exit-code works with --dry-run only.", "Run adrgen revise N --dry-run --exit-code.");
    const workspace = await workspaceFor(argv);
    const cwd = commandCwd(argv);
    const { reviseAdr } = await import("../app/revise.js");
    const { colorDiff } = await import("../app/revise-diff.js");
    const showDiff = (diff: string) => {
      if (!argv.json) ctx.output.data(ctx.output.stdoutIsTTY ? colorDiff(diff, ctx.output.c).trimEnd() : diff.trimEnd());
    };
    let shown = false;
    const confirm = ctx.output.interactive
      ? async (diff: string) => {
          showDiff(diff);
          shown = true;
          const { confirmWrite } = await import("../app/revise-confirm.js");
          return confirmWrite({ input: ctx.stdin, output: process.stderr });
        }
      : undefined;
    const git = await import("../app/git-flow.js");
    const flow = argv.dryRun ? null : await git.startAdrChange(workspace, cwd, { branch: argv.branch, commit: argv.commit }, String(argv.adr));
    const result = await reviseAdr(
      workspace,
      {
        ref: String(argv.adr),
        answers: argv.answer ?? [],
        answersFile: argv.answers,
        title: argv.title,
        feedback: argv.feedback,
        rescan: argv.rescan !== false,
        dryRun: Boolean(argv.dryRun),
        yes: Boolean(argv.yes),
        engine: argv.engine,
        model: argv.model,
        overwriteEdited: Boolean(argv.overwriteEdited),
        supersede: Boolean(argv.supersede),
        adopt: Boolean(argv.adopt),
      },
      { cwd, env: ctx.env, progress: ctx.output.info, confirm },
    );
    const outcome = result.written
      ? await git.finishAdrChange(flow, workspace, {
          adrPath: result.superseding?.path ?? result.path,
          others: [...(result.superseding ? [result.path] : []), ...(result.renamedFrom ? [result.renamedFrom] : []), ...(result.relinked ?? []), ...result.indexUpdated],
          note: result.superseding ? `(supersedes ${String(result.number).padStart(4, "0")})` : "(revised)",
        })
      : {};
    const warn = (text: string) => ctx.output.warn(`${ctx.output.c.yellow("warning")} ${text}`);
    for (const warning of result.warnings) warn(warning);
    for (const line of git.describeGitOutcome(outcome)) ctx.output.info(line);
    for (const note of result.notes) ctx.output.info(note);
    for (const change of result.contextChanges) ctx.output.info(`Context: ${change.message}`);
    if (result.changed) reportMerge(result.report, ctx.output.info, warn);
    if (argv.json) {
      ctx.output.json({
        path: result.relPath,
        number: result.number,
        changed: result.changed,
        written: result.written,
        chosen: result.chosen,
        previousChosen: result.previousChosen,
        keptEdited: result.report.keptEdited,
        keptAdded: result.report.keptAdded,
        contextChanges: result.contextChanges.map(({ name, kind, files }) => ({ name, kind, files })),
        ...(result.superseding ? { superseding: result.superseding.relPath } : {}),
        ...(result.renamedFrom ? { renamedFrom: result.renamedFrom } : {}),
        diff: result.diff,
      });
    }
    if (!result.changed) {
      ctx.output.info(`${result.relPath} is up to date: nothing to revise.`);
      return;
    }
    if (!shown) showDiff(result.diff);
    if (result.previousChosen !== result.chosen) ctx.output.info(`Chosen: ${result.chosen} (was ${result.previousChosen ?? "not stated"}).`);
    if (argv.dryRun) {
      ctx.output.info("Dry run: nothing was written.");
      if (argv.exitCode) ctx.exitCode = 1;
      return;
    }
    if (result.needsConfirmation) {
      throw usageError("Nothing was written: there is no terminal to confirm the change.", "Pass --yes to write it, or --dry-run to only show the diff.");
    }
    if (result.declined) {
      ctx.output.info("Nothing was written.");
      return;
    }
    if (result.superseding) ctx.output.info(`Wrote ${result.superseding.relPath}, which supersedes ${result.relPath}.`);
    else if (result.renamedFrom) ctx.output.info(`Adopted ${result.renamedFrom} as ${result.relPath}${result.relinked?.length ? `; relinked ${result.relinked.length} file(s)` : ""}.`);
    else ctx.output.info(`Revised ${result.relPath}.`);
    for (const file of result.indexUpdated) ctx.output.info(`Updated the index ${file}`);
  },
};

/** Tells which sections the merge kept from people and which it replaced. */
function reportMerge(report: MergeReport, info: (text: string) => void, warn: (text: string) => void): void {
  if (report.keptEdited.length > 0) info(`Kept your edits in: ${report.keptEdited.join("; ")} (use --overwrite-edited to replace them).`);
  if (report.keptAdded.length > 0) info(`Kept the sections people added: ${report.keptAdded.join("; ")}.`);
  if (report.keptDeleted.length > 0) info(`Left out sections people deleted: ${report.keptDeleted.join("; ")}.`);
  if (report.overwritten.length > 0) warn(`Replaced edited sections: ${report.overwritten.join("; ")}.`);
}
