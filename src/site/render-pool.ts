// Renders many ADR bodies at once on worker threads and this thread together. A cold build of a large
// decision log is almost all remark work, one body at a time, so it spreads over the machine's cores.
// Every thread takes the next body from one shared counter, so the fast ones do more; results are put
// back in job order, and a body a worker did not return (it failed to start, crashed, or the file is
// missing) is rendered here: the output is the same whichever thread rendered what.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { RenderedMarkdown, RenderMarkdownOptions } from "./render-markdown.js";
import { packageRoot } from "./assets.js";

/** One body to render: the text and the line of the title it drops. */
export interface RenderJob {
  source: string;
  titleLine: number | null;
}

/** A rendered body, or the message of the error its rendering threw. */
export type RenderOutcome = { ok: true; value: RenderedMarkdown } | { ok: false; message: string };

/** What a worker posts: finished jobs as `[index, html, text]`, or `[index, null, error message]`. */
export type WorkerResults = Array<[number, string, string] | [number, null, string]>;

/** What a worker receives: all jobs, and the shared counter of the next job to take. */
export interface WorkerInput {
  jobs: RenderJob[];
  next: SharedArrayBuffer;
}

/** Below this many bodies, starting a worker (~50 ms to load remark) costs more than it saves. */
export const MIN_PARALLEL_JOBS = 64;

/** The built worker script beside the CLI bundle; undefined when this code does not run from the bundle (tests from src/). */
export function defaultWorkerFile(from: string = fileURLToPath(import.meta.url)): string | undefined {
  if (!from.split(path.sep).includes("dist")) return undefined;
  const file = path.join(packageRoot(from), "dist", "site-render-worker.js");
  return existsSync(file) ? file : undefined;
}

/**
 * How many worker threads to start for `jobs` bodies: `ADRGEN_SITE_WORKERS` when set (0 = none; tests force
 * workers with it), else, for a large enough build, two fewer than the cores: this thread renders too, and
 * V8 compiles hot code and collects garbage on another core. On two cores that core is already busy while one
 * thread renders, and a worker made cold builds no faster (measured; see docs/readme/performance.md).
 */
export function plannedWorkers(jobs: number, env: NodeJS.ProcessEnv = process.env, cores: number = availableParallelism()): number {
  const forced = env.ADRGEN_SITE_WORKERS?.trim();
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(Number(forced), jobs);
  if (jobs < MIN_PARALLEL_JOBS) return 0;
  return Math.max(0, Math.min(cores - 2, Math.floor(jobs / (MIN_PARALLEL_JOBS / 2))));
}

export interface RenderPoolOptions {
  /** Worker threads to start besides this one. */
  workers: number;
  /** The worker script; undefined renders everything on this thread. */
  workerFile: string | undefined;
  /** The renderer this thread uses (the workers load the same one). */
  render: (source: string, options: RenderMarkdownOptions) => RenderedMarkdown;
  /** Called after every few bodies rendered here, so a long build can be interrupted (default: yield to the event loop). */
  pause?: () => Promise<void>;
}

/** What `renderAll` returns: an outcome per job, in job order, and how many of them worker threads rendered. */
export interface RenderAllResult {
  outcomes: RenderOutcome[];
  inWorkers: number;
}

/** Renders every job, on `options.workers` threads and this one. */
export async function renderAll(jobs: readonly RenderJob[], options: RenderPoolOptions): Promise<RenderAllResult> {
  const outcomes: Array<RenderOutcome | undefined> = new Array(jobs.length);
  const next = new Int32Array(new SharedArrayBuffer(4));
  const pause = options.pause ?? (() => new Promise<void>((resolve) => setImmediate(resolve)));
  const workers = options.workerFile === undefined ? [] : startWorkers(options.workers, options.workerFile, jobs, next.buffer as SharedArrayBuffer, outcomes);
  let renderedHere = 0;
  const renderHere = (index: number) => {
    outcomes[index] = renderOne(jobs[index]!, options.render);
    renderedHere++;
  };
  // This thread takes jobs from the same counter; now and then it lets worker results and signals in.
  for (let index = Atomics.add(next, 0, 1); index < jobs.length; index = Atomics.add(next, 0, 1)) {
    renderHere(index);
    if (renderedHere % 8 === 0) await pause();
  }
  await Promise.all(workers);
  // Jobs a worker took but never returned (it failed or crashed) are rendered here.
  for (let index = 0; index < jobs.length; index++) if (outcomes[index] === undefined) renderHere(index);
  const inWorkers = jobs.length - renderedHere;
  return { outcomes: outcomes as RenderOutcome[], inWorkers };
}

/** Renders one job, turning a throw into a failed outcome (this thread and the workers alike). */
export function renderOne(job: RenderJob, render: RenderPoolOptions["render"]): RenderOutcome {
  try {
    return { ok: true, value: render(job.source, { titleLine: job.titleLine }) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

// Each worker's promise settles when it has ended, however it ended; its results are in `outcomes` by then.
function startWorkers(count: number, file: string, jobs: readonly RenderJob[], next: SharedArrayBuffer, outcomes: Array<RenderOutcome | undefined>): Array<Promise<void>> {
  const input: WorkerInput = { jobs: [...jobs], next };
  return Array.from({ length: count }, () => {
    return new Promise<void>((resolve) => {
      let worker: Worker;
      try {
        // Its stdout is not the command's: stdout carries only data (stdout: true keeps it to the worker).
        worker = new Worker(file, { workerData: input, stdout: true, stderr: true });
      } catch {
        resolve();
        return;
      }
      worker.on("message", (results: WorkerResults) => {
        for (const [index, html, text] of results) outcomes[index] = html === null ? { ok: false, message: text } : { ok: true, value: { html, text } };
      });
      worker.on("error", () => undefined);
      worker.on("exit", () => resolve());
    });
  });
}
