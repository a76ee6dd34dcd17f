import { spawn } from "node:child_process";

/** Directory names never scanned: dependencies, build output, caches, VCS internals. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set([
  ".git", ".hg", ".svn", "node_modules", "bower_components", "jspm_packages", "vendor", "dist", "build", "out",
  "target", ".next", ".nuxt", ".svelte-kit", ".output", ".turbo", ".cache", ".parcel-cache", "coverage",
  ".nyc_output", "__pycache__", ".venv", "venv", ".tox", ".mypy_cache", ".pytest_cache", ".gradle", ".terraform",
  ".terragrunt-cache", ".serverless", ".aws-sam", "bin", "obj", "tmp", ".idea", ".vscode",
]);

/** True when a repository-relative path lies inside a skipped directory. */
export function isInSkippedDir(relPath: string): boolean {
  const parts = relPath.split("/");
  for (let i = 0; i < parts.length - 1; i++) if (SKIPPED_DIRS.has(parts[i]!)) return true;
  return false;
}

/**
 * Streams the paths `git ls-files` reports (tracked plus untracked-not-ignored), relative
 * to `root` with forward slashes. Resolves to false, having yielded nothing, when `root`
 * is not inside a git work tree or git is missing.
 */
export async function* gitListFiles(root: string): AsyncGenerator<string, boolean> {
  const child = spawn("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: root,
    stdio: ["ignore", "pipe", "ignore"],
    env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" },
  });
  const exited = new Promise<number | null>((resolve) => {
    child.on("error", () => resolve(-1));
    child.on("close", (code) => resolve(code));
  });
  let rest = "";
  let yielded = 0;
  let last: string | undefined;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      const parts = (rest + chunk.toString("utf8")).split("\0");
      rest = parts.pop() ?? "";
      for (const part of parts) {
        // --cached and --others may both list a path during a merge; skip repeats of the last one.
        if (part === "" || part === last) continue;
        last = part;
        yielded++;
        yield part;
      }
    }
  } finally {
    if (child.exitCode === null) child.kill();
  }
  const code = await exited;
  if (rest !== "") {
    yielded++;
    yield rest;
  }
  return code === 0 || yielded > 0;
}

/** Streams files under `root` outside git: globby honouring .gitignore files, skipping build output. */
export async function* globListFiles(root: string): AsyncGenerator<string> {
  const { globbyStream } = await import("globby");
  const ignore = [...SKIPPED_DIRS].map((dir) => `**/${dir}/**`);
  const stream = globbyStream("**/*", {
    cwd: root,
    dot: true,
    gitignore: true,
    ignore,
    onlyFiles: false,
    followSymbolicLinks: false,
    suppressErrors: true,
  });
  for await (const entry of stream as AsyncIterable<string>) yield entry;
}

/** Streams every candidate path of a repository: git when it is a work tree, globby otherwise. */
export async function* listRepositoryFiles(root: string, options: { useGit?: boolean } = {}): AsyncGenerator<string> {
  if (options.useGit !== false) {
    const git = gitListFiles(root);
    for (;;) {
      const next = await git.next();
      if (next.done) {
        if (next.value) return;
        break;
      }
      yield next.value;
    }
  }
  yield* globListFiles(root);
}
