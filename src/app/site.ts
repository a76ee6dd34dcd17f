// `adrgen site`: build the static decision log once, or serve it with live reload until stopped.
import { spawn } from "node:child_process";
import path from "node:path";
import type { Workspace } from "../config/workspace.js";
import { usageError } from "../domain/errors.js";
import type { SiteBuilder, SiteServer, ServeIo, ServeSiteOptions } from "../site/serve-preview.js";

/** Where the site goes when neither --out nor the config says. */
export const DEFAULT_SITE_OUT = ".adrgen/site";

/** The site directory: `--out` against the directory adrgen runs in, else `site.out` from the config (or the default) against the repository root. */
export function siteOutDir(workspace: Workspace, cwd: string, outFlag: string | undefined): string {
  if (outFlag !== undefined) {
    // An empty --out (an unset shell variable, say) must not quietly mean the default: site.out "" is an error too.
    if (outFlag.trim() === "") throw usageError("--out must name a directory, not an empty string.", "Pass --out <dir>, or leave --out out to use site.out from the config (default .adrgen/site).");
    return path.resolve(cwd, outFlag);
  }
  return path.resolve(workspace.root, workspace.config.site?.out ?? DEFAULT_SITE_OUT);
}

/** Checks `--port` as typed: an integer from 0 (any free port) to 65535. */
export function validPort(port: string | number | undefined): number {
  if (port === undefined) return 0;
  const text = String(port).trim();
  // Parsed here rather than by yargs, which turns "abc" into NaN and the error could no longer echo it.
  const value = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw usageError(`--port must be a whole number from 0 to 65535, not ${JSON.stringify(String(port))}.`, "Pass --port 0 to pick any free port.");
  return value;
}

/** One site build as the command reports it. */
export interface SiteBuildReport {
  out: string;
  pages: number;
  files: number;
  bytes: number;
  warnings: string[];
  ms: number;
}

/** Builds the site once and times it. Guard refusals (an existing folder that is not a site) come from the builder as exit 2. */
export async function buildSiteOnce(options: { workspace: Workspace; out: string; force?: boolean }, deps: { buildSite: SiteBuilder; now?: () => number }): Promise<SiteBuildReport> {
  const now = deps.now ?? (() => performance.now());
  const started = now();
  const result = await deps.buildSite({ workspace: options.workspace, out: options.out, ...(options.force ? { force: true } : {}) });
  return { out: options.out, pages: result.pages, files: result.files, bytes: result.bytes, warnings: result.warnings, ms: Math.round(now() - started) };
}

/** The stderr summary line of a build: pages, files, size, warnings, time. */
export function formatBuildSummary(report: SiteBuildReport, shownOut: string): string {
  const warnings = report.warnings.length === 0 ? "" : `, ${report.warnings.length} warning${report.warnings.length === 1 ? "" : "s"}`;
  return `Built ${report.pages} page${report.pages === 1 ? "" : "s"} (${report.files} files, ${formatBytes(report.bytes)}${warnings}) in ${(report.ms / 1000).toFixed(2)} s → ${shownOut}`;
}

/** Sizes as people read them: 512 B, 14.2 KB, 3.1 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Shows a path relative to where adrgen runs when it lies below it, absolute otherwise. */
export function displayPath(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  if (rel === "") return ".";
  return rel.startsWith("..") || path.isAbsolute(rel) ? file : rel.split(path.sep).join("/");
}

/** What the preview needs from the outside world; tests pass their own stop signal and opener. */
export interface PreviewDeps {
  serveSite: (options: ServeSiteOptions, io: ServeIo) => Promise<SiteServer>;
  /** Resolves when the user asks to stop (Ctrl-C). */
  untilStopped: () => Promise<unknown>;
  /** Opens the URL in a browser (for --open). */
  openUrl?: (url: string) => void;
  /** Called once the server is up, with its URL (the command prints it). */
  onReady: (url: string) => void;
}

/** Serves the site with live reload until stopped, then closes watchers, server and connections. */
export async function previewSite(options: ServeSiteOptions & { open?: boolean }, io: ServeIo, deps: PreviewDeps): Promise<void> {
  const { open, ...serveOptions } = options;
  const server = await deps.serveSite(serveOptions, io);
  try {
    deps.onReady(server.url);
    if (open) deps.openUrl?.(server.url);
    await deps.untilStopped();
  } finally {
    await server.close();
  }
}

/** Resolves on the first SIGINT or SIGTERM (and stops listening for them). */
export function untilInterrupted(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const signals = ["SIGINT", "SIGTERM"] as const;
    const handlers = signals.map((signal) => {
      const handler = () => {
        signals.forEach((s, i) => process.off(s, handlers[i]!));
        resolve(signal);
      };
      process.on(signal, handler);
      return handler;
    });
  });
}

/** Opens a URL with the platform's opener; a missing opener only costs a warning. */
export function openInBrowser(url: string, warn: (message: string) => void, platform: NodeJS.Platform = process.platform): void {
  // On Windows `start` takes its first quoted argument as a window title, hence the empty one.
  const [command, args] = platform === "darwin" ? ["open", [url]] : platform === "win32" ? ["cmd", ["/c", "start", "", url]] : ["xdg-open", [url]];
  try {
    const child = spawn(command, args, { stdio: "ignore", detached: true });
    child.on("error", () => warn(`Could not open a browser (${command}); open ${url} yourself.`));
    child.unref();
  } catch {
    warn(`Could not open a browser (${command}); open ${url} yourself.`);
  }
}
