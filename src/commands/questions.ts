import type { CommandModule } from "yargs";
import type { GlobalArgs } from "./types.js";
import { withEngineFlags } from "./engine-flags.js";
import { withJson, workspaceFor } from "./shared.js";

interface QuestionsArgs extends GlobalArgs {
  title: Array<string | number>;
  json?: boolean;
  engine?: string;
  model?: string;
  option?: Array<string | number>;
}

export const questionsCommand: CommandModule<GlobalArgs, QuestionsArgs> = {
  command: "questions <title..>",
  describe: "List the clarifying questions for a decision, what the repository already answers, and their answer keys",
  builder: (yargs) =>
    withEngineFlags(withJson(yargs))
      .positional("title", { type: "string", array: true, describe: "The decision's title, as for adrgen new" })
      .option("option", { type: "string", array: true, describe: "Options to weigh (repeatable), as for adrgen new; two or more allow titles no topic matches" })
      .example('$0 questions "choose message queue"', "Keys, choices and repository answers, then a ready-to-copy --answer line")
      .example('$0 questions "Postgres or Mongo for orders" --json', "The same as JSON, for scripts") as never,
  handler: async (argv) => {
    const { ctx } = argv;
    const workspace = await workspaceFor(argv);
    const { listQuestions, formatQuestions } = await import("../app/questions.js");
    const result = await listQuestions(workspace, { title: argv.title.map(String).join(" "), options: (argv.option ?? []).map(String) }, { env: ctx.env, engineName: argv.engine, model: argv.model, progress: ctx.output.info });
    if (argv.json) ctx.output.json(result);
    else ctx.output.data(formatQuestions(result, ctx.output.c));
  },
};
