import path from "node:path";
import type { CommandModule } from "yargs";
import { usageError } from "../domain/errors.js";
import type { GlobalArgs } from "./types.js";
import { commandCwd, workspaceFor } from "./shared.js";

interface CheckArgs extends GlobalArgs {
  base?: string;
  strict?: boolean;
  json?: boolean;
  format?: string;
  drift?: boolean;
  requireAdr?: boolean;
}

const FORMATS = ["human", "github"] as const;

export const checkCommand: CommandModule<GlobalArgs, CheckArgs> = {
  command: "check",
  describe: "The CI check: lint, numbers reused from the base branch, stale index, drift",
  builder: (yargs) =>
    yargs
      .option("base", { type: "string", describe: "Git ref of the target branch (e.g. origin/main): fail on ADR numbers it already uses" })
      .option("strict", { type: "boolean", describe: "Fail (exit 1) on warnings too" })
      .option("json", { type: "boolean", describe: "Print {files, errors, warnings, findings} as JSON" })
      .option("format", { type: "string", choices: [...FORMATS], describe: "human (default) or github (workflow annotations on stdout)" })
      .option("require-adr", { type: "boolean", describe: "With --base: fail on stack changes (datastore, broker, framework, …) no ADR covers (default: warn)" })
      .option("drift", { type: "boolean", default: true, describe: "Scan the repository for drift (--no-drift skips it)" })
      .example("$0 check", "Lint every ADR, check the index and look for drift")
      .example("$0 check --base origin/main", "Also fail on ADR numbers main already uses")
      .example("$0 check --base origin/${{ github.base_ref }} --format github", "In GitHub Actions: findings become annotations")
      .example("$0 check --strict --json", "Fail on warnings (drift, placeholders) too; print JSON") as never,
  handler: async (argv) => {
    const { ctx } = argv;
    if (argv.json && argv.format === "github") throw usageError("--json and --format github cannot be combined.", "Pick one output format.");
    if (argv.requireAdr && argv.base === undefined) throw usageError("--require-adr needs --base, the ref the branch is compared with.", "e.g. adrgen check --base origin/main --require-adr");
    if (argv.base !== undefined && argv.base.trim() === "") throw usageError("--base needs a git ref, e.g. --base origin/main.");
    const workspace = await workspaceFor(argv);
    const { checkAdrs } = await import("../app/check.js");
    const { checkFails, checkJson, githubAnnotation } = await import("../app/check-format.js");
    const { formatFinding, formatSummary } = await import("../app/lint-format.js");
    const cwd = commandCwd(argv);
    const report = await checkAdrs({ base: argv.base, drift: argv.drift !== false, requireAdr: argv.requireAdr === true }, { workspace });
    for (const id of report.unknownRules) ctx.output.warn(`${ctx.output.c.yellow("warning")} lint.rules names unknown rule "${id}".`);
    if (argv.json) ctx.output.json(checkJson(report));
    else if (argv.format === "github") for (const finding of report.findings) ctx.output.data(githubAnnotation(finding));
    else {
      for (const finding of report.findings) {
        const file = path.relative(cwd, path.resolve(workspace.root, finding.file)).split(path.sep).join("/") || finding.file;
        ctx.output.data(formatFinding({ ...finding, file }, ctx.output.c));
      }
    }
    if (report.files === 0) ctx.output.info(`No ADRs found in ${workspace.dirs.map((dir) => dir.rel).join(", ")}; adrgen init creates the first one.`);
    ctx.output.info(formatSummary(report));
    if (checkFails(report, Boolean(argv.strict))) ctx.exitCode = 1;
  },
};
