import { PassThrough, Readable } from "node:stream";
import { runCli } from "../../src/cli.js";

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Pretend stdin/stderr are terminals (prompts allowed). */
  tty?: boolean;
  stdin?: string;
}

/** Runs adrgen in-process with captured streams; never touches the real terminal. */
export async function runAdrgen(args: string[], options: RunOptions): Promise<RunResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const stdin = Readable.from(options.stdin ? [options.stdin] : []) as Readable & { isTTY?: boolean };
  stdin.isTTY = options.tty ?? false;
  Object.assign(stderr, { isTTY: options.tty ?? false });
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: "1", ADRGEN_DATE: "2026-01-15", ...options.env };
  const code = await runCli(args, { cwd: options.cwd, env, stdout, stderr, stdin });
  await new Promise((resolve) => setImmediate(resolve));
  return { code, stdout: out, stderr: err };
}
