import { AdrgenError, ExitCode } from "../domain/errors.js";
import { createOutput, type Output } from "../io/output.js";
import path from "node:path";
import { startListing, type FileListing } from "../scan/listing.js";
import type { CliIo } from "../cli.js";
import type { LeanContextFlags } from "./context-argv.js";
import type { CommandContext } from "./types.js";
import { installInterruptCleanup } from "../io/interrupt.js";
import { runContext } from "./context-run.js";

/** The CLI's streams, with stdin built only if a command reads it. */
export type LeanIo = Omit<CliIo, "stdin"> & { stdinIsTTY: boolean; stdin: () => NodeJS.ReadableStream };

/**
 * Runs `adrgen context` without yargs and the other commands: bin.ts takes this path when
 * `parseLeanContextArgs` understood every argument. Same command body, output writer and error
 * report as the full CLI (test/scan/context-lean.test.ts compares both on every fixture). The
 * build bundles this module with everything it imports into dist/lean/context.js: one file
 * to load instead of some twenty chunks.
 */
export async function runLeanContext(flags: LeanContextFlags, io: LeanIo, early?: FileListing): Promise<number> {
  // git lists the repository while the rest of this function's work is set up (the scan waits for it anyway).
  const listing = early ?? startListing(path.resolve(io.cwd, flags.cwd ?? "."));
  // Ctrl-C or `kill` must not leave partial files behind; context writes none, but the signal exit codes stay the same.
  installInterruptCleanup();
  const output = createOutput({ stdout: io.stdout as never, stderr: io.stderr as never, env: io.env, stdinIsTTY: io.stdinIsTTY, quiet: flags.quiet === true });
  const ctx: CommandContext = {
    cwd: io.cwd,
    env: io.env,
    output,
    get stdin() {
      return io.stdin();
    },
    exitCode: ExitCode.ok,
  };
  try {
    await runContext({ ...flags, ctx }, listing);
    return ctx.exitCode;
  } catch (error) {
    listing.dispose();
    return reportContextError(error, output, io.env);
  }
}

/** The full CLI's error report (cli.ts `reportError`), kept here so this path does not load yargs. */
function reportContextError(error: unknown, output: Output, env: NodeJS.ProcessEnv): number {
  const debug = env.ADRGEN_DEBUG !== undefined && env.ADRGEN_DEBUG !== "" && env.ADRGEN_DEBUG !== "0";
  const { c } = output;
  if (error instanceof AdrgenError) {
    output.error(`${c.red("error")} ${error.message}`);
    if (error.hint) output.error(`${c.dim("hint")}  ${error.hint}`);
    if (debug && error.stack) output.error(error.stack);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  output.error(`${c.red("error")} ${message}`);
  if (debug && error instanceof Error && error.stack) output.error(error.stack);
  else output.error(`${c.dim("hint")}  This looks like a bug in adrgen; rerun with ADRGEN_DEBUG=1 for details and report it.`);
  return ExitCode.runtime;
}
