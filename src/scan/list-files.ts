/** Directory names never scanned: dependencies, build output, caches, VCS internals. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set([
  ".git", ".hg", ".svn", "node_modules", "bower_components", "jspm_packages", "vendor", "dist", "build", "out",
  "target", ".next", ".nuxt", ".svelte-kit", ".output", ".turbo", ".cache", ".parcel-cache", "coverage",
  ".nyc_output", "__pycache__", ".venv", "venv", ".tox", ".mypy_cache", ".pytest_cache", ".gradle", ".terraform",
  ".terragrunt-cache", ".serverless", ".aws-sam", "bin", "obj", "tmp", ".idea", ".vscode",
]);

/**
 * Source code, styles, media and fonts: never a manifest or configuration file, so the
 * scanner does not even offer them to detectors (most of a large repository is these).
 */
export const NEVER_SCANNED_EXTENSIONS: ReadonlySet<string> = new Set([
  "ts", "tsx", "js", "jsx", "mjs", "cjs", "mts", "cts", "vue", "svelte", "go", "py", "pyi", "java", "kt", "scala",
  "rb", "php", "rs", "c", "h", "cc", "cpp", "hpp", "cs", "swift", "m", "mm", "dart", "ex", "exs", "erl", "clj",
  "css", "scss", "sass", "less", "html", "htm", "svg", "png", "jpg", "jpeg", "gif", "webp", "ico", "bmp", "pdf",
  "woff", "woff2", "ttf", "otf", "eot", "mp3", "mp4", "webm", "zip", "gz", "tgz", "jar", "map", "snap", "class", "pyc",
]);

/** An extension of up to 6 characters as one number (6 bits a character, letters folded to lower case); -1 for anything else. */
function extensionCode(text: string, start: number, end: number): number {
  if (end - start > 6 || end <= start) return -1;
  let code = 0;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    // a-z → 1-26, 0-9 → 27-36; anything else cannot be in the set.
    const digit = c >= 97 && c <= 122 ? c - 96 : c >= 48 && c <= 57 ? c - 21 : -1;
    if (digit < 0) return -1;
    code = code * 64 + digit;
  }
  return code;
}

const NEVER_SCANNED_CODES: ReadonlySet<number> = new Set([...NEVER_SCANNED_EXTENSIONS].map((ext) => extensionCode(ext, 0, ext.length)));

/** Like `hasNeverScannedExtension`, on the UTF-8 bytes `[start, end)` of a path (`.` and `/` never occur inside a multi-byte character). */
export function hasNeverScannedExtensionBytes(bytes: Uint8Array, start: number, end: number): boolean {
  let dot = -1;
  for (let i = end - 1; i >= start; i--) {
    const c = bytes[i]!;
    if (c === 46) {
      dot = i;
      break;
    }
    if (c === 47) return false;
  }
  // A leading dot (`.env`) is a name, not an extension, as in hasNeverScannedExtension.
  if (dot <= start || bytes[dot - 1] === 47) return false;
  if (end - dot - 1 > 6 || end - dot - 1 <= 0) return false;
  let code = 0;
  for (let i = dot + 1; i < end; i++) {
    let c = bytes[i]!;
    if (c >= 65 && c <= 90) c += 32;
    const digit = c >= 97 && c <= 122 ? c - 96 : c >= 48 && c <= 57 ? c - 21 : -1;
    if (digit < 0) return false;
    code = code * 64 + digit;
  }
  return NEVER_SCANNED_CODES.has(code);
}

/** True for a path whose extension is in NEVER_SCANNED_EXTENSIONS (any case). */
export function hasNeverScannedExtension(relPath: string): boolean {
  const dot = relPath.lastIndexOf(".");
  if (dot <= relPath.lastIndexOf("/") + 1) return false;
  // Runs for every listed path, so it compares numbers instead of allocating the extension.
  return NEVER_SCANNED_CODES.has(extensionCode(relPath, dot + 1, relPath.length));
}

/** True when a repository-relative path lies inside a skipped directory. */
export function isInSkippedDir(relPath: string): boolean {
  // Walks the directory segments without allocating an array: this runs once per listed path. A segment
  // is cut out (a string allocation) only when its length and first character fit some skipped name.
  let start = 0;
  for (let slash = relPath.indexOf("/"); slash !== -1; slash = relPath.indexOf("/", start)) {
    if (SKIPPED_SHAPES.has((slash - start) * 256 + (relPath.charCodeAt(start) & 255)) && SKIPPED_DIRS.has(relPath.slice(start, slash))) return true;
    start = slash + 1;
  }
  return false;
}

/** Length × 256 + first character code (low byte) of every skipped directory name. */
const SKIPPED_SHAPES: ReadonlySet<number> = new Set([...SKIPPED_DIRS].map((dir) => dir.length * 256 + (dir.charCodeAt(0) & 255)));

/** Streams files under `root` outside git, in batches: globby honouring .gitignore files, skipping build output. */
export async function* globListFiles(root: string): AsyncGenerator<string[]> {
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
  let batch: string[] = [];
  for await (const entry of stream as AsyncIterable<string>) {
    batch.push(entry);
    if (batch.length >= 512) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
