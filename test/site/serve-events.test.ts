import { afterEach, describe, expect, it } from "@jest/globals";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createReloadEvents, isEventsPath, type ReloadEvents } from "../../src/site/serve-events.js";
import { openEventStream } from "./serve-http.js";

let server: Server | undefined;
let events: ReloadEvents | undefined;

afterEach(async () => {
  events?.close();
  if (server) {
    server.closeAllConnections();
    await new Promise((resolve) => server!.close(resolve));
  }
  server = undefined;
  events = undefined;
});

async function start(keepAliveMs?: number): Promise<number> {
  const hub = createReloadEvents(keepAliveMs);
  events = hub;
  server = createServer((req, res) => hub.accept(req, res));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

const until = async (check: () => boolean, timeoutMs = 3000) => {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe("createReloadEvents", () => {
  it("streams events to every open page as server-sent events", async () => {
    const port = await start();
    const a = await openEventStream(port, "/__adrgen/events");
    const b = await openEventStream(port, "/adr/__adrgen/events");
    expect(a.status).toBe(200);
    expect(a.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
    expect(a.headers["cache-control"]).toBe("no-store");
    await a.waitFor("retry: 1000");
    await until(() => events!.size === 2);
    events!.send("reload", "build 2");
    await a.waitFor("event: reload\ndata: build 2\n\n");
    await b.waitFor("event: reload\ndata: build 2\n\n");
    a.close();
    b.close();
  });

  it("forgets pages that went away and ends the rest on close", async () => {
    const port = await start();
    const a = await openEventStream(port, "/__adrgen/events");
    const b = await openEventStream(port, "/__adrgen/events");
    await until(() => events!.size === 2);
    a.close();
    await until(() => events!.size === 1);
    events!.close();
    expect(events!.size).toBe(0);
    b.close();
  });

  it("keeps idle streams alive with comments", async () => {
    const port = await start(30);
    const a = await openEventStream(port, "/__adrgen/events");
    await a.waitFor(": keep-alive");
    a.close();
  });

  it("splits multi-line data into data lines", async () => {
    const port = await start();
    const a = await openEventStream(port, "/__adrgen/events");
    await until(() => events!.size === 1);
    events!.send("reload", "one\ntwo");
    await a.waitFor("event: reload\ndata: one\ndata: two\n\n");
    a.close();
  });
});

describe("isEventsPath", () => {
  it("accepts the endpoint at the site root or below a page's folder, nothing else", () => {
    expect(isEventsPath("/__adrgen/events")).toBe(true);
    expect(isEventsPath("/some/sub/path/adr/__adrgen/events")).toBe(true);
    expect(isEventsPath("/__adrgen/events.html")).toBe(false);
    expect(isEventsPath("/x__adrgen/events")).toBe(false);
    expect(isEventsPath("/index.html")).toBe(false);
  });
});
