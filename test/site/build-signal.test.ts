// Ctrl-C during `adrgen site` (the built CLI): the run stops promptly, the previous site stays exactly as
// it was and no half-built directory is left beside it.
import { afterAll, describe, expect, it } from "@jest/globals";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { runAndSignal } from "../faults/signal-helpers.js";
import { spawnAdrgen } from "../helpers/spawn.js";
import { cleanupTempDirs, makeTempDir, writeFiles } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

function manyAdrs(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let n = 2; n < count + 2; n++) {
    const body = `We need to decide concern ${n}. ${"The system grows and this matters, see https://example.com/x and | tables |. ".repeat(30)}`;
    files[`docs/adr/${String(n).padStart(4, "0")}-decision-${n}.md`] = `---\nstatus: accepted\ndate: 2024-01-02\n---\n\n# Decision ${n}\n\n## Context\n\n${body}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n`;
  }
  return files;
}

describe("adrgen site interrupted", () => {
  it("stops with exit 130 on SIGINT during a cold build, leaving the old site intact and no temp directory", async () => {
    const dir = makeTempDir({ ".git/HEAD": "ref: refs/heads/main\n", "docs/adr/0001-first.md": "# First\n\nBody.\n" });
    const first = spawnAdrgen(["site"], { cwd: dir });
    expect(first.code).toBe(0);
    const site = path.join(dir, ".adrgen/site");
    const before = readFileSync(path.join(site, "index.html"), "utf8");
    const pagesBefore = readdirSync(path.join(site, "adr")).sort();

    // Enough new ADRs (and no cache) that the next build renders for several seconds.
    writeFiles(dir, manyAdrs(2500));
    rmSync(path.join(dir, ".adrgen/cache"), { recursive: true, force: true });
    // The signal goes once the run has done real work (1 s of CPU; start-up takes a fraction of that and the
    // whole cold build several times as much), so it lands mid-build on a slow machine and a fast one alike.
    const run = await runAndSignal(["site"], dir, { afterCpuMs: 1000, killAfterMs: 60_000 });

    expect(run.sent).toBe(true);
    expect({ code: run.code, output: run.output }).toEqual({ code: 130, output: expect.any(String) });
    expect(readFileSync(path.join(site, "index.html"), "utf8")).toBe(before);
    expect(readdirSync(path.join(site, "adr")).sort()).toEqual(pagesBefore);
    // Only the site, the cache and the folder's own .gitignore: no temp directory left behind.
    expect(readdirSync(path.join(dir, ".adrgen")).filter((name) => !["site", "cache", ".gitignore"].includes(name))).toEqual([]);
    expect(existsSync(path.join(site, ".adrgen-site.json"))).toBe(true);
  }, 90_000);
});
