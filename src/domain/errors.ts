/** Exit codes shared by every command. */
export const ExitCode = {
  ok: 0,
  findings: 1,
  usage: 2,
  runtime: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export interface AdrgenErrorOptions {
  hint?: string;
  exitCode?: ExitCode;
  cause?: unknown;
}

/** The one error type adrgen raises on purpose: a message, a hint and an exit code. */
export class AdrgenError extends Error {
  readonly hint: string | undefined;
  readonly exitCode: ExitCode;

  constructor(message: string, options: AdrgenErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AdrgenError";
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? ExitCode.runtime;
  }
}

/** A mistake in the user's flags, arguments or input files (exit 2). */
export function usageError(message: string, hint?: string): AdrgenError {
  return new AdrgenError(message, { hint, exitCode: ExitCode.usage });
}

/** A failure of the environment: I/O, git, engine, network (exit 3). */
export function runtimeError(message: string, hint?: string, cause?: unknown): AdrgenError {
  return new AdrgenError(message, { hint, exitCode: ExitCode.runtime, cause });
}

/** Turns a Node system error into an AdrgenError with a hint users can act on. */
export function fromSystemError(error: unknown, action: string): AdrgenError {
  if (error instanceof AdrgenError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const detail = error instanceof Error ? error.message : String(error);
  const hints: Record<string, string> = {
    EROFS: "The file system is read-only; run adrgen where the ADR directory is writable.",
    EACCES: "Check the permissions of the ADR directory.",
    EPERM: "Check the permissions of the ADR directory.",
    ENOSPC: "The disk is full; free some space and try again.",
    ENOENT: "Check that the path exists.",
    ENOTDIR: "A part of the path is a file, not a directory.",
  };
  return runtimeError(`Could not ${action}: ${detail}`, code ? hints[code] : undefined, error);
}
