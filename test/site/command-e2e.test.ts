// `adrgen site` through the built CLI (npm test builds dist first): exit codes, the path on
// stdout, and `--serve` as a real process that serves, reloads and stops cleanly on Ctrl-C.
import { afterAll, describe, expect, it } from "@jest/globals";
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { BUILT_CLI, spawnAdrgen } from "../helpers/spawn.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";
import { FIXTURE_ADRS } from "./browser-fixture.js";
import { openEventStream, rawRequest } from "./serve-http.js";

afterAll(() => cleanupTempDirs());

const repo = (extra: Record<string, string> = {}) => makeTempDir({ ".adrgenrc.json": "{}", ...FIXTURE_ADRS, ...extra });

interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitForStdout: (pattern: RegExp, timeoutMs?: number) => Promise<RegExpMatchArray>;
}

/** Starts the built CLI without waiting for it to end. */
function start(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Running {
  const child = spawn(process.execPath, [BUILT_CLI, ...args], { cwd, env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: "1", ADRGEN_DATE: "2026-01-15", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout!.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (err += c.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exit,
    waitForStdout: async (pattern, timeoutMs = 15_000) => {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const match = out.match(pattern);
        if (match) return match;
        if (Date.now() > end || child.exitCode !== null) throw new Error(`no ${pattern} on stdout; stdout=${JSON.stringify(out)} stderr=${JSON.stringify(err)}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
  };
}

describe("adrgen site (built CLI)", () => {
  it("exits 0 with the site's path on stdout", () => {
    const dir = repo();
    const result = spawnAdrgen(["site"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(".adrgen/site\n");
    expect(result.stderr).toMatch(/Built 10 pages/);
    expect(readFileSync(path.join(dir, ".adrgen/site/index.html"), "utf8")).toContain("Store the catalogue in PostgreSQL JSONB");
    // The assets the pages load are in the output.
    for (const asset of ["assets/site.css", "assets/site.js", "assets/search-index.js"]) expect(existsSync(path.join(dir, ".adrgen/site", asset))).toBe(true);
  });

  it("exits 2 and leaves the folder alone when it is not a site", () => {
    const dir = repo({ "out/important.txt": "keep\n" });
    const result = spawnAdrgen(["site", "--out", "out"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^error Refusing to overwrite/m);
    expect(readFileSync(path.join(dir, "out/important.txt"), "utf8")).toBe("keep\n");
  });

  it("--serve prints the URL, serves the site, reloads on change and exits 0 on Ctrl-C", async () => {
    const dir = repo();
    const run = start(["site", "--serve", "--port", "0"], dir);
    try {
      const [url] = await run.waitForStdout(/http:\/\/127\.0\.0\.1:\d+\//);
      const port = Number(new URL(url!).port);
      const index = await rawRequest(port, "/");
      expect(index.status).toBe(200);
      expect(index.body).toContain("assets/live-reload.js");
      expect(index.body).toContain("Use PostgreSQL");
      expect((await rawRequest(port, "/../.adrgenrc.json")).status).toBe(404);
      const stream = await openEventStream(port, "/__adrgen/events");
      await stream.waitFor("retry:");
      writeFileSync(path.join(dir, "docs/adr/0007-reject-soap.md"), "---\nstatus: rejected\n---\n\n# Reject SOAP and XML-RPC\n");
      await stream.waitFor("event: reload", 10_000);
      expect((await rawRequest(port, "/")).body).toContain("Reject SOAP and XML-RPC");
      stream.close();
      run.child.kill("SIGINT");
      const { code } = await run.exit;
      expect(code).toBe(0);
      expect(run.stderr()).toMatch(/Serving \.adrgen\/site at http:\/\/127\.0\.0\.1:\d+\/ \(live reload on\)\. Press Ctrl-C to stop\./);
      expect(run.stderr()).toMatch(/Rebuilt \d+ pages in \d+ ms/);
      expect(run.stderr()).toMatch(/Stopped\. \.adrgen\/site holds the preview build \(with live reload\); run adrgen site before publishing it\.\n$/);
      expect(run.stdout()).toBe(`${url}\n`);
      await expect(rawRequest(port, "/")).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      run.child.kill("SIGKILL");
    }
  });

  it("--serve exits 0 on SIGTERM too, with open connections", async () => {
    const run = start(["site", "--serve", "--json"], repo());
    try {
      await run.waitForStdout(/\}\n$/);
      const info = JSON.parse(run.stdout()) as { url: string; out: string };
      const port = Number(new URL(info.url).port);
      const stream = await openEventStream(port, "/__adrgen/events");
      await stream.waitFor("retry:");
      run.child.kill("SIGTERM");
      expect((await run.exit).code).toBe(0);
      stream.close();
    } finally {
      run.child.kill("SIGKILL");
    }
  });

  it("--serve on a port in use exits 2 with a hint", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = spawnAdrgen(["site", "--serve", "--port", String(port)], { cwd: repo() });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain(`error Port ${port} on 127.0.0.1 is already in use.`);
      expect(result.stderr).toMatch(/hint .*--port 0/);
    } finally {
      blocker.close();
    }
  });

  it("--serve --open hands the URL to the system opener", async () => {
    const bin = makeTempDir({});
    const record = path.join(bin, "opened.txt");
    writeFileSync(path.join(bin, "xdg-open"), `#!/bin/sh\nprintf '%s\\n' "$1" > '${record}'\n`);
    chmodSync(path.join(bin, "xdg-open"), 0o755);
    const run = start(["site", "--serve", "--open"], repo(), { PATH: `${bin}${path.delimiter}${process.env.PATH}` });
    try {
      const [url] = await run.waitForStdout(/http:\/\/127\.0\.0\.1:\d+\//);
      const end = Date.now() + 5000;
      while (!existsSync(record) && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(readFileSync(record, "utf8")).toBe(`${url}\n`);
      run.child.kill("SIGINT");
      expect((await run.exit).code).toBe(0);
    } finally {
      run.child.kill("SIGKILL");
    }
  });
});
