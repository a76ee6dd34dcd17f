// The preview's own behaviour (listen, rebuild on change, keep the last good site, close) with a
// small builder passed in as the dependency; serve.test.ts runs the real site builder.
import { afterAll, afterEach, describe, expect, it } from "@jest/globals";
import { mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { connect, createServer } from "node:net";
import { networkInterfaces } from "node:os";
import path from "node:path";
import { resolveWorkspace } from "../../src/config/workspace.js";
import { AdrgenError } from "../../src/domain/errors.js";
import { isLoopbackHost, startSitePreview, type SiteBuilder, type SiteServer } from "../../src/site/serve-preview.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";
import { openEventStream, rawRequest } from "./serve-http.js";

const servers: SiteServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});
afterAll(() => cleanupTempDirs());

/** Writes index.html listing every ADR file's first line; fails when an ADR holds "BROKEN". */
const titleBuilder: SiteBuilder = async ({ workspace, out, liveReload }) => {
  const dir = workspace.primary.path;
  const names = readdirSync(dir).filter((n) => n.endsWith(".md")).sort();
  const titles = names.map((n) => readFileSync(path.join(dir, n), "utf8").split("\n")[0]!.replace(/^# /, ""));
  if (titles.some((t) => t.includes("BROKEN"))) throw new Error("cannot build: BROKEN title");
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, "index.html"), `<ul>${titles.map((t) => `<li>${t}</li>`).join("")}</ul>${liveReload ? "<script src=assets/live-reload.js></script>" : ""}`);
  return { pages: titles.length + 1, files: 1, bytes: 0, warnings: [] };
};

function logger() {
  const lines: string[] = [];
  return { lines, io: { info: (m: string) => void lines.push(`info ${m}`), warn: (m: string) => void lines.push(`warn ${m}`) } };
}

async function repo(files: Record<string, string>) {
  const root = makeTempDir({ ".adrgenrc.json": "{}", ...files });
  return { root, workspace: await resolveWorkspace({ cwd: root }) };
}

const portOf = (url: string) => Number(new URL(url).port);

describe("startSitePreview", () => {
  it("listens on 127.0.0.1 only, on a free port, after a first build with live reload", async () => {
    const { root, workspace } = await repo({ "docs/adr/0001-a.md": "# Use Postgres\n" });
    const out = path.join(root, ".adrgen/site");
    const server = await startSitePreview({ workspace, out, port: 0 }, logger().io, titleBuilder);
    servers.push(server);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(portOf(server.url)).toBeGreaterThan(0);
    const page = await rawRequest(portOf(server.url), "/");
    expect(page.body).toContain("<li>Use Postgres</li>");
    expect(page.body).toContain("live-reload.js");
    // Not reachable through any other interface of this machine.
    const external = Object.values(networkInterfaces()).flat().find((i) => i && i.family === "IPv4" && !i.internal);
    if (external) {
      const reached = await new Promise<boolean>((resolve) => {
        const socket = connect({ host: external.address, port: portOf(server.url) }, () => {
          socket.destroy();
          resolve(true);
        });
        socket.on("error", () => resolve(false));
      });
      expect(reached).toBe(false);
    }
  });

  it("rebuilds on change and tells open pages to reload; a failed rebuild keeps the last good site", async () => {
    const { root, workspace } = await repo({ "docs/adr/0001-a.md": "# Use Postgres\n" });
    const out = path.join(root, "site-out");
    const log = logger();
    const server = await startSitePreview({ workspace, out, port: 0 }, log.io, titleBuilder, { debounceMs: 30 });
    servers.push(server);
    const port = portOf(server.url);
    const stream = await openEventStream(port, "/adr/__adrgen/events");
    await stream.waitFor("retry:");

    writeFileSync(path.join(workspace.primary.path, "0002-b.md"), "# Use Kafka\n");
    await stream.waitFor("event: reload");
    expect((await rawRequest(port, "/")).body).toContain("<li>Use Kafka</li>");
    expect(log.lines.join("\n")).toMatch(/Changed: docs\/adr\/0002-b\.md/);
    expect(log.lines.join("\n")).toMatch(/Rebuilt 3 pages in \d+ ms; reloading 1 page\./);

    const reloadsBefore = stream.text().split("event: reload").length;
    writeFileSync(path.join(workspace.primary.path, "0002-b.md"), "# BROKEN\n");
    const deadline = Date.now() + 4000;
    while (!log.lines.some((l) => l.startsWith("warn Rebuild failed")) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(log.lines.find((l) => l.startsWith("warn"))).toBe("warn Rebuild failed, still serving the last good site: cannot build: BROKEN title");
    expect((await rawRequest(port, "/")).body).toContain("<li>Use Kafka</li>");
    expect(stream.text().split("event: reload").length).toBe(reloadsBefore);

    unlinkSync(path.join(workspace.primary.path, "0002-b.md"));
    const deadline2 = Date.now() + 4000;
    while ((await rawRequest(port, "/")).body.includes("Kafka") && Date.now() < deadline2) await new Promise((r) => setTimeout(r, 20));
    expect((await rawRequest(port, "/")).body).toBe("<ul><li>Use Postgres</li></ul><script src=assets/live-reload.js></script>");
    stream.close();
  });

  it("answers only requests addressed to 127.0.0.1 or localhost (no DNS rebinding)", async () => {
    const { root, workspace } = await repo({ "docs/adr/0001-a.md": "# Use Postgres\n" });
    const server = await startSitePreview({ workspace, out: path.join(root, "o"), port: 0 }, logger().io, titleBuilder);
    servers.push(server);
    const port = portOf(server.url);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
      expect([host, (await rawRequest(port, "/", "GET", { Host: host })).status]).toEqual([host, 200]);
    }
    for (const host of [`evil.example:${port}`, "127.0.0.1", `127.0.0.1:${port + 1}`, `attacker.test`]) {
      const res = await rawRequest(port, "/", "GET", { Host: host });
      expect([host, res.status]).toEqual([host, 403]);
      expect(res.body).not.toContain("Use Postgres");
    }
    expect((await rawRequest(port, "/__adrgen/events", "GET", { Host: "evil.example" })).status).toBe(403);
    expect((await rawRequest(port, "/__adrgen/events", "POST")).status).toBe(405);
  });

  it("accepts the bare loopback names on port 80, where clients omit the port from Host", () => {
    for (const host of ["127.0.0.1", "localhost", "[::1]", "127.0.0.1:80", "LOCALHOST"]) expect([host, isLoopbackHost(host, 80)]).toEqual([host, true]);
    for (const host of ["evil.example", "127.0.0.1:8080", "localhost.evil.example"]) expect([host, isLoopbackHost(host, 80)]).toEqual([host, false]);
    expect(isLoopbackHost("127.0.0.1", 8080)).toBe(false);
    expect(isLoopbackHost(undefined, 80)).toBe(false);
  });

  it("names a few changed files and counts the rest", async () => {
    const { root, workspace } = await repo({ "docs/adr/0001-a.md": "# A\n" });
    const log = logger();
    servers.push(await startSitePreview({ workspace, out: path.join(root, "o"), port: 0 }, log.io, titleBuilder, { debounceMs: 50 }));
    for (let n = 2; n <= 7; n++) writeFileSync(path.join(workspace.primary.path, `000${n}-x.md`), `# X ${n}\n`);
    const deadline = Date.now() + 4000;
    while (!log.lines.some((l) => l.startsWith("info Rebuilt")) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(log.lines.find((l) => l.startsWith("info Changed:"))).toMatch(/^info Changed: docs\/adr\/000\d-x\.md, docs\/adr\/000\d-x\.md, docs\/adr\/000\d-x\.md and 3 more$/);
  });

  it("does not rebuild for its own output inside an ADR directory", async () => {
    const { workspace } = await repo({ "docs/adr/0001-a.md": "# A\n" });
    const out = path.join(workspace.primary.path, "site");
    let builds = 0;
    const counting: SiteBuilder = async (o) => {
      builds++;
      return titleBuilder(o);
    };
    servers.push(await startSitePreview({ workspace, out, port: 0 }, logger().io, counting, { debounceMs: 30 }));
    await new Promise((r) => setTimeout(r, 300));
    expect(builds).toBe(1);
  });

  it("refuses a port in use with exit 2 and a hint, and closes cleanly when the first build fails", async () => {
    const { root, workspace } = await repo({ "docs/adr/0001-a.md": "# A\n" });
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const busy = (blocker.address() as { port: number }).port;
    try {
      const error = await startSitePreview({ workspace, out: path.join(root, "o"), port: busy }, logger().io, titleBuilder).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AdrgenError);
      expect((error as AdrgenError).exitCode).toBe(2);
      expect((error as AdrgenError).message).toBe(`Port ${busy} on 127.0.0.1 is already in use.`);
      expect((error as AdrgenError).hint).toContain("--port 0");
    } finally {
      blocker.close();
    }
    writeFileSync(path.join(workspace.primary.path, "0001-a.md"), "# BROKEN\n");
    const failed = await startSitePreview({ workspace, out: path.join(root, "o"), port: 0 }, logger().io, titleBuilder).catch((e: unknown) => e);
    expect((failed as Error).message).toBe("cannot build: BROKEN title");
  });

  it("close ends open event streams and frees the port", async () => {
    const { root, workspace } = await repo({ "docs/adr/0001-a.md": "# A\n" });
    const server = await startSitePreview({ workspace, out: path.join(root, "o"), port: 0 }, logger().io, titleBuilder);
    const port = portOf(server.url);
    const stream = await openEventStream(port, "/__adrgen/events");
    await stream.waitFor("retry:");
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(2000);
    await expect(rawRequest(port, "/")).rejects.toThrow(/ECONNREFUSED/);
    rmSync(path.join(root, "o"), { recursive: true });
  });
});
