// adrgen's machine-local folders in the repository (`.adrgen/cache`, the default site in `.adrgen/site`).
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Creates the directory with a `.gitignore` of `*`: what adrgen keeps there is machine-local and stays out of commits. */
export function ensureIgnoredDir(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const ignore = path.join(dir, ".gitignore");
  if (!existsSync(ignore)) writeFileSync(ignore, "*\n");
}
