import { AdrgenError, ExitCode } from "../domain/errors.js";
import { createOutput } from "../io/output.js";
import { reportError } from "../io/report-error.js";
import path from "node:path";
import { startListing } from "../scan/listing.js";
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
 * build bundles this module with everything it imports into dist/lean/context.cjs: one file
 * to load instead of some twenty chunks.
 */
export async function runLeanContext(flags: LeanContextFlags, io: LeanIo): Promise<number> {
  // git lists the repository while the rest of this function's work is set up (the scan waits for it anyway).
  const listing = startListing(path.resolve(io.cwd, flags.cwd ?? "."));
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
    return reportError(error, output, io.env);
  }
}
