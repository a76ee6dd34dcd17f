import { cpSync, readdirSync, readFileSync, renameSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { git, makeTempDir } from "../helpers/tmp.js";

export const FIXTURES = fileURLToPath(new URL("../fixtures/repos/", import.meta.url));

/** Copies a fixture repository to a temp dir (never scanned in place); optionally makes it a committed git repo. */
export function copyFixture(name: string, options: { git?: boolean } = {}): string {
  const dir = makeTempDir();
  cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  restoreFixtureNames(dir);
  if (options.git) {
    git(dir, "init", "-q", "-b", "main");
    git(dir, "config", "user.name", "Test User");
    git(dir, "config", "user.email", "test@example.com");
    git(dir, "config", "commit.gpgsign", "false");
    git(dir, "add", "-A");
    git(dir, "commit", "-q", "-m", "fixture");
  }
  return dir;
}

/**
 * Files stored as `<name>.fixture` become `<name>` in the copy: a broken package.json kept
 * under its real name would break Jest's module map, which reads every package.json in test/.
 */
function restoreFixtureNames(dir: string): void {
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith(".fixture")) {
      const from = path.join(entry.parentPath, entry.name);
      renameSync(from, from.slice(0, -".fixture".length));
    }
  }
}

/** Every file of a fixture repository as path → content (names as stored), for building git histories in tests. */
export function fixtureFiles(name: string): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir)) {
      const abs = path.join(dir, entry);
      if (statSync(abs).isDirectory()) walk(abs, `${prefix}${entry}/`);
      else files[`${prefix}${entry}`] = readFileSync(abs);
    }
  };
  walk(path.join(FIXTURES, name), "");
  return files;
}
