// Static file serving for `adrgen site --serve`: only files inside the site directory, never
// through a symlink that leads out of it, with the right content type and a small 404 page.
import { realpath, readFile, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { isInside } from "../io/path-inside.js";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".woff2": "font/woff2",
};

/** The Content-Type header for a file name; unknown kinds are served as opaque bytes. */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

/**
 * Maps a URL path (already stripped of any mount prefix) to a file under `root`, or undefined when
 * the path cannot name one: bad percent-encoding, NUL bytes, backslashes or `..` leaving the root.
 */
export function fileForUrlPath(root: string, urlPath: string): string | undefined {
  let segments: string[];
  try {
    segments = urlPath.split("/").map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
  // A decoded segment holding a separator or NUL was smuggled in as %2F, %5C or %00.
  if (segments.some((s) => s.includes("/") || s.includes("\\") || s.includes("\0"))) return undefined;
  const file = path.resolve(root, ...segments.filter((s) => s !== ""));
  return isInside(path.resolve(root), file) ? file : undefined;
}

const SECURITY_HEADERS = { "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store" };

/** Serves files of `root` mounted at `prefix` (default "/"). Resolves once the response is sent. */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string, prefix = "/"): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { ...SECURITY_HEADERS, Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" });
    res.end("Method not allowed\n");
    return;
  }
  const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
  const mount = prefix.endsWith("/") ? prefix : `${prefix}/`;
  // The mount point without its slash redirects, so the site's relative links resolve below it.
  if (`${pathname}/` === mount) return redirect(res, mount);
  if (!pathname.startsWith(mount)) return notFound(req, res, mount);
  const file = fileForUrlPath(root, pathname.slice(mount.length));
  if (!file) return notFound(req, res, mount);
  const found = await resolveInside(root, file);
  if (!found) return notFound(req, res, mount);
  if (found.isDirectory) {
    if (!pathname.endsWith("/")) return redirect(res, `${pathname}/`);
    const index = await resolveInside(root, path.join(file, "index.html"));
    if (!index || index.isDirectory) return notFound(req, res, mount);
    return sendFile(req, res, index.real);
  }
  return sendFile(req, res, found.real);
}

// Follows symlinks and accepts the result only when it is still inside the (real) site root.
async function resolveInside(root: string, file: string): Promise<{ real: string; isDirectory: boolean } | undefined> {
  try {
    const [realRoot, real] = await Promise.all([realpath(root), realpath(file)]);
    if (!isInside(realRoot, real)) return undefined;
    const info = await stat(real);
    if (!info.isFile() && !info.isDirectory()) return undefined;
    return { real, isDirectory: info.isDirectory() };
  } catch {
    return undefined;
  }
}

async function sendFile(req: IncomingMessage, res: ServerResponse, file: string): Promise<void> {
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    // Removed between the check and the read (a rebuild swapping the site in).
    return notFound(req, res, "/");
  }
  res.writeHead(200, { ...SECURITY_HEADERS, "Content-Type": contentTypeFor(file), "Content-Length": body.length });
  res.end(req.method === "HEAD" ? undefined : body);
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(301, { ...SECURITY_HEADERS, Location: location, "Content-Type": "text/plain; charset=utf-8" });
  res.end(`Moved to ${location}\n`);
}

function notFound(req: IncomingMessage, res: ServerResponse, mount: string): void {
  const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Not found</title></head>
<body><main><h1>Not found</h1><p>No page at this address. <a href="${mount}">Back to the decision log</a></p></main></body></html>
`;
  res.writeHead(404, { ...SECURITY_HEADERS, "Content-Type": "text/html; charset=utf-8", "Content-Length": Buffer.byteLength(body) });
  res.end(req.method === "HEAD" ? undefined : body);
}
