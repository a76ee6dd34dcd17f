// Server-sent events for the live preview: each open page holds one stream and reloads on `reload`.
import type { IncomingMessage, ServerResponse } from "node:http";

/** The URL path segment pair the page's live-reload script connects to (relative to the site root). */
export const EVENTS_PATH = "__adrgen/events";

/** Whether a URL path asks for the event stream; pages in sub-folders resolve it below themselves, so only the end counts. */
export function isEventsPath(pathname: string): boolean {
  return pathname === `/${EVENTS_PATH}` || pathname.endsWith(`/${EVENTS_PATH}`);
}

/** Open event streams and a way to notify them all. */
export interface ReloadEvents {
  /** Takes over a request as an event stream until the client or `close` ends it. */
  accept(req: IncomingMessage, res: ServerResponse): void;
  /** Sends one event to every open stream. */
  send(event: string, data?: string): void;
  /** How many streams are open. */
  readonly size: number;
  /** Ends every stream and stops the keep-alive timer. */
  close(): void;
}

/** Creates the stream registry; a comment every `keepAliveMs` stops proxies and browsers from timing out. */
export function createReloadEvents(keepAliveMs = 15_000): ReloadEvents {
  const streams = new Set<ServerResponse>();
  const keepAlive = setInterval(() => {
    for (const res of streams) res.write(": keep-alive\n\n");
  }, keepAliveMs);
  keepAlive.unref();
  return {
    accept(req, res) {
      res.writeHead(200, {
        "Content-Type": "text/event-stream; charset=utf-8",
        "Cache-Control": "no-store",
        Connection: "keep-alive",
        "X-Content-Type-Options": "nosniff",
      });
      // retry: how soon the browser reconnects after the server restarts.
      res.write("retry: 1000\n: connected\n\n");
      streams.add(res);
      const drop = () => void streams.delete(res);
      req.on("close", drop);
      res.on("close", drop);
    },
    send(event, data = String(Date.now())) {
      const frame = `event: ${event}\ndata: ${data.replace(/\n/g, "\ndata: ")}\n\n`;
      for (const res of streams) res.write(frame);
    },
    get size() {
      return streams.size;
    },
    close() {
      clearInterval(keepAlive);
      for (const res of streams) res.end();
      streams.clear();
    },
  };
}
