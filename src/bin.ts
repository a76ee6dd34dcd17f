#!/usr/bin/env node
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseLeanContextArgs } from "./commands/context-argv.js";

// Help and version are answered from text generated at build time, so `adrgen --help`
// costs little more than starting Node; every real command loads the full CLI.
function fastAnswer(argv: string[]): string | undefined {
  if (process.env.ADRGEN_NO_FAST_HELP) return undefined;
  let help: Record<string, string>;
  try {
    help = JSON.parse(readFileSync(new URL("./help.json", import.meta.url), "utf8")) as Record<string, string>;
  } catch {
    return undefined;
  }
  const [first, second, ...rest] = argv;
  if (rest.length > 0) return undefined;
  const isHelp = (arg: string | undefined) => arg === "--help" || arg === "-h";
  if (argv.length === 1 && (first === "--version" || first === "-V")) return help["--version"];
  if (argv.length === 1 && isHelp(first)) return help[""];
  if (argv.length === 2 && first !== undefined && isHelp(second)) return help[first];
  if (argv.length === 2 && first === "help" && second !== undefined) return help[second];
  return undefined;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  // Checked before the help text is read: a lean `context` run never asks for help.
  const lean = process.env.ADRGEN_NO_LEAN_CONTEXT ? undefined : parseLeanContextArgs(argv);
  if (lean) {
    // `context` spends most of its time listing files and loading code: git starts before
    // anything else is loaded, and yargs with the other commands is never loaded at all.
    const { startListing } = await import("./scan/listing.js");
    const listing = startListing(path.resolve(process.cwd(), lean.cwd ?? "."));
    // The whole path in one file, built beside this one by scripts/build.mjs (a URL, so esbuild leaves it alone).
    const leanModule: typeof import("./commands/context-lean.js") = await import(new URL("./lean/context.js", import.meta.url).href);
    // process.stdin is built on first access (milliseconds); context never reads it, only asks whether it is a terminal.
    const { isatty } = await import("node:tty");
    const io = { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr, stdinIsTTY: isatty(0), stdin: () => process.stdin };
    process.exitCode = await leanModule.runLeanContext(lean, io, listing);
    return;
  }
  const text = fastAnswer(argv);
  if (text !== undefined) {
    process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
    return;
  }
  // Ctrl-C or `kill` must not leave a half-written ADR, a temp file or the directory lock behind.
  const { installInterruptCleanup } = await import("./io/interrupt.js");
  installInterruptCleanup();
  const { runCli } = await import("./cli.js");
  process.exitCode = await runCli(argv, { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
}

// A broken pipe (adrgen list | head) is not an error worth a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

main().catch((error: unknown) => {
  process.stderr.write(`error ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(3);
});
