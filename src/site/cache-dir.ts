// The site's build caches share one directory in the repository (`.adrgen/cache`).
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Creates the cache directory with a `.gitignore` of `*`: the cache is machine-local and stays out of commits. */
export function ensureCacheDir(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const ignore = path.join(dir, ".gitignore");
  if (!existsSync(ignore)) writeFileSync(ignore, "*\n");
}
