// Eight `adrgen new` processes started at once in one repository must get eight distinct
// numbers: the directory lock serialises numbering, the exclusive create forbids overwrites.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { BUILT_CLI, spawnAdrgen } from "../helpers/spawn.js";
import { cleanupTempDirs, makeGitRepo } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

const ENV = { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: "1", ADRGEN_DATE: "2026-01-15", ADRGEN_DECISION_MAKERS: "Alex Example" };

function runAsync(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BUILT_CLI, ...args], { cwd, env: ENV, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(() => {
  if (!existsSync(BUILT_CLI)) throw new Error("dist/adrgen.js is missing: run `npm run build` (npm test does it).");
});

describe("parallel adrgen new (built CLI)", () => {
  it("gives 8 parallel runs with different titles 8 distinct numbers and overwrites nothing", async () => {
    const repo = makeGitRepo();
    expect(spawnAdrgen(["init"], { cwd: repo, env: ENV }).code).toBe(0);
    const titles = Array.from({ length: 8 }, (_, i) => `Parallel decision ${String.fromCharCode(97 + i)}`);
    const results = await Promise.all(titles.map((title) => runAsync(["new", title, "--blank"], repo)));
    for (const result of results) {
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
    }
    const files = readdirSync(path.join(repo, "docs/adr")).sort();
    expect(files).toHaveLength(9);
    const numbers = files.map((f) => Number(f.slice(0, 4)));
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Each process printed the file it created, and each file holds its own title.
    const printed = results.map((r) => r.stdout.trim()).sort();
    expect(new Set(printed).size).toBe(8);
    for (const [i, title] of titles.entries()) {
      const result = results[i]!;
      const text = readFileSync(path.join(repo, result.stdout.trim()), "utf8");
      expect(text).toContain(`\n# ${title}\n`);
    }
    expect(existsSync(path.join(repo, "docs/adr/.adrgen.lock"))).toBe(false);
  });

  it("recovers a lock left behind by a crashed run", () => {
    const repo = makeGitRepo({
      "docs/adr/.adrgen.lock": JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), createdAt: Date.now(), token: "crashed" }),
    });
    const started = Date.now();
    const result = spawnAdrgen(["new", "After a crash", "--blank"], { cwd: repo, env: ENV });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("docs/adr/0001-after-a-crash.md\n");
    expect(Date.now() - started).toBeLessThan(5000);
    expect(existsSync(path.join(repo, "docs/adr/.adrgen.lock"))).toBe(false);
  });
});
