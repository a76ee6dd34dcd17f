// The render pool: how many workers a build starts, that the outcomes are the same and in job order
// whichever thread rendered them, and that jobs a worker never returned (it did not start, it crashed
// mid-way) are rendered on the main thread. The real worker bundle is compared with the main thread's
// renderer on a whole site when dist/ is built (npm test builds it first).
import { afterAll, describe, expect, it } from "@jest/globals";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { resolveWorkspace } from "../../src/config/workspace.js";
import { buildSite } from "../../src/site/build.js";
import { defaultWorkerFile, MIN_PARALLEL_JOBS, plannedWorkers, renderAll, type RenderJob } from "../../src/site/render-pool.js";
import { renderMarkdown } from "../../src/site/render-markdown.js";
import { SITE_MARKER } from "../../src/site/site-manifest.js";
import { BUILT_CLI, PROJECT_ROOT, spawnAdrgen } from "../helpers/spawn.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";
import { FIXTURE_ADRS } from "./browser-fixture.js";

afterAll(cleanupTempDirs);

const BUILT_WORKER = path.join(PROJECT_ROOT, "dist", "site-render-worker.js");

// Bodies of every kind the renderer handles: tables, footnotes, task lists, autolinks, raw HTML, links between ADRs.
function variedJobs(count: number): RenderJob[] {
  const kinds = [
    (n: number) => `# ${n}. Title\n\n| Option | Cost |\n|:--|--:|\n| A${n} | ${n} |\n`,
    (n: number) => `---\nstatus: accepted\n---\n\n# T${n}\n\nText[^${n}] with www.example.com/${n} and a@b${n}.co.\n\n[^${n}]: Note ${n}.\n`,
    (n: number) => `# T\n\n- [x] done ${n}\n- [ ] open\n\n~~old ${n}~~ <script>alert(${n})</script>\n`,
    (n: number) => `# T\n\nSee [the other](000${n % 9}-x.md#decision) and ![img](img/${n}.png).\n\n## Decision\n\n${"Prose. ".repeat(n % 40)}\n`,
  ];
  return Array.from({ length: count }, (_, n) => ({ source: kinds[n % kinds.length]!(n), titleLine: n % 3 === 0 ? 1 : null }));
}

// This thread's renderer, slowed down so that a worker starting meanwhile gets jobs to take.
const slowly =
  (render: typeof renderMarkdown, ms: number): typeof renderMarkdown =>
  (source, options) => {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
    return render(source, options);
  };

const hashesAndSizes = (marker: string) => Object.entries((JSON.parse(marker) as { files: Record<string, unknown[]> }).files).map(([file, [hash, size]]) => [file, hash, size]);

const inThread = (jobs: RenderJob[]) => jobs.map((job) => ({ ok: true, value: renderMarkdown(job.source, { titleLine: job.titleLine }) }));

describe("plannedWorkers", () => {
  it("starts none for a small build or on two cores, two fewer than the cores for a large one", () => {
    expect(plannedWorkers(MIN_PARALLEL_JOBS - 1, {}, 8)).toBe(0);
    expect(plannedWorkers(1000, {}, 8)).toBe(6);
    expect(plannedWorkers(1000, {}, 3)).toBe(1);
    expect(plannedWorkers(1000, {}, 2)).toBe(0);
    expect(plannedWorkers(1000, {}, 1)).toBe(0);
    // Each thread gets a fair share to make its start-up worth it.
    expect(plannedWorkers(MIN_PARALLEL_JOBS, {}, 16)).toBe(2);
  });

  it("follows ADRGEN_SITE_WORKERS, never more workers than jobs; ignores a value that is not a count", () => {
    expect(plannedWorkers(1000, { ADRGEN_SITE_WORKERS: "0" }, 8)).toBe(0);
    expect(plannedWorkers(3, { ADRGEN_SITE_WORKERS: "2" }, 1)).toBe(2);
    expect(plannedWorkers(1, { ADRGEN_SITE_WORKERS: "4" }, 8)).toBe(1);
    expect(plannedWorkers(1000, { ADRGEN_SITE_WORKERS: "many" }, 4)).toBe(2);
  });

  it("has no worker script when running from the sources", () => {
    expect(defaultWorkerFile(path.join(PROJECT_ROOT, "src/site/render-pool.ts"))).toBeUndefined();
  });
});

describe("renderAll", () => {
  const jobs = variedJobs(40);

  it("renders everything on this thread without a worker script", async () => {
    const result = await renderAll(jobs, { workers: 2, workerFile: undefined, render: renderMarkdown });
    expect(result.outcomes).toEqual(inThread(jobs));
    expect(result.inWorkers).toBe(0);
  });

  it("renders here what a worker that cannot start would have rendered", async () => {
    const result = await renderAll(jobs, { workers: 2, workerFile: path.join(makeTempDir(), "missing-worker.mjs"), render: renderMarkdown });
    expect(result.outcomes).toEqual(inThread(jobs));
    expect(result.inWorkers).toBe(0);
  });

  it("renders here the jobs a worker took and never returned (it crashed)", async () => {
    // Takes ten jobs from the shared counter, notes which, then dies without posting anything.
    const dir = makeTempDir();
    const worker = path.join(dir, "crashing-worker.mjs");
    writeFileSync(
      worker,
      `import { writeFileSync } from "node:fs";\nimport { workerData } from "node:worker_threads";\nconst next = new Int32Array(workerData.next);\nconst taken = [];\nfor (let i = 0; i < 10; i++) taken.push(Atomics.add(next, 0, 1));\nwriteFileSync(${JSON.stringify(path.join(dir, "taken.json"))}, JSON.stringify(taken));\nthrow new Error("worker crashed");\n`,
    );
    const result = await renderAll(jobs, { workers: 1, workerFile: worker, render: slowly(renderMarkdown, 20) });
    const taken = JSON.parse(readFileSync(path.join(dir, "taken.json"), "utf8")) as number[];
    expect(taken.filter((i) => i < jobs.length).length).toBeGreaterThan(0);
    expect(result.outcomes).toEqual(inThread(jobs));
    expect(result.inWorkers).toBe(0);
  });

  it("puts a worker's results, and the errors it reports, at their jobs' places", async () => {
    // Takes every job before this thread gets one and answers each with its index, failing the odd ones.
    const worker = path.join(makeTempDir(), "echo-worker.mjs");
    writeFileSync(
      worker,
      `import { parentPort, workerData } from "node:worker_threads";\nconst next = new Int32Array(workerData.next);\nconst out = [];\nfor (let i = Atomics.add(next, 0, 1); i < workerData.jobs.length; i = Atomics.add(next, 0, 1)) out.push(i % 2 ? [i, null, "boom " + i] : [i, "<p>" + i + "</p>", String(workerData.jobs[i].titleLine)]);\nparentPort.postMessage(out.slice(0, 3));\nparentPort.postMessage(out.slice(3));\n`,
    );
    const few = jobs.slice(0, 6);
    // Each job rendered here takes 300 ms (and fails), so the worker takes most of them.
    const notHere = slowly(() => {
      throw new Error("not here");
    }, 300);
    const result = await renderAll(few, { workers: 1, workerFile: worker, render: notHere });
    expect(result.inWorkers).toBeGreaterThan(0);
    expect(result.inWorkers + result.outcomes.filter((o) => !o.ok && o.message === "not here").length).toBe(6);
    result.outcomes.forEach((outcome, i) => {
      if (!outcome.ok && outcome.message === "not here") return;
      expect(outcome).toEqual(i % 2 ? { ok: false, message: `boom ${i}` } : { ok: true, value: { html: `<p>${i}</p>`, text: String(few[i]!.titleLine) } });
    });
  });

  it("reports a body the renderer throws on as that error's message", async () => {
    const result = await renderAll([{ source: "a", titleLine: null }, { source: "bad", titleLine: null }], {
      workers: 0,
      workerFile: undefined,
      render: (source) => {
        if (source === "bad") throw new Error("renderer failed");
        return { html: source, text: source };
      },
    });
    expect(result.outcomes).toEqual([{ ok: true, value: { html: "a", text: "a" } }, { ok: false, message: "renderer failed" }]);
  });
});

(existsSync(BUILT_WORKER) ? describe : describe.skip)("the built worker (dist/site-render-worker.js)", () => {
  it("renders exactly what this thread renders", async () => {
    const jobs = variedJobs(120);
    const result = await renderAll(jobs, { workers: 2, workerFile: BUILT_WORKER, render: renderMarkdown });
    expect(result.inWorkers).toBeGreaterThan(0);
    expect(result.outcomes).toEqual(inThread(jobs));
  }, 30_000);

  it("builds a byte-identical site with workers and without", async () => {
    const files: Record<string, string> = { ".adrgenrc.json": "{}", ...FIXTURE_ADRS };
    for (const [i, job] of variedJobs(80).entries()) files[`docs/adr/${String(100 + i).padStart(4, "0")}-generated-${i}.md`] = job.source;
    const dir = makeTempDir(files);
    const workspace = await resolveWorkspace({ cwd: dir });
    const build = (out: string, workers: number) =>
      buildSite({ workspace, out: path.join(dir, out), cache: false, generatedAt: "2026-01-15T00:00:00.000Z" }, { renderPool: { workers, workerFile: BUILT_WORKER } });
    const alone = await build("alone", 0);
    const pooled = await build("pooled", 2);
    expect(alone.renderedInWorkers).toBe(0);
    expect(pooled.renderedInWorkers).toBeGreaterThan(0);
    expect(pooled.rendered).toBe(alone.rendered);
    const list = (root: string) => readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name))).sort();
    const names = list(path.join(dir, "alone"));
    expect(list(path.join(dir, "pooled"))).toEqual(names);
    expect(names.length).toBeGreaterThan(90);
    for (const name of names) {
      const [pooledText, aloneText] = ["pooled", "alone"].map((out) => readFileSync(path.join(dir, out, name), "utf8"));
      // The marker's manifest records each file's modification time; its hashes and sizes must agree.
      if (name === SITE_MARKER) expect(hashesAndSizes(pooledText!)).toEqual(hashesAndSizes(aloneText!));
      else expect(pooledText).toBe(aloneText);
    }
  }, 60_000);
});

(existsSync(BUILT_WORKER) && existsSync(BUILT_CLI) ? describe : describe.skip)("adrgen site through the built CLI", () => {
  it("finds its worker script beside the bundle", async () => {
    const chunk = readdirSync(path.join(PROJECT_ROOT, "dist/chunks")).find((name) => name.startsWith("render-pool-"));
    expect(chunk).toBeDefined();
    const built = (await import(pathToFileURL(path.join(PROJECT_ROOT, "dist/chunks", chunk!)).href)) as { defaultWorkerFile: () => string | undefined };
    expect(built.defaultWorkerFile()).toBe(BUILT_WORKER);
  });

  it("writes the same site with ADRGEN_SITE_WORKERS=2 as with 0", () => {
    const files: Record<string, string> = { ".adrgenrc.json": "{}", ...FIXTURE_ADRS };
    for (const [i, job] of variedJobs(70).entries()) files[`docs/adr/${String(200 + i).padStart(4, "0")}-cli-${i}.md`] = job.source;
    const dir = makeTempDir(files);
    for (const [out, workers] of [["alone", "0"], ["pooled", "2"]] as const) {
      // Cold each time: with the first build's render cache the second would render nothing.
      rmSync(path.join(dir, ".adrgen"), { recursive: true, force: true });
      const result = spawnAdrgen(["site", "--out", out], { cwd: dir, env: { ADRGEN_SITE_WORKERS: workers, XDG_CACHE_HOME: path.join(dir, ".xdg") } });
      expect(result.stderr).not.toMatch(/error/i);
      expect(result.code).toBe(0);
    }
    for (const name of readdirSync(path.join(dir, "alone"), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(path.join(dir, "alone"), path.join(e.parentPath, e.name)))) {
      if (name === SITE_MARKER) continue;
      expect(readFileSync(path.join(dir, "pooled", name), "utf8")).toBe(readFileSync(path.join(dir, "alone", name), "utf8"));
    }
  }, 60_000);
});
