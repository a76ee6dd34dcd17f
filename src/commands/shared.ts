import path from "node:path";
import type { Argv } from "yargs";
import type { Workspace } from "../config/workspace.js";
import type { GlobalArgs } from "./types.js";

/** Adds `--json` to a read command. */
export function withJson<T>(yargs: Argv<T>): Argv<T & { json: boolean | undefined }> {
  return yargs.option("json", { type: "boolean", describe: "Print machine-readable JSON on stdout" });
}

/** Resolves the workspace (root, config, ADR dirs) from the global flags. */
export async function workspaceFor(argv: GlobalArgs): Promise<Workspace> {
  const { resolveWorkspace } = await import("../config/workspace.js");
  return resolveWorkspace({ cwd: argv.ctx.cwd, cwdFlag: argv.cwd, dirFlag: argv.dir });
}

/** The directory the command acts in: `--cwd` resolved against where adrgen was started. */
export function commandCwd(argv: GlobalArgs): string {
  return argv.cwd ? path.resolve(argv.ctx.cwd, argv.cwd) : argv.ctx.cwd;
}
