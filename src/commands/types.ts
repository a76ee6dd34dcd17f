import type { Output } from "../io/output.js";

/** What every command handler receives besides its flags: the world it runs in. */
export interface CommandContext {
  /** Directory adrgen was started in (before --cwd is applied). */
  cwd: string;
  env: NodeJS.ProcessEnv;
  output: Output;
  stdin: NodeJS.ReadableStream;
  /** Set by a handler to report findings (1) without throwing. */
  exitCode: number;
}

/** Flags every command accepts. */
export interface GlobalArgs {
  cwd?: string;
  dir?: string;
  quiet?: boolean;
  ctx: CommandContext;
}
