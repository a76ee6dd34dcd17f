import { unlinkSync } from "node:fs";
import { AdrgenError, ExitCode } from "../domain/errors.js";

// Files that exist only while adrgen works on them (a temp file before its rename, a new ADR
// before it is fully written and synced, the directory lock). A signal removes them, so Ctrl-C
// or `kill` never leaves a half-written ADR, a temp file or a lock behind.
const partialFiles = new Set<string>();
let interruptedBy: NodeJS.Signals | undefined;

/** Marks a file as partial until the returned function is called (when it is complete or removed). */
export function trackPartialFile(file: string): () => void {
  partialFiles.add(file);
  return () => void partialFiles.delete(file);
}

/** Throws once a SIGINT/SIGTERM has arrived, so no new file is started after the user asked to stop. */
export function assertNotInterrupted(): void {
  if (interruptedBy === undefined) return;
  throw new AdrgenError(`Interrupted (${interruptedBy}); nothing was written.`, { exitCode: ExitCode.usage });
}

/** Removes every partial file now, synchronously (a signal handler may be the last code that runs). */
export function removePartialFiles(): void {
  for (const file of partialFiles) {
    try {
      unlinkSync(file);
    } catch {
      // Already renamed into place or removed by its writer.
    }
  }
  partialFiles.clear();
}

const EXIT_CODES: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143 };

/**
 * Installs SIGINT/SIGTERM handlers (bin.ts only): partial files are removed at once and new writes
 * refused. When adrgen's handler is the only one the process exits with 128 + signal right away;
 * when another part listens too (the Anthropic engine turns Ctrl-C into a clean "Aborted" message,
 * a prompt restores the terminal) it gets `graceMs` to finish before the same exit.
 */
export function installInterruptCleanup(graceMs = 1000): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    const onSignal = () => {
      const again = interruptedBy !== undefined;
      interruptedBy ??= signal;
      removePartialFiles();
      const code = EXIT_CODES[signal] ?? 1;
      // Nobody else handles it, or a second signal: the user wants out now.
      if (again || process.listenerCount(signal) === 1) process.exit(code);
      // unref: a run that ends by itself keeps its own exit code and message.
      setTimeout(() => {
        removePartialFiles();
        process.exit(code);
      }, graceMs).unref();
    };
    process.on(signal, onSignal);
  }
}
