// The worker thread of the render pool (render-pool.ts), bundled as dist/site-render-worker.js: takes the
// next job from the shared counter until none are left, and posts what it rendered in small batches.
import { parentPort, workerData } from "node:worker_threads";
import { renderOne, type WorkerInput, type WorkerResults } from "./render-pool.js";
import { renderMarkdown } from "./render-markdown.js";

// Small batches keep the main thread's last wait short; one message per body would cost more than it saves.
const BATCH = 8;

/** Renders jobs from the shared counter and posts the results to the parent. */
export function runRenderWorker(input: WorkerInput, post: (results: WorkerResults) => void): void {
  const next = new Int32Array(input.next);
  let batch: WorkerResults = [];
  for (let index = Atomics.add(next, 0, 1); index < input.jobs.length; index = Atomics.add(next, 0, 1)) {
    const outcome = renderOne(input.jobs[index]!, renderMarkdown);
    batch.push(outcome.ok ? [index, outcome.value.html, outcome.value.text] : [index, null, outcome.message]);
    if (batch.length >= BATCH) {
      post(batch);
      batch = [];
    }
  }
  if (batch.length > 0) post(batch);
}

if (parentPort !== null) runRenderWorker(workerData as WorkerInput, (results) => parentPort!.postMessage(results));
