// Copying a fixture repository (test/fixtures/repos/<name>) for the build's warm-up scan and the
// stack-analyser comparison: files stored as `<name>.fixture` (kept out of Jest's module map) get their real names.
import { cpSync, readdirSync, renameSync } from "node:fs";
import path from "node:path";

/** Copies the fixture folder `from` to `to`, restoring `.fixture` file names. */
export function copyFixtureTree(from, to) {
  cpSync(from, to, { recursive: true });
  for (const entry of readdirSync(to, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith(".fixture")) renameSync(path.join(entry.parentPath, entry.name), path.join(entry.parentPath, entry.name.slice(0, -8)));
  }
}
