import yargs, { type Argv } from "yargs";
import { firstPositional } from "./commands/argv-command.js";
import { commands } from "./commands/index.js";
import type { CommandContext } from "./commands/types.js";
import { AdrgenError, ExitCode, usageError } from "./domain/errors.js";
import { createOutput } from "./io/output.js";
import { reportError } from "./io/report-error.js";
import { VERSION } from "./version.js";

/** The streams and environment a run of adrgen talks to; tests pass their own. */
export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
}

export const HELP_WIDTH = 90;

/** Builds the yargs parser with every command registered. */
export function buildParser(): Argv {
  let parser = yargs()
    .scriptName("adrgen")
    .usage("$0 <command> [options]\n\nWrite and maintain Architecture Decision Records from your repository's real context.")
    .version(VERSION)
    .alias("version", "V")
    .help()
    .alias("help", "h")
    .option("cwd", { type: "string", describe: "Run as if adrgen was started in this directory", global: true })
    .option("dir", { type: "string", describe: "ADR directory (overrides config and discovery)", global: true })
    .option("quiet", { alias: "q", type: "boolean", describe: "Print only data and errors", global: true })
    .strict()
    .demandCommand(1, "Name a command; run adrgen --help to see them all.")
    .recommendCommands()
    .wrap(HELP_WIDTH)
    .epilogue("Exit codes: 0 ok, 1 findings (lint/check), 2 bad usage or input, 3 runtime failure.")
    .exitProcess(false)
    .middleware(skipHelpCache as never, false);
  for (const command of commands) parser = parser.command(command as never);
  return parser;
}

/**
 * yargs renders the whole help text after every command handler starts, only so that a
 * handler could call showHelp() later; none of ours does, and it costs ~15 ms per run.
 */
function skipHelpCache(_argv: unknown, instance: { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } }): void {
  const usage = instance.getInternalMethods?.().getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === "function") usage.cacheHelpMessage = () => {};
}

/** Runs adrgen with the given arguments; resolves to the exit code. Never calls process.exit. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const output = createOutput({
    stdout: io.stdout as never,
    stderr: io.stderr as never,
    env: io.env,
    stdinIsTTY: io.stdin.isTTY,
    quiet: argv.includes("--quiet") || argv.includes("-q"),
  });
  const ctx: CommandContext = { cwd: io.cwd, env: io.env, output, stdin: io.stdin, exitCode: ExitCode.ok };
  let helpText = "";
  try {
    const parser = buildParser()
      .fail((message: string | null, error: Error | undefined) => {
        if (error) throw error;
        const text = message?.startsWith("Did you mean") ? `Unknown command "${firstPositional(argv)}". ${message}` : message;
        throw usageError(text ?? "Invalid arguments.", "Run adrgen --help, or adrgen <command> --help.");
      });
    await parser.parseAsync(argv, { ctx }, (_err: unknown, _args: unknown, text: string) => {
      helpText = text;
    });
    if (helpText) io.stdout.write(`${helpText}\n`);
    return ctx.exitCode;
  } catch (error) {
    return reportError(error, output, io.env);
  }
}

export { reportError };
