import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { contentTypeFor, fileForUrlPath, serveStatic } from "../../src/site/serve-static.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";
import { rawRequest } from "./serve-http.js";

let site: string;
let secretDir: string;
let server: Server;
let port: number;
let prefixed: Server;
let prefixedPort: number;

function listen(handler: Parameters<typeof createServer>[1]): Promise<[Server, number]> {
  const s = createServer(handler);
  return new Promise((resolve) => s.listen(0, "127.0.0.1", () => resolve([s, (s.address() as AddressInfo).port])));
}

beforeAll(async () => {
  secretDir = makeTempDir({ "secret.txt": "TOP SECRET outside the site\n" });
  const parent = makeTempDir({
    "site/index.html": "<!doctype html><title>Index</title><h1>Decision log</h1>",
    "site/assets/site.css": "body{color:red}",
    "site/assets/app.js": "console.log(1)",
    "site/assets/search.json": "{}",
    "site/adr/0001-use-postgres.html": "<h1>Use Postgres</h1>",
    "site/img/logo.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
    "site/sub/index.html": "<h1>Sub index</h1>",
    "sibling-secret.txt": "SIBLING SECRET next to the site\n",
  });
  site = path.join(parent, "site");
  symlinkSync(path.join(secretDir, "secret.txt"), path.join(site, "escape.txt"));
  symlinkSync(secretDir, path.join(site, "escape-dir"));
  symlinkSync(path.join(site, "adr/0001-use-postgres.html"), path.join(site, "inside-link.html"));
  mkdirSync(path.join(site, "empty-dir"));
  writeFileSync(path.join(site, "data.unknownext"), "x");
  [server, port] = await listen((req, res) => void serveStatic(req, res, site));
  [prefixed, prefixedPort] = await listen((req, res) => void serveStatic(req, res, site, "/some/sub/path/"));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await new Promise((resolve) => prefixed.close(resolve));
  cleanupTempDirs();
});

describe("serveStatic", () => {
  it("serves the index for / and files with their content types", async () => {
    const index = await rawRequest(port, "/");
    expect(index.status).toBe(200);
    expect(index.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(index.body).toContain("<h1>Decision log</h1>");
    expect(index.headers["x-content-type-options"]).toBe("nosniff");
    const cases: Array<[string, string]> = [
      ["/assets/site.css", "text/css; charset=utf-8"],
      ["/assets/app.js", "text/javascript; charset=utf-8"],
      ["/assets/search.json", "application/json; charset=utf-8"],
      ["/img/logo.svg", "image/svg+xml"],
      ["/adr/0001-use-postgres.html", "text/html; charset=utf-8"],
      ["/data.unknownext", "application/octet-stream"],
    ];
    for (const [url, type] of cases) {
      const res = await rawRequest(port, url);
      expect([url, res.status, res.headers["content-type"]]).toEqual([url, 200, type]);
    }
  });

  it("answers HEAD without a body and refuses other methods", async () => {
    const head = await rawRequest(port, "/assets/site.css", "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-length"]).toBe(String("body{color:red}".length));
    expect(head.body).toBe("");
    const post = await rawRequest(port, "/", "POST");
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe("GET, HEAD");
  });

  it("serves a directory's index.html and redirects a directory without its slash", async () => {
    expect((await rawRequest(port, "/sub/")).body).toContain("Sub index");
    const redirect = await rawRequest(port, "/sub");
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe("/sub/");
    expect((await rawRequest(port, "/empty-dir/")).status).toBe(404);
  });

  it("gives a 404 page for missing files", async () => {
    const res = await rawRequest(port, "/adr/9999-nothing.html");
    expect(res.status).toBe(404);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(res.body).toContain("Not found");
    expect(res.body).toContain('href="/"');
  });

  it("never serves a file outside the site, however the path is spelled", async () => {
    const attempts = [
      "/../sibling-secret.txt",
      "/..%2fsibling-secret.txt",
      "/%2e%2e/sibling-secret.txt",
      "/%2E%2E%2Fsibling-secret.txt",
      "/assets/../../sibling-secret.txt",
      "/..%5csibling-secret.txt",
      "/assets%2f..%2f..%2fsibling-secret.txt",
      "/index.html%00.css",
      "/%ff%fe",
      `/${"../".repeat(12)}etc/passwd`,
      "//etc/passwd",
    ];
    for (const attempt of attempts) {
      const res = await rawRequest(port, attempt);
      expect([attempt, res.status]).toEqual([attempt, 404]);
      expect(res.body).not.toContain("SECRET");
      expect(res.body).not.toContain("root:");
    }
  });

  it("does not follow symlinks out of the site but does follow those that stay inside", async () => {
    for (const url of ["/escape.txt", "/escape-dir/secret.txt", "/escape-dir/"]) {
      const res = await rawRequest(port, url);
      expect([url, res.status]).toEqual([url, 404]);
      expect(res.body).not.toContain("SECRET");
    }
    const inside = await rawRequest(port, "/inside-link.html");
    expect(inside.status).toBe(200);
    expect(inside.body).toContain("Use Postgres");
  });

  it("serves the site below a sub-path prefix only", async () => {
    const redirect = await rawRequest(prefixedPort, "/some/sub/path");
    expect([redirect.status, redirect.headers.location]).toEqual([301, "/some/sub/path/"]);
    expect((await rawRequest(prefixedPort, "/some/sub/path/")).body).toContain("Decision log");
    expect((await rawRequest(prefixedPort, "/some/sub/path/assets/site.css")).body).toBe("body{color:red}");
    expect((await rawRequest(prefixedPort, "/index.html")).status).toBe(404);
    expect((await rawRequest(prefixedPort, "/some/sub/path/../../../sibling-secret.txt")).status).toBe(404);
    const notFound = await rawRequest(prefixedPort, "/some/sub/path/missing.html");
    expect(notFound.body).toContain('href="/some/sub/path/"');
  });
});

describe("fileForUrlPath and contentTypeFor", () => {
  it("maps URL paths inside the root and rejects the rest", () => {
    const root = path.resolve("/srv/site");
    expect(fileForUrlPath(root, "adr/x%20y.html")).toBe(path.join(root, "adr", "x y.html"));
    expect(fileForUrlPath(root, "")).toBe(root);
    expect(fileForUrlPath(root, "../x")).toBeUndefined();
    expect(fileForUrlPath(root, "a/%2e%2e/%2e%2e/x")).toBeUndefined();
    expect(fileForUrlPath(root, "a%2Fb")).toBeUndefined();
    expect(fileForUrlPath(root, "%E0%A4%A")).toBeUndefined();
  });

  it("knows the site's file kinds case-insensitively", () => {
    expect(contentTypeFor("a/B.HTML")).toBe("text/html; charset=utf-8");
    expect(contentTypeFor("x.png")).toBe("image/png");
    expect(contentTypeFor("noext")).toBe("application/octet-stream");
  });
});
