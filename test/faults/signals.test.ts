// Issue 9 §2: SIGINT/SIGTERM during `new` (scanning, deciding, a waiting prompt) and during the
// revise confirmation leave no partial ADR, no temp file and no lock file (src/io/interrupt.ts).
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { BUILT_CLI, PROJECT_ROOT, spawnAdrgen } from "../helpers/spawn.js";
import { cleanupTempDirs, makeGitRepo, makeTempDir } from "../helpers/tmp.js";
import { ENV, leftovers, listFiles, runAndSignal } from "./signal-helpers.js";

afterAll(cleanupTempDirs);

const hasScript = (() => {
  try {
    execFileSync("script", ["-qec", "true", "/dev/null"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();
// A pseudo-terminal needs util-linux `script`; without it the prompt cases cannot run.
const itPty = hasScript ? it : it.skip;

/** How an interrupted run may end: 128 + signal from adrgen's handler, killed before the handler was installed, or a write refused after the signal. */
const interruptedCleanly = (run: { code: number | null; signal: NodeJS.Signals | null; output: string }, signal: NodeJS.Signals) =>
  run.code === (signal === "SIGINT" ? 130 : 143) || run.signal === signal || (run.code === 2 && /Interrupted \(SIG(INT|TERM)\); nothing was written\./.test(run.output));

const adrFiles = (repo: string) => listFiles(repo).filter((file) => file.startsWith("docs/adr/") && file.endsWith(".md"));

/** An ADR that `new` finished: the whole file, up to the closing adrgen machine block. */
const isComplete = (text: string) => /^# /m.test(text) && /## Decision Outcome/.test(text) && text.trimEnd().endsWith("-->");

let bigRepo = "";

beforeAll(() => {
  if (!existsSync(BUILT_CLI)) throw new Error("dist/adrgen.js is missing: run `npm run build` (npm test does it).");
  // Big enough that scanning takes a few hundred milliseconds, so a signal lands inside it.
  bigRepo = makeTempDir();
  execFileSync(process.execPath, [path.join(PROJECT_ROOT, "scripts/gen-large-repo.mjs"), bigRepo, "5000"], { stdio: "ignore" });
}, 120_000);

afterEach(() => rmSync(path.join(bigRepo, "docs"), { recursive: true, force: true }));

describe("signals during adrgen new --yes (built CLI)", () => {
  it.each(["SIGINT", "SIGTERM"] as const)("%s while scanning: exits 128+n, writes nothing, leaves no lock or temp file", async (signal) => {
    const run = await runAndSignal(["new", "choose message queue", "--yes"], bigRepo, { when: /Scanning the repository/, signal });
    expect(run.sent).toBe(true);
    expect(run.code).toBe(signal === "SIGINT" ? 130 : 143);
    expect(adrFiles(bigRepo)).toEqual([]);
    expect(leftovers(bigRepo)).toEqual([]);
  });

  it("signals at spread-out moments: every run either wrote one complete ADR or nothing, and never left a temp or lock file", async () => {
    const outcomes = new Set<string>();
    const repo = makeGitRepo({ "package.json": JSON.stringify({ name: "svc", dependencies: { express: "^4.19.2", pg: "^8.11.5" } }) });
    for (const [i, delay] of [0, 40, 80, 120, 160, 200, 240, 280, 330, 400, 500, 700].entries()) {
      const signal = i % 2 === 0 ? "SIGINT" : "SIGTERM";
      const run = await runAndSignal(["new", "choose message queue", "--yes"], repo, { afterMs: delay, signal });
      const files = adrFiles(repo);
      // The output goes into each failure message: a failure here must say how the run ended.
      expect({ delay, leftovers: leftovers(repo), output: run.output }).toEqual({ delay, leftovers: [], output: run.output });
      if (run.code === 0) {
        expect(files).toEqual(["docs/adr/0001-choose-message-queue.md"]);
        expect(isComplete(readFileSync(path.join(repo, files[0]!), "utf8"))).toBe(true);
        outcomes.add("written");
      } else {
        // A signal after the ADR was complete (before the exit) may leave it: complete, never partial.
        const partial = files.filter((file) => !isComplete(readFileSync(path.join(repo, file), "utf8")));
        expect({ delay, clean: interruptedCleanly(run, signal), files: files.length <= 1, partial, code: run.code, output: run.output }).toEqual({ delay, clean: true, files: true, partial: [], code: run.code, output: run.output });
        outcomes.add("interrupted");
      }
      rmSync(path.join(repo, "docs"), { recursive: true, force: true });
    }
    // The earliest signals must have interrupted; otherwise this test proved nothing.
    expect(outcomes.has("interrupted")).toBe(true);
  }, 60_000);

  it("SIGINT once deciding has started: a complete ADR or none, nothing else", async () => {
    const run = await runAndSignal(["new", "choose message queue", "--yes"], bigRepo, { when: /Deciding with/, signal: "SIGINT" });
    expect(run.sent).toBe(true);
    const files = adrFiles(bigRepo);
    if (run.code === 0) expect(files.map((file) => isComplete(readFileSync(path.join(bigRepo, file), "utf8")))).toEqual([true]);
    else {
      expect(interruptedCleanly(run, "SIGINT")).toBe(true);
      // Complete or absent: a signal after the write and before the exit may leave a finished ADR.
      expect(files.filter((file) => !isComplete(readFileSync(path.join(bigRepo, file), "utf8")))).toEqual([]);
    }
    expect(leftovers(bigRepo)).toEqual([]);
  });
});

describe("signals while a prompt waits on a terminal (pseudo-terminal via script)", () => {
  const prompt = /How many active users/;

  itPty.each([
    ["SIGINT", { signal: "SIGINT" as const }],
    ["SIGTERM", { signal: "SIGTERM" as const }],
    ["Ctrl-C typed", { keys: "\x03" }],
  ])("new: %s at a clarifying question writes nothing", async (_name, how) => {
    const repo = makeGitRepo();
    const run = await runAndSignal(["new", "choose message queue"], repo, { when: prompt, delayMs: 100, ...how }, true);
    expect(run.sent).toBe(true);
    expect(run.output).toMatch(prompt);
    expect(run.code).not.toBe(0);
    expect(listFiles(repo)).toEqual([]);
  });

  itPty.each(["SIGINT", "SIGTERM"] as const)("revise: %s at \"Write this revision?\" leaves the ADR byte for byte as it was", async (signal) => {
    const repo = makeGitRepo();
    const created = spawnAdrgen(["new", "choose message queue", "--yes"], { cwd: repo, env: ENV });
    expect(created.code).toBe(0);
    const file = path.join(repo, created.stdout.trim());
    const before = readFileSync(file, "utf8");
    const run = await runAndSignal(["revise", "1", "--answer", "scale.users=gt-1m", "--answer", "message-broker.replay=yes"], repo, { when: /Write this revision\?/, delayMs: 100, signal }, true);
    expect(run.sent).toBe(true);
    expect(run.code).not.toBe(0);
    expect(readFileSync(file, "utf8")).toBe(before);
    expect(listFiles(repo)).toEqual([created.stdout.trim()]);
  });
});
