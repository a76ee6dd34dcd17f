import { afterAll, describe, expect, it } from "@jest/globals";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { displayPath, formatBuildSummary, formatBytes, previewSite, siteOutDir, validPort } from "../../src/app/site.js";
import { resolveWorkspace } from "../../src/config/workspace.js";
import { AdrgenError } from "../../src/domain/errors.js";
import { runAdrgen } from "../helpers/run.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";
import { FIXTURE_ADRS } from "./browser-fixture.js";

afterAll(() => cleanupTempDirs());

/** Every file below a directory with its size. */
function filesBelow(dir: string): Array<{ rel: string; size: number }> {
  const found: Array<{ rel: string; size: number }> = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else found.push({ rel: path.relative(dir, full).split(path.sep).join("/"), size: statSync(full).size });
    }
  };
  walk(dir);
  return found;
}

const repo = (extra: Record<string, string> = {}) => makeTempDir({ ".adrgenrc.json": "{}", ...FIXTURE_ADRS, ...extra });

describe("adrgen site", () => {
  it("builds into .adrgen/site, prints the path on stdout and a summary with the warnings on stderr", async () => {
    const dir = repo();
    const result = await runAdrgen(["site"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(".adrgen/site\n");
    const out = path.join(dir, ".adrgen/site");
    const files = filesBelow(out);
    const pages = files.filter((f) => f.rel.endsWith(".html"));
    expect(pages.length).toBe(3 + Object.keys(FIXTURE_ADRS).length);
    const bytes = files.reduce((sum, f) => sum + f.size, 0);
    expect(result.stderr).toContain(`Built ${pages.length} pages (${files.length} files, ${formatBytes(bytes)}, 2 warnings) in `);
    expect(result.stderr).toMatch(/ s → \.adrgen\/site\n/);
    expect(result.stderr).toMatch(/^warning docs\/adr\/0006-broken-front-matter\.md: .*front matter/im);
    expect(readFileSync(path.join(out, "index.html"), "utf8")).toContain("Use PostgreSQL");
    // Not a preview: no live-reload client in the pages.
    expect(readFileSync(path.join(out, "index.html"), "utf8")).not.toContain("live-reload.js");
  });

  it("--json reports what was written, matching the files on disk", async () => {
    const dir = repo();
    const result = await runAdrgen(["site", "--json", "--out", "public"], { cwd: dir });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { out: string; pages: number; files: number; bytes: number; warnings: string[]; ms: number };
    const files = filesBelow(path.join(dir, "public"));
    expect(report.out).toBe(path.join(dir, "public"));
    expect(report.files).toBe(files.length);
    expect(report.bytes).toBe(files.reduce((sum, f) => sum + f.size, 0));
    expect(report.pages).toBe(files.filter((f) => f.rel.endsWith(".html")).length);
    expect(report.warnings).toHaveLength(2);
    expect(report.warnings.every((w) => w.startsWith("docs/adr/0006-broken-front-matter.md: "))).toBe(true);
    expect(report.ms).toBeGreaterThanOrEqual(0);
  });

  it("takes --out against the directory it runs in and site.out from the config against the root", async () => {
    const dir = repo({ ".adrgenrc.json": JSON.stringify({ site: { out: "build/decisions" } }) });
    mkdirSync(path.join(dir, "docs/adr/sub"), { recursive: true });
    const fromConfig = await runAdrgen(["site"], { cwd: path.join(dir, "docs/adr/sub") });
    expect(fromConfig.code).toBe(0);
    expect(fromConfig.stdout).toBe(`${path.join(dir, "build/decisions")}\n`);
    expect(existsSync(path.join(dir, "build/decisions/index.html"))).toBe(true);
    const fromFlag = await runAdrgen(["site", "--out", "../site-here"], { cwd: path.join(dir, "docs/adr/sub") });
    expect(fromFlag.code).toBe(0);
    expect(existsSync(path.join(dir, "docs/adr/site-here/index.html"))).toBe(true);
  });

  it("refuses to overwrite a folder that is not a site (exit 2) unless --force, and rebuilds its own site", async () => {
    const dir = repo({ "public/keep.txt": "my notes\n" });
    const refused = await runAdrgen(["site", "--out", "public"], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toMatch(/Refusing to overwrite .*public/);
    expect(refused.stderr).toMatch(/hint .*--force/);
    expect(readFileSync(path.join(dir, "public/keep.txt"), "utf8")).toBe("my notes\n");
    const forced = await runAdrgen(["site", "--out", "public", "--force"], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(existsSync(path.join(dir, "public/keep.txt"))).toBe(false);
    expect(existsSync(path.join(dir, "public/index.html"))).toBe(true);
    const again = await runAdrgen(["site", "--out", "public"], { cwd: dir });
    expect(again.code).toBe(0);
  });

  it("refuses to build into the repository or an ADR directory (exit 2)", async () => {
    const dir = repo();
    for (const out of [".", "docs"]) {
      const result = await runAdrgen(["site", "--out", out], { cwd: dir });
      expect([out, result.code]).toEqual([out, 2]);
      expect(result.stderr).toMatch(/Refusing to build the site into/);
    }
  });

  it("rejects --port and --open without --serve, and a bad port, with exit 2", async () => {
    const dir = repo();
    for (const [args, message] of [
      [["site", "--port", "4000"], "--port only works with --serve."],
      [["site", "--open"], "--open only works with --serve."],
      [["site", "--out", ""], "--out must name a directory, not an empty string."],
      [["site", "--serve", "--port", "70000"], '--port must be a whole number from 0 to 65535, not "70000".'],
      [["site", "--serve", "--port", "abc"], '--port must be a whole number from 0 to 65535, not "abc".'],
      [["site", "--serve", "--port", "4e3"], '--port must be a whole number from 0 to 65535, not "4e3".'],
      [["site", "--serve", "--port", "-1"], '--port must be a whole number from 0 to 65535, not "-1".'],
    ] as const) {
      const result = await runAdrgen([...args], { cwd: dir });
      expect([args, result.code]).toEqual([args, 2]);
      expect(result.stderr).toContain(message);
    }
    expect(existsSync(path.join(dir, ".adrgen/site"))).toBe(false);
  });

  it("--quiet keeps only the path and the warnings", async () => {
    const result = await runAdrgen(["site", "--quiet"], { cwd: repo() });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(".adrgen/site\n");
    expect(result.stderr).not.toContain("Built");
    expect(result.stderr).toContain("warning docs/adr/0006");
  });

  it("builds an empty site for a repository without ADRs", async () => {
    const dir = makeTempDir({ ".adrgenrc.json": "{}" });
    const result = await runAdrgen(["site"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(dir, ".adrgen/site/index.html"), "utf8")).toContain("No decisions recorded yet");
  });
});

describe("site use-case helpers", () => {
  it("siteOutDir: flag, config, default", async () => {
    const dir = makeTempDir({ ".adrgenrc.json": JSON.stringify({ site: { out: "pub" } }) });
    const workspace = await resolveWorkspace({ cwd: dir });
    expect(siteOutDir(workspace, path.join(dir, "x"), "o")).toBe(path.join(dir, "x/o"));
    expect(siteOutDir(workspace, path.join(dir, "x"), undefined)).toBe(path.join(dir, "pub"));
    const plain = await resolveWorkspace({ cwd: makeTempDir({ ".adrgenrc.json": "{}" }) });
    expect(siteOutDir(plain, "/elsewhere", undefined)).toBe(path.join(plain.root, ".adrgen/site"));
    for (const empty of ["", "  "]) expect(() => siteOutDir(plain, "/elsewhere", empty)).toThrow(/--out must name a directory, not an empty string/);
  });

  it("validPort, formatBytes, displayPath, formatBuildSummary", () => {
    expect(validPort(undefined)).toBe(0);
    expect(validPort(8080)).toBe(8080);
    expect(validPort("4000")).toBe(4000);
    expect(() => validPort("")).toThrow('not "".');
    expect(() => validPort(1.5)).toThrow(AdrgenError);
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(2048)).toBe("2.0 KB");
    expect(formatBytes(3 * 1024 * 1024 + 100_000)).toBe("3.1 MB");
    expect(displayPath("/repo", "/repo/.adrgen/site")).toBe(".adrgen/site");
    expect(displayPath("/repo/docs", "/repo/site")).toBe("/repo/site");
    expect(displayPath("/repo", "/repo")).toBe(".");
    expect(formatBuildSummary({ out: "/x", pages: 1, files: 4, bytes: 2048, warnings: ["a"], ms: 1234 }, "x")).toBe("Built 1 page (4 files, 2.0 KB, 1 warning) in 1.23 s → x");
  });

  it("previewSite prints the URL, opens it when asked, and closes the server when stopped", async () => {
    const events: string[] = [];
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const workspace = await resolveWorkspace({ cwd: makeTempDir({ ".adrgenrc.json": "{}" }) });
    const done = previewSite({ workspace, out: "/tmp/x", port: 0, open: true }, { info: () => {}, warn: () => {} }, {
      serveSite: async (options) => {
        events.push(`serve port=${options.port} out=${options.out}`);
        return { url: "http://127.0.0.1:1234/", close: async () => void events.push("close") };
      },
      untilStopped: () => stopped,
      openUrl: (url) => void events.push(`open ${url}`),
      onReady: (url) => void events.push(`ready ${url}`),
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toEqual(["serve port=0 out=/tmp/x", "ready http://127.0.0.1:1234/", "open http://127.0.0.1:1234/"]);
    stop();
    await done;
    expect(events.at(-1)).toBe("close");
  });
});
