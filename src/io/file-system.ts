import { promises as fsp } from "node:fs";

/** The part of an open file adrgen uses: write everything, flush to disk, close. */
export interface FileHandleLike {
  writeFile(data: string, encoding: "utf8"): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The few file-system calls adrgen's writers need; tests inject failures (EROFS, ENOSPC) through it. */
export interface FileSystem {
  open(file: string, flags: string, mode?: number): Promise<FileHandleLike>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  readFile(file: string): Promise<string>;
  /** Creates a directory and its parents; no error when it exists. */
  mkdir(dir: string): Promise<void>;
  /** Lists the entry names of a directory. */
  readdir(dir: string): Promise<string[]>;
  /** File mode (permission bits) and modification time, or an ENOENT error. */
  stat(file: string): Promise<{ mode: number; mtimeMs: number }>;
}

/** The real file system (node:fs/promises). */
export const nodeFileSystem: FileSystem = {
  open: (file, flags, mode) => fsp.open(file, flags, mode),
  rename: (from, to) => fsp.rename(from, to),
  unlink: (file) => fsp.unlink(file),
  readFile: (file) => fsp.readFile(file, "utf8"),
  mkdir: async (dir) => void (await fsp.mkdir(dir, { recursive: true })),
  readdir: (dir) => fsp.readdir(dir),
  stat: async (file) => {
    const stats = await fsp.stat(file);
    return { mode: stats.mode, mtimeMs: stats.mtimeMs };
  },
};

/** The errno code of a system error, also when it is wrapped as the cause of an AdrgenError. */
export function errorCode(error: unknown): string | undefined {
  const direct = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof direct === "string") return direct;
  const cause = (error as { cause?: unknown } | undefined)?.cause;
  return cause === undefined ? undefined : errorCode(cause);
}

/** True when an error (raw or wrapped) says the file already exists. */
export function isAlreadyExists(error: unknown): boolean {
  return errorCode(error) === "EEXIST";
}
