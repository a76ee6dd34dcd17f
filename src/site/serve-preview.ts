// The live preview behind `adrgen site --serve`: an HTTP server on 127.0.0.1 for the built site,
// an event stream the pages listen on, and a watcher that rebuilds and reloads them on change.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Workspace } from "../config/workspace.js";
import { fromSystemError, usageError } from "../domain/errors.js";
import { createReloadEvents, isEventsPath } from "./serve-events.js";
import { isInside } from "../io/path-inside.js";
import { serveStatic } from "./serve-static.js";
import { watchAdrDirs, type WatchOptions } from "./serve-watch.js";

/** What `serveSite` needs to know. */
export interface ServeSiteOptions {
  workspace: Workspace;
  /** Absolute site directory. */
  out: string;
  /** 0 picks any free port. */
  port: number;
  force?: boolean;
  title?: string;
}

/** Where the preview reports progress and problems (stderr in the CLI). */
export interface ServeIo {
  info(message: string): void;
  warn(message: string): void;
}

/** A running preview. */
export interface SiteServer {
  url: string;
  close(): Promise<void>;
}

/** The site builder the preview calls (buildSite in production; tests may pass a small one). */
export type SiteBuilder = (options: { workspace: Workspace; out: string; force?: boolean; liveReload?: boolean; title?: string }) => Promise<{ pages: number; files: number; bytes: number; warnings: string[] }>;

/** Starts the preview with the given builder: listen, first build (errors propagate), then watch and rebuild. */
export async function startSitePreview(options: ServeSiteOptions, io: ServeIo, build: SiteBuilder, watchOptions: WatchOptions = {}): Promise<SiteServer> {
  const out = path.resolve(options.out);
  const events = createReloadEvents();
  let port = 0;
  const server = createServer((req, res) => {
    if (!isLoopbackHost(req.headers.host, port)) {
      res.writeHead(403, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("This preview only answers to 127.0.0.1 and localhost.\n");
      return;
    }
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    if (isEventsPath(pathname) && req.method === "GET") return events.accept(req, res);
    serveStatic(req, res, out).catch((error: unknown) => {
      io.warn(`Could not serve ${pathname}: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Internal error\n");
    });
  });
  await listen(server, options.port);
  port = (server.address() as AddressInfo).port;
  const buildOptions = { workspace: options.workspace, out, liveReload: true, ...(options.force ? { force: true } : {}), ...(options.title ? { title: options.title } : {}) };
  try {
    const started = performance.now();
    const first = await build(buildOptions);
    for (const warning of first.warnings) io.warn(`warning ${warning}`);
    io.info(`Built ${first.pages} pages in ${Math.round(performance.now() - started)} ms.`);
  } catch (error) {
    await closeServer(server);
    events.close();
    throw error;
  }

  let closed = false;
  let building: Promise<void> | undefined;
  let again = false;
  const rebuildOnce = async () => {
    const started = performance.now();
    try {
      const result = await build(buildOptions);
      if (closed) return;
      const warned = result.warnings.length > 0 ? `, ${result.warnings.length} warning${result.warnings.length === 1 ? "" : "s"}` : "";
      io.info(`Rebuilt ${result.pages} pages in ${Math.round(performance.now() - started)} ms${warned}; reloading ${events.size} page${events.size === 1 ? "" : "s"}.`);
      events.send("reload");
    } catch (error) {
      // The preview keeps the last good site: the writer's mistake should not take the page away.
      io.warn(`Rebuild failed, still serving the last good site: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const rebuild = (changed: string[]) => {
    // A branch switch can touch hundreds of ADRs at once: name a few, count the rest.
    const names = changed.map((file) => path.relative(options.workspace.root, file) || ".");
    io.info(`Changed: ${names.slice(0, 3).join(", ")}${names.length > 3 ? ` and ${names.length - 3} more` : ""}`);
    if (building) {
      again = true;
      return;
    }
    building = (async () => {
      do {
        again = false;
        await rebuildOnce();
      } while (again && !closed);
    })().finally(() => (building = undefined));
  };
  const dirs = options.workspace.dirs.map((dir) => dir.path);
  const watcher = watchAdrDirs(dirs, rebuild, { ...watchOptions, ignore: (file) => isInside(out, file) });

  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      if (closed) return;
      closed = true;
      watcher.close();
      await building;
      events.close();
      await closeServer(server);
    },
  };
}

/**
 * Whether a Host header names this machine's loopback at our port. A web page the user visits could
 * otherwise rebind its own domain name to 127.0.0.1 and read the unpublished decisions (DNS rebinding).
 */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const names = ["127.0.0.1", "localhost", "[::1]"];
  const allowed = names.map((name) => `${name}:${port}`);
  // Browsers and curl leave the default port out of Host, so on port 80 the bare name is the only form.
  if (port === 80) allowed.push(...names);
  return allowed.includes(host.toLowerCase());
}

// Loopback only: a preview of unpublished decisions must never be reachable from the network.
function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") reject(usageError(`Port ${port} on 127.0.0.1 is already in use.`, "Stop what uses it, pass another --port, or --port 0 for any free port."));
      else if (error.code === "EACCES") reject(usageError(`Not allowed to listen on port ${port}.`, "Ports below 1024 need privileges: pass --port 0 or a port above 1024."));
      else reject(fromSystemError(error, `listen on 127.0.0.1:${port}`));
    };
    server.once("error", onError);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", onError);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    // Keep-alive sockets and open event streams would hold close() open forever.
    server.closeAllConnections();
  });
}
