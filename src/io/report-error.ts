import { AdrgenError, ExitCode } from "../domain/errors.js";
import type { Output } from "./output.js";

/** Prints an error the way users should see it (message, hint; a stack only with ADRGEN_DEBUG) and returns its exit code. */
export function reportError(error: unknown, output: Output, env: NodeJS.ProcessEnv): number {
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
