import { randomBytes } from "node:crypto";
import path from "node:path";

/**
 * A temporary file name beside `file` for writing it atomically (write, then rename over it): in the
 * same directory, so the rename never crosses file systems; hidden, so listings and globs skip it;
 * unique per process and call, so two writers never share one.
 */
export function tempSiblingOf(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}
