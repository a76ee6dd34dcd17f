// Writing the site's build caches (.adrgen/cache). A cache file is replaced atomically (temp file, then
// rename) but not fsynced: losing one in a crash only costs speed, a torn one fails its format or MAC
// check when read, and an fsync forces a journal commit that stalls the site's own thousand file writes.
import { renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { trackPartialFile } from "../io/interrupt.js";
import { tempSiblingOf } from "../io/temp-name.js";
import { ensureIgnoredDir } from "./cache-dir.js";

/** Replaces `file` in the git-ignored cache folder with `text`; false (and nothing left behind) when it could not. */
export function writeCacheFile(file: string, text: string): boolean {
  const temp = tempSiblingOf(file);
  // A signal while writing removes the temp file (io/interrupt.ts).
  const untrack = trackPartialFile(temp);
  try {
    ensureIgnoredDir(path.dirname(file));
    writeFileSync(temp, text, { flag: "wx" });
    renameSync(temp, file);
    return true;
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {
      // The folder itself is unusable (a file, say): there is no temp file to remove.
    }
    return false;
  } finally {
    untrack();
  }
}
