import path from "node:path";
import { AdrgenError, ExitCode, fromSystemError, usageError } from "../domain/errors.js";
import { errorCode, nodeFileSystem, type FileSystem } from "./file-system.js";
import { assertNotInterrupted, trackPartialFile } from "./interrupt.js";
import { tempSiblingOf } from "./temp-name.js";

/** Writes a whole file through a handle, flushing it to disk before closing. */
async function writeAndSync(fs: FileSystem, file: string, flags: string, text: string, mode?: number): Promise<void> {
  const handle = await fs.open(file, flags, mode);
  try {
    await handle.writeFile(text, "utf8");
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function removeQuietly(fs: FileSystem, file: string): Promise<void> {
  try {
    await fs.unlink(file);
  } catch {
    // Already gone or never created: nothing left to clean up.
  }
}

/**
 * Replaces (or creates) a file atomically: writes a temp file in the same directory,
 * fsyncs it and renames it over the target, so readers see the old or the new text, never half.
 */
export async function writeFileAtomic(file: string, text: string, fs: FileSystem = nodeFileSystem): Promise<void> {
  const temp = tempSiblingOf(file);
  // Keep the permissions of the file being replaced (an executable script stays executable).
  const mode = await fs.stat(file).then((s) => s.mode & 0o7777, () => 0o666);
  assertNotInterrupted();
  // A signal before the rename removes the temp file (see io/interrupt.ts).
  const untrack = trackPartialFile(temp);
  try {
    await writeAndSync(fs, temp, "wx", text, mode);
    await fs.rename(temp, file);
  } catch (error) {
    await removeQuietly(fs, temp);
    throw fromSystemError(error, `write ${file}`);
  } finally {
    untrack();
  }
}

/**
 * Creates a new file that must not exist yet (open with `wx`), written completely or removed.
 * When the file exists it throws an AdrgenError whose cause has code EEXIST (see `isAlreadyExists`).
 */
export async function createFileExclusive(file: string, text: string, fs: FileSystem = nodeFileSystem): Promise<void> {
  let created = false;
  let untrack: () => void = () => {};
  assertNotInterrupted();
  try {
    const handle = await fs.open(file, "wx", 0o666);
    created = true;
    // Until it is complete and synced the new file is partial: a signal removes it (see io/interrupt.ts).
    // Tracked only once the open succeeded: a file someone else created is never ours to remove.
    untrack = trackPartialFile(file);
    try {
      await handle.writeFile(text, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    // A signal that arrived while writing has removed the file already; say so instead of success.
    assertNotInterrupted();
  } catch (error) {
    untrack();
    if (created) await removeQuietly(fs, file);
    if (!created && errorCode(error) === "EEXIST") {
      throw new AdrgenError(`${file} already exists; adrgen never overwrites an ADR.`, {
        hint: "Choose another title, or edit the existing file.",
        exitCode: ExitCode.runtime,
        cause: error,
      });
    }
    throw fromSystemError(error, `create ${file}`);
  }
  untrack();
}

/**
 * Returns the absolute path of `file` after checking that it lies strictly inside `dir`;
 * guards every name derived from user input (titles, numbers) against escaping the ADR directory.
 */
export function assertInside(dir: string, file: string): string {
  const base = path.resolve(dir);
  const target = path.resolve(base, file);
  const rel = path.relative(base, target);
  if (rel === "" || rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) {
    throw usageError(`Refusing to write ${target}: it is outside the ADR directory ${base}.`, "File names must stay inside the ADR directory.");
  }
  return target;
}

export { errorCode, isAlreadyExists, nodeFileSystem, type FileHandleLike, type FileSystem } from "./file-system.js";
export { withDirLock, LOCK_FILE_NAME, type DirLockOptions } from "./dir-lock.js";
export { assertNotInterrupted, installInterruptCleanup, trackPartialFile } from "./interrupt.js";
