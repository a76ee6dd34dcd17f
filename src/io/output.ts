import type { Writable } from "node:stream";
import pc from "picocolors";

export type Colors = ReturnType<typeof pc.createColors>;

/** Where a command writes: data to stdout, everything for humans to stderr. */
export interface Output {
  /** True when stderr is a terminal and colour is allowed. */
  readonly color: boolean;
  /** Colour functions that are no-ops when colour is off. */
  readonly c: Colors;
  /** True when stdout is a terminal (interactive tables, pagers). */
  readonly stdoutIsTTY: boolean;
  /** True when a human can answer prompts. */
  readonly interactive: boolean;
  /** Writes data (a path, JSON, a table) to stdout, followed by a newline. */
  data(text: string): void;
  /** Writes a JSON document to stdout. */
  json(value: unknown): void;
  /** Progress and notes to stderr; silenced by --quiet. */
  info(text: string): void;
  /** Warnings to stderr. */
  warn(text: string): void;
  /** Errors to stderr. */
  error(text: string): void;
}

export interface OutputOptions {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  stdinIsTTY?: boolean;
  quiet?: boolean;
}

/** Colour only when stderr is a terminal, NO_COLOR is unset and we are not in CI (FORCE_COLOR wins). */
export function colorEnabled(env: NodeJS.ProcessEnv, isTTY: boolean | undefined): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.CI !== undefined && env.CI !== "" && env.CI !== "false") return false;
  if (env.TERM === "dumb") return false;
  return Boolean(isTTY);
}

/** Whether prompts may be shown: both ends are terminals and we are not in CI. */
export function interactiveEnabled(env: NodeJS.ProcessEnv, stdinIsTTY: boolean | undefined, stderrIsTTY: boolean | undefined): boolean {
  if (env.CI !== undefined && env.CI !== "" && env.CI !== "false") return false;
  return Boolean(stdinIsTTY) && Boolean(stderrIsTTY);
}

/** Builds the single stdout/stderr writer every command uses. */
export function createOutput(options: OutputOptions): Output {
  const { stdout, stderr, env } = options;
  const color = colorEnabled(env, stderr.isTTY);
  return {
    color,
    c: pc.createColors(color),
    stdoutIsTTY: Boolean(stdout.isTTY),
    interactive: interactiveEnabled(env, options.stdinIsTTY, stderr.isTTY),
    data: (text) => void stdout.write(text.endsWith("\n") ? text : `${text}\n`),
    json: (value) => void stdout.write(`${JSON.stringify(value, null, 2)}\n`),
    info: (text) => {
      if (!options.quiet) stderr.write(`${text}\n`);
    },
    warn: (text) => void stderr.write(`${text}\n`),
    error: (text) => void stderr.write(`${text}\n`),
  };
}
