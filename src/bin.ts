#!/usr/bin/env node
import { existsSync, readFileSync } from "node:fs";
import module from "node:module";
import { fileURLToPath } from "node:url";
import { firstPositional } from "./commands/argv-command.js";
import { parseLeanContextArgs, type LeanContextFlags } from "./commands/context-argv.js";
import { allowLongScanHint, longScanHintApplied } from "./io/jit-hint.js";

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

/**
 * `adrgen context` without yargs and the other commands: one CommonJS bundle (dist/lean/context.cjs)
 * loaded with the V8 code cache the build made beside it, so a run deserialises compiled code
 * instead of compiling it (see io/code-cache.ts).
 */
async function runLean(flags: LeanContextFlags): Promise<number> {
  const { loadCachedBundle, loadedCacheStates, saveLoadedCaches } = await import("./io/code-cache.js");
  const bundle = loadCachedBundle<typeof import("./commands/context-lean.js")>(fileURLToPath(new URL("./lean/context.cjs", import.meta.url)), {
    scriptName: "adrgen/dist/lean/context.cjs",
    ascii: true,
  });
  // process.stdin is built on first access (milliseconds); context never reads it, only asks whether it is a terminal.
  const { isatty } = await import("node:tty");
  const io = { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr, stdinIsTTY: isatty(0), stdin: () => process.stdin };
  const code = await bundle.exports.runLeanContext(flags, io);
  afterCachedRun(loadedCacheStates, saveLoadedCaches);
  return code;
}

/** ADRGEN_DEBUG lists what each bundle did with its cache; the build's warm-up runs save the caches. */
function afterCachedRun(states: () => Array<{ name: string; cache: string }>, save: () => unknown): void {
  const debug = process.env.ADRGEN_DEBUG;
  if (debug && debug !== "0") {
    for (const { name, cache } of states()) process.stderr.write(`debug ${name}: code cache ${cache}\n`);
    if (longScanHintApplied()) process.stderr.write("debug large scan: V8 optimises later (--interrupt-budget)\n");
  }
  // The build runs warm-ups with this set and ships the caches of everything they compiled (the lean
  // bundles and, as the warm-up repository has a config file, the config schema's bundle they loaded).
  if (process.env.ADRGEN_BUILD_CODE_CACHE === "1") save();
}

/**
 * A command the build made a code cache for runs from the CommonJS bundle of the whole CLI
 * (dist/lean/cli.cjs with dist/lean/cli.<command>.cache): undefined when there is no cache for it,
 * or it was made by another V8 (another Node, other V8 flags), in which case the ES-module CLI runs.
 */
async function runCachedCli(argv: string[]): Promise<number | undefined> {
  const name = firstPositional(argv);
  if (name === undefined || !/^[a-z][a-z-]*$/.test(name) || process.env.ADRGEN_NO_LEAN_CLI) return undefined;
  const cacheFile = fileURLToPath(new URL(`./lean/cli.${name}.cache`, import.meta.url));
  const warmUp = process.env.ADRGEN_BUILD_CODE_CACHE === "1";
  if (!warmUp && !existsSync(cacheFile)) return undefined;
  const { loadCachedBundle, loadedCacheStates, saveLoadedCaches } = await import("./io/code-cache.js");
  const bundle = loadCachedBundle<typeof import("./commands/cli-lean.js")>(fileURLToPath(new URL("./lean/cli.cjs", import.meta.url)), {
    cacheFile,
    scriptName: "adrgen/dist/lean/cli.cjs",
    ascii: true,
    // Compiling the whole CLI without its cache would cost more than the ES-module chunks a command loads.
    requireCache: !warmUp,
  });
  if (!bundle) return undefined;
  bundle.exports.installInterruptCleanup();
  const code = await bundle.exports.runCli(argv, { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
  afterCachedRun(loadedCacheStates, saveLoadedCaches);
  return code;
}

/** Resolves once everything written to the stream so far is handed to the OS (or the stream failed). */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || !stream.writable) resolve();
    else stream.write("", () => resolve());
  });
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (process.env.ADRGEN_BUILD_CODE_CACHE !== "1") {
    // Node 22.1+ caches compiled modules for the next run (in os.tmpdir(), or NODE_COMPILE_CACHE; off with
    // NODE_DISABLE_COMPILE_CACHE=1): the ES-module chunks, and from 22.12 (the first to require ES modules by
    // default, which the lean paths need) the lean bundles too (io/code-cache.ts).
    // Node 20 has no such cache; there the lean bundles bring build-time caches. Not in the build's warm-ups,
    // which make those caches.
    (module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
    // Not in the warm-ups either: their code caches must be made under V8's default flags.
    allowLongScanHint();
  }
  // Checked before the help text is read: a lean `context` run never asks for help.
  // The lean bundle is CommonJS and requires ES-module packages (globby) itself: Node 20.19+ and 22.12+ can, 21.x and early 22.x cannot.
  const canRequireModules = (process.features as { require_module?: boolean }).require_module === true;
  const lean = process.env.ADRGEN_NO_LEAN_CONTEXT || !canRequireModules ? undefined : parseLeanContextArgs(argv);
  if (lean) {
    process.exitCode = await runLean(lean);
    // Exiting at once skips tearing down the heap of a large scan (~10 ms); output is flushed first.
    await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
    process.exit();
  }
  const text = fastAnswer(argv);
  if (text !== undefined) {
    process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
    return;
  }
  // The CommonJS bundle requires the ES-module packages it leaves out (yargs is inside, the Anthropic SDK is not).
  const cached = canRequireModules ? await runCachedCli(argv) : undefined;
  if (cached !== undefined) {
    process.exitCode = cached;
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
