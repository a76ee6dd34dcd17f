// serveSite with the real site builder: the served pages follow the ADR files through edits,
// renames, deletions and the whole directory going away and coming back.
import { afterAll, afterEach, describe, expect, it } from "@jest/globals";
import { mkdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { resolveWorkspace } from "../../src/config/workspace.js";
import { serveSite, type SiteServer } from "../../src/site/serve.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";
import { FIXTURE_ADRS } from "./browser-fixture.js";
import { openEventStream, rawRequest } from "./serve-http.js";

const servers: SiteServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});
afterAll(() => cleanupTempDirs());

async function start(files: Record<string, string>) {
  const root = makeTempDir({ ".adrgenrc.json": "{}", ...files });
  const workspace = await resolveWorkspace({ cwd: root });
  const log: string[] = [];
  const out = path.join(root, ".adrgen/site");
  const server = await serveSite({ workspace, out, port: 0 }, { info: (m) => void log.push(m), warn: (m) => void log.push(`WARN ${m}`) });
  servers.push(server);
  const port = Number(new URL(server.url).port);
  const stream = await openEventStream(port, "/__adrgen/events");
  await stream.waitFor("retry:");
  let seen = 0;
  /** Waits for the next reload event after the last one seen. */
  const nextReload = async () => {
    const end = Date.now() + 10_000;
    while (stream.text().split("event: reload").length - 1 <= seen) {
      if (Date.now() > end) throw new Error(`no reload; log: ${log.join(" | ")}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    seen = stream.text().split("event: reload").length - 1;
  };
  const get = (url: string) => rawRequest(port, url);
  return { root, out, log, server, port, stream, nextReload, get, adrDir: workspace.primary.path };
}

/** The href of an ADR's page on the index, found by its title. */
async function pageOf(get: (url: string) => Promise<{ body: string }>, title: string): Promise<string | undefined> {
  const index = (await get("/")).body;
  const match = new RegExp(`<a href="([^"]+)">${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}</a>`).exec(index);
  return match?.[1];
}

describe("serveSite", () => {
  it("serves the built site with the live-reload client and the right types", async () => {
    const s = await start(FIXTURE_ADRS);
    const index = await s.get("/");
    expect(index.status).toBe(200);
    expect(index.body).toContain('src="assets/live-reload.js"');
    const href = await pageOf(s.get, "Use PostgreSQL");
    expect(href).toMatch(/^adr\/.+\.html$/);
    const page = await s.get(`/${href}`);
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(page.body).toContain('src="../assets/live-reload.js"');
    const script = await s.get("/assets/live-reload.js");
    expect(script.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(script.body).toContain("__adrgen/events");
    expect((await s.get("/assets/site.css")).headers["content-type"]).toBe("text/css; charset=utf-8");
    expect((await s.get("/adr/nothing-here.html")).status).toBe(404);
    s.stream.close();
  });

  it("follows edits, renames and deletions of ADR files", async () => {
    const s = await start(FIXTURE_ADRS);
    const file = path.join(s.adrDir, "0007-reject-soap.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("# Reject SOAP for partner integrations", "# Reject SOAP everywhere"));
    await s.nextReload();
    expect((await s.get("/")).body).toContain("Reject SOAP everywhere");
    const oldHref = await pageOf(s.get, "Reject SOAP everywhere");

    renameSync(file, path.join(s.adrDir, "0007-reject-soap-everywhere.md"));
    await s.nextReload();
    const newHref = await pageOf(s.get, "Reject SOAP everywhere");
    expect(newHref).toBeDefined();
    expect(newHref).not.toBe(oldHref);
    expect((await s.get(`/${oldHref}`)).status).toBe(404);
    expect((await s.get(`/${newHref}`)).status).toBe(200);

    unlinkSync(path.join(s.adrDir, "0007-reject-soap-everywhere.md"));
    await s.nextReload();
    expect((await s.get("/")).body).not.toContain("Reject SOAP");
    expect((await s.get(`/${newHref}`)).status).toBe(404);
    expect(s.log.filter((line) => line.startsWith("WARN Rebuild failed"))).toEqual([]);
    s.stream.close();
  });

  it("keeps serving when the ADR directory is deleted, and picks it up again when it returns", async () => {
    const s = await start({ "docs/adr/0001-use-postgres.md": "# Use Postgres\n\nBody.\n" });
    rmSync(s.adrDir, { recursive: true });
    await s.nextReload();
    expect((await s.get("/")).body).toContain("No decisions recorded yet");
    mkdirSync(s.adrDir, { recursive: true });
    writeFileSync(path.join(s.adrDir, "0001-use-mysql.md"), "# Use MySQL\n\nBody.\n");
    const end = Date.now() + 10_000;
    while (!(await s.get("/")).body.includes("Use MySQL") && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await s.get("/")).body).toContain("Use MySQL");
    s.stream.close();
  });

  it("a malformed save still rebuilds, with the warning on the page", async () => {
    const s = await start({ "docs/adr/0001-use-postgres.md": "# Use Postgres\n\nBody.\n" });
    writeFileSync(path.join(s.adrDir, "0001-use-postgres.md"), "---\nstatus: [oops\n---\n\nno title any more\n");
    await s.nextReload();
    const href = await pageOf(s.get, "Untitled");
    expect(href).toBeDefined();
    expect((await s.get(`/${href}`)).body).toContain("no title any more");
    expect(s.log.some((line) => /Rebuilt \d+ pages .*1 warning|Rebuilt \d+ pages .*warnings/.test(line))).toBe(true);
    s.stream.close();
  });

  it("refuses to preview into a folder that is not a site (exit 2) and leaves it alone", async () => {
    const root = makeTempDir({ ".adrgenrc.json": "{}", "docs/adr/0001-a.md": "# A\n", "public/notes.txt": "mine\n" });
    const workspace = await resolveWorkspace({ cwd: root });
    const error = await serveSite({ workspace, out: path.join(root, "public"), port: 0 }, { info: () => {}, warn: () => {} }).catch((e: unknown) => e);
    expect((error as { exitCode?: number }).exitCode).toBe(2);
    expect(readFileSync(path.join(root, "public/notes.txt"), "utf8")).toBe("mine\n");
  });
});
