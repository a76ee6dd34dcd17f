import path from "node:path";
import type { CommandModule } from "yargs";
import { KNOWN_STATUSES } from "../domain/adr.js";
import { usageError } from "../domain/errors.js";
import type { GlobalArgs } from "./types.js";
import { withEngineFlags } from "./engine-flags.js";
import { withGitFlags } from "./git-flags.js";
import { commandCwd, workspaceFor } from "./shared.js";

interface NewArgs extends GlobalArgs {
  title: Array<string | number>;
  blank?: boolean;
  template?: string;
  status?: string;
  supersedes?: Array<string | number>;
  link?: string[];
  dryRun?: boolean;
  stdout?: boolean;
  json?: boolean;
  answer?: string[];
  answers?: string;
  yes?: boolean;
  option?: Array<string | number>;
  engine?: string;
  model?: string;
  printPrompt?: boolean;
  branch?: string;
  commit?: boolean;
  tag?: Array<string | number>;
}

export const newCommand: CommandModule<GlobalArgs, NewArgs> = {
  command: "new <title..>",
  describe: "Decide and write the next numbered ADR (NNNN-slug.md): scan, clarify, weigh options, recommend",
  builder: (yargs) =>
    withEngineFlags(withGitFlags(yargs))
      .positional("title", { type: "string", array: true, describe: "The decision's title (quote it, or give several words)" })
      .option("blank", { type: "boolean", describe: "Write the template with placeholders to fill in by hand (no advisor)" })
      .option("answer", { type: "string", array: true, describe: "Answer a clarifying question: key=value (repeatable; see adrgen questions)" })
      .option("answers", { type: "string", describe: "YAML or JSON file mapping answer keys to values" })
      .option("yes", { alias: "y", type: "boolean", describe: "Never prompt: unanswered questions become stated assumptions" })
      .option("option", { type: "string", array: true, describe: "An option to weigh (repeatable); needed for topics the knowledge base lacks" })
      .option("print-prompt", { type: "boolean", describe: "Print the requests the Anthropic engine would send (redacted) and stop: nothing is sent or written" })
      .option("template", { type: "string", describe: "madr4 (default), madr4-minimal, nygard, a name from config templates, or a .hbs path" })
      .option("status", { type: "string", choices: [...KNOWN_STATUSES], default: "proposed", describe: "Status of the new ADR" })
      .option("supersedes", { type: "string", array: true, describe: "Number of an ADR this one supersedes (repeatable)" })
      .option("link", { type: "string", array: true, describe: 'Link to another ADR: N or N:"relates to" (repeatable)' })
      .option("tag", { type: "string", array: true, describe: "Tag the ADR (repeatable or comma-separated); normalised to lower-case-kebab" })
      .option("dry-run", { type: "boolean", describe: "Write nothing: print the generated ADR (with --blank: the path it would create)" })
      .option("stdout", { type: "boolean", describe: "Print the ADR's markdown instead of writing it" })
      .option("json", { type: "boolean", describe: "Print {path, number, title, topic, chosen, assumptions} as JSON" })
      .conflicts("dry-run", "stdout")
      .example('$0 new "choose message queue"', "Scan, ask what the repository cannot answer, write the decision")
      .example('$0 new "Kafka vs RabbitMQ" --yes --answer message-broker.replay=yes', "No prompts: unanswered questions become stated assumptions")
      .example('$0 new "choose message queue" --answers answers.yaml --dry-run', "Answers from a file; print the ADR, write nothing")
      .example('$0 new "Use PostgreSQL for persistence" --blank', "Create docs/adr/NNNN-use-postgresql-for-persistence.md")
      .example('$0 new "Choose a message broker" --blank --template nygard', "Use the adr-tools (Nygard) layout")
      .example('$0 new "Move to Kafka" --blank --supersedes 3 --link 5:"relates to"', "State relations to earlier ADRs")
      .example('$0 new "Try Redis" --blank --stdout', "Print the ADR without writing it")
      .example('$0 new "Adopt OAuth2" --blank --tag security --tag api', "Write tags: [security, api] into the front matter")
      .example('$0 new "choose message queue" --yes --branch --commit', "On a new branch adr/NNNN-slug, commit only the files adrgen wrote") as never,
  handler: async (argv) => {
    const { ctx } = argv;
    if (!argv.blank) return generate(argv);
    const { blankTags } = await import("../app/tag-args.js");
    const tags = await blankTags({ tags: argv.tag ?? [], answers: (argv.answer ?? []).map(String), answersFile: argv.answers }, commandCwd(argv));
    const workspace = await workspaceFor(argv);
    const { newAdrWithRelations } = await import("../app/new-with-relations.js");
    const cwd = commandCwd(argv);
    const git = await import("../app/git-flow.js");
    const flow = argv.dryRun || argv.stdout ? null : await git.startGitFlow(cwd, { branch: argv.branch, commit: argv.commit });
    const result = await newAdrWithRelations(
      workspace,
      {
        title: argv.title.map(String).join(" "),
        template: argv.template,
        status: argv.status,
        supersedes: argv.supersedes ?? [],
        links: argv.link ?? [],
        dryRun: Boolean(argv.dryRun || argv.stdout),
        blank: true,
        tags,
      },
      { cwd, env: ctx.env },
    );
    if (argv.stdout) {
      ctx.output.data(result.text);
      return;
    }
    const shown = path.relative(ctx.cwd, result.path).split(path.sep).join("/");
    if (argv.json) ctx.output.json({ path: shown, number: result.number, title: result.title, ...(result.written ? {} : { dryRun: true }) });
    else ctx.output.data(shown);
    if (!result.written) ctx.output.info("Dry run: nothing was written.");
    if (result.written) for (const relation of result.relations) ctx.output.info(`Recorded: ${relation.type} ADR ${relation.target.number} (${relation.target.fileName})`);
    for (const file of result.indexUpdated) ctx.output.info(`Updated the index ${file}`);
    for (const warning of result.warnings) ctx.output.warn(`${ctx.output.c.yellow("warning")} ${warning}`);
    const others = [...result.relations.map((relation) => relation.target.path), ...result.indexUpdated];
    if (result.written) for (const line of git.describeGitOutcome(await git.finishAdrChange(flow, workspace, { adrPath: result.path, others }))) ctx.output.info(line);
  },
};

/** `new` without --blank: the advisor decides and the ADR is written (or printed). */
async function generate(argv: NewArgs): Promise<void> {
  const { ctx } = argv;
  if ((argv.supersedes?.length ?? 0) > 0 || (argv.link?.length ?? 0) > 0) {
    throw usageError("--supersedes and --link work with --blank only for now.", "Generate the ADR first, then run adrgen supersede OLD NEW or adrgen link FROM TO.");
  }
  const tags = await tagsOf(argv);
  const workspace = await workspaceFor(argv);
  const cwd = commandCwd(argv);
  // One import at a time: Jest's ESM loader races on modules that parallel imports share.
  const { generateAdr } = await import("../app/generate-adr.js");
  const { createInquirerPrompter } = await import("../clarify/prompt.js");
  // Prompts draw on the real terminal's stderr so stdout keeps only the path or JSON.
  const prompter = ctx.output.interactive && !argv.yes ? createInquirerPrompter({ input: ctx.stdin, output: process.stderr }) : undefined;
  const dryRun = Boolean(argv.dryRun || argv.stdout);
  const { selectEngine } = await import("../engines/select.js");
  const engine = await selectEngine({
    name: argv.engine,
    env: ctx.env,
    config: workspace.config,
    model: argv.model,
    // The spinner draws on the terminal's stderr only; elsewhere progress is plain lines.
    progress: { line: ctx.output.info, terminal: ctx.output.interactive && process.stderr.isTTY ? process.stderr : undefined },
    printPrompt: argv.printPrompt ? ctx.output.data : undefined,
  });
  const { engineUsage, isPromptPrinted } = await import("../engines/anthropic/index.js");
  const git = await import("../app/git-flow.js");
  const flow = dryRun || argv.printPrompt ? null : await git.startGitFlow(cwd, { branch: argv.branch, commit: argv.commit });
  const generated = generateAdr(
    workspace,
    {
      title: argv.title.map(String).join(" "),
      answers: argv.answer ?? [],
      answersFile: argv.answers,
      yes: Boolean(argv.yes),
      options: (argv.option ?? []).map(String),
      template: argv.template,
      status: argv.status,
      engine: argv.engine,
      dryRun,
      tags,
    },
    { cwd, env: ctx.env, prompter: argv.printPrompt ? undefined : prompter, progress: ctx.output.info, engine },
  );
  const result = await generated.catch((error: unknown) => {
    if (isPromptPrinted(error)) return undefined;
    throw error;
  });
  if (!result) return void ctx.output.info("Printed the requests the Anthropic engine would send; nothing was sent or written.");
  const usage = engineUsage(engine);
  for (const note of result.notes) ctx.output.info(note);
  const shown = path.relative(ctx.cwd, result.path).split(path.sep).join("/");
  if (argv.json) {
    ctx.output.json({ path: shown, number: result.number, title: result.title, topic: result.topic, chosen: result.chosen, assumptions: result.assumptions, ...(usage ? { usage } : {}), ...(result.written ? {} : { dryRun: true }) });
  } else if (dryRun) ctx.output.data(result.text);
  else ctx.output.data(shown);
  if (!result.written) ctx.output.info(`Dry run: nothing was written (would be ${shown}).`);
  else ctx.output.info(`Chosen: ${result.chosen}. ${result.assumptions.length} assumptions are stated in the ADR.`);
  for (const file of result.indexUpdated) ctx.output.info(`Updated the index ${file}`);
  for (const warning of result.warnings) ctx.output.warn(`${ctx.output.c.yellow("warning")} ${warning}`);
  if (result.written) for (const line of git.describeGitOutcome(await git.finishAdrChange(flow, workspace, { adrPath: result.path, others: result.indexUpdated }))) ctx.output.info(line);
}

/** `--tag` values checked and normalised before anything runs (a bad tag is exit 2). */
async function tagsOf(argv: NewArgs): Promise<string[]> {
  if (!argv.tag || argv.tag.length === 0) return [];
  const { normalizeTagArgs } = await import("../app/tag-args.js");
  return normalizeTagArgs(argv.tag);
}
