// Site figures for `npm run bench` (issue 10 §7): building the site for 1,000 ADRs, cold and warm,
// as a ratio to `adrgen list` on the same ADRs (target < 3x), the output size, and `adrgen search`.
import { spawn, spawnSync } from "node:child_process";
import { appendFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { request } from "node:http";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { medianMs, printTable } from "./measure.mjs";

/** Runs the command once and returns its wall time in ms; a failure stops the bench with its stderr. */
function timeOnce(node, args, { cwd, env }) {
  const start = process.hrtime.bigint();
  const result = spawnSync(node, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`adrgen ${args.slice(1).join(" ")} exited ${result.status}: ${result.stderr}`);
  return elapsed;
}

/** Median of `runs` timings, each after `prepare()` (not timed). */
function medianWith(runs, prepare, measure) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    prepare();
    times.push(measure());
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Total bytes and file count of a directory tree. */
export function treeSize(dir) {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const sub = treeSize(full);
      bytes += sub.bytes;
      files += sub.files;
    } else if (entry.isFile()) {
      bytes += statSync(full).size;
      files += 1;
    }
  }
  return { bytes, files };
}

const verdictRow = (name, ms, listMs, target) => {
  const ratio = ms / listMs;
  return {
    name,
    ms: ms.toFixed(0),
    "x list": `${ratio.toFixed(2)}x`,
    target: target === undefined ? "report" : `< ${target}x`,
    verdict: target === undefined ? "" : ratio < target ? "ok" : "OVER",
  };
};

// The floor of any cold build that renders with remark: a fresh Node process that only reads the ADRs and
// runs remark on them (no GFM: these ADRs use none of it), parse only or parse → rehype → sanitise →
// string. `--part=i/n` takes every n-th file from i, so n such processes split the work over the cores.
const FLOOR_SCRIPT = `
import { readdirSync, readFileSync } from "node:fs";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkFrontmatter from "remark-frontmatter";
import remarkRehype from "remark-rehype";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
const [dir, mode, part] = process.argv.slice(1);
const [i, n] = part.split("/").map(Number);
const files = readdirSync(dir).sort().filter((_, k) => k % n === i);
const parse = unified().use(remarkParse).use(remarkFrontmatter, ["yaml", "toml"]).freeze();
const full = unified().use(remarkParse).use(remarkFrontmatter, ["yaml", "toml"]).use(remarkRehype).use(rehypeSanitize).use(rehypeStringify).freeze();
for (const f of files) {
  const text = readFileSync(dir + "/" + f, "utf8");
  if (mode === "parse") parse.parse(text);
  else full.stringify(full.runSync(full.parse(text)));
}
`;

/** Wall time of `processes` floor processes run at once (each a share of the ADRs), in ms. */
function floorOnce(root, adrDir, mode, processes) {
  // One shell starts them together and waits for all; the script travels in the environment.
  const node = JSON.stringify(process.execPath);
  const line = Array.from({ length: processes }, (_, i) => `${node} --input-type=module -e "$ADRGEN_FLOOR" ${JSON.stringify(adrDir)} ${mode} ${i}/${processes} &`).join(" ");
  const start = process.hrtime.bigint();
  const result = spawnSync("sh", ["-c", `${line} wait`], { cwd: root, env: { ...process.env, ADRGEN_FLOOR: FLOOR_SCRIPT }, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 || result.stderr.trim() !== "") throw new Error(`floor processes failed: ${result.stderr}`);
  return elapsed;
}

/** The floor rows: remark alone on the same ADRs, in one process and in one process per core. */
function benchSiteFloor({ adrRepo, runs, listMs }) {
  // The repository's node_modules hold remark (the bench runs from a checkout).
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const adrDir = path.join(adrRepo, "docs/adr");
  const cores = availableParallelism();
  const rows = [];
  for (const [mode, label] of [["parse", "remark parse only"], ["render", "remark → rehype → sanitise → string"]]) {
    for (const processes of cores > 1 ? [1, cores] : [1]) {
      const name = `${label}, ${processes === 1 ? "one process" : `${processes} processes (one per core)`}`;
      rows.push(verdictRow(name, medianWith(Math.min(runs, 5), () => {}, () => floorOnce(root, adrDir, mode, processes)), listMs));
    }
  }
  console.log(`\nthe floor of a cold remark build: fresh Node processes that only read the 1,000 ADRs and run remark (${cores} cores)`);
  printTable(rows, ["name", "ms", "x list", "target", "verdict"]);
}

/** Measures `adrgen site` (and `adrgen search` when the CLI has it) over the generated ADR repository. */
export function benchSite({ cli, adrRepo, work, runs, env, help, adrCount = 1000 }) {
  if (!help.includes("adrgen site")) {
    console.log("\nsite: the CLI has no `site` command; skipped");
    return;
  }
  const node = process.execPath;
  const out = path.join(work, "site-out");
  // Whatever the builder keeps between runs lives under the repository's .adrgen folder; cold removes both.
  const cache = path.join(adrRepo, ".adrgen");
  const siteArgs = [cli, "site", "--out", out];
  const siteRuns = Math.min(runs, 5);
  const listMs = medianMs(node, [cli, "list"], { cwd: adrRepo, runs, env });
  // `sync` (not timed) before each cold run: otherwise the kernel is still writing out the previous run's
  // thousand files while this one creates its own, and the figure measures the disk's backlog.
  const cold = medianWith(
    siteRuns,
    () => {
      rmSync(out, { recursive: true, force: true });
      rmSync(cache, { recursive: true, force: true });
      spawnSync("sync");
    },
    () => timeOnce(node, siteArgs, { cwd: adrRepo, env }),
  );
  // The same cold build with a render worker per core beside the main thread, whatever the default is here.
  const workers = Math.max(1, availableParallelism() - 1);
  const coldPooled = medianWith(
    siteRuns,
    () => {
      rmSync(out, { recursive: true, force: true });
      rmSync(cache, { recursive: true, force: true });
      spawnSync("sync");
    },
    () => timeOnce(node, siteArgs, { cwd: adrRepo, env: { ...env, ADRGEN_SITE_WORKERS: String(workers) } }),
  );
  timeOnce(node, siteArgs, { cwd: adrRepo, env });
  const warm = medianWith(siteRuns, () => {}, () => timeOnce(node, siteArgs, { cwd: adrRepo, env }));
  const size = treeSize(out);
  const rows = [
    { name: "adrgen list (1,000 ADRs, reference)", ms: listMs.toFixed(0), "x list": "1.00x", target: "", verdict: "" },
    verdictRow("adrgen site, cold (empty output and cache)", cold, listMs, 3),
    verdictRow(`adrgen site, cold, ADRGEN_SITE_WORKERS=${workers}`, coldPooled, listMs),
    verdictRow("adrgen site, warm (rebuild, nothing changed)", warm, listMs, 3),
  ];
  if (help.includes("adrgen search")) {
    rows.push(verdictRow('adrgen search "storage" (1,000 ADRs)', medianMs(node, [cli, "search", "storage"], { cwd: adrRepo, runs: siteRuns, env }), listMs));
    rows.push(verdictRow('adrgen search "subsystem 512" --json', medianMs(node, [cli, "search", "subsystem 512", "--json"], { cwd: adrRepo, runs: siteRuns, env }), listMs));
  }
  console.log(`\nsite and search over 1,000 ADRs (${siteRuns} runs, medians; ratio to adrgen list)`);
  printTable(rows, ["name", "ms", "x list", "target", "verdict"]);
  const mb = (size.bytes / 1024 / 1024).toFixed(2);
  console.log(`site output: ${size.files} files, ${size.bytes} bytes (${mb} MB), ${(size.bytes / adrCount / 1024).toFixed(1)} KB per ADR`);
  benchSiteFloor({ adrRepo, runs, listMs });
}

/** Resolves with the first chunk of an event stream that contains `needle` after `trigger()` ran. */
function waitForEvent(url, needle, trigger) {
  return new Promise((resolve, reject) => {
    const req = request(url, (res) => {
      let text = "";
      let started;
      res.setEncoding("utf8");
      res.on("data", (chunk) => {
        text += chunk;
        if (started === undefined && text.includes("retry:")) {
          started = process.hrtime.bigint();
          trigger();
        } else if (started !== undefined && text.includes(needle)) {
          req.destroy();
          resolve(Number(process.hrtime.bigint() - started) / 1e6);
        }
      });
    });
    req.on("error", (error) => {
      if (!req.destroyed) reject(error);
    });
    req.setTimeout(60_000, () => reject(new Error("no reload event within 60 s")));
    req.end();
  });
}

/** Live preview latency: from saving one ADR to the reload event, with 1,000 ADRs (median of `runs`). */
export async function benchServeReload({ cli, adrRepo, work, runs, env, help }) {
  if (!help.includes("adrgen site")) return;
  const out = path.join(work, "site-serve");
  const child = spawn(process.execPath, [cli, "site", "--serve", "--port", "0", "--out", out], { cwd: adrRepo, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  try {
    const url = await new Promise((resolve, reject) => {
      let text = "";
      child.stdout.on("data", (chunk) => {
        text += chunk;
        const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(text);
        if (match) resolve(match[0]);
      });
      child.on("exit", (code) => reject(new Error(`adrgen site --serve exited ${code}`)));
    });
    const file = path.join(adrRepo, "docs/adr", readdirSync(path.join(adrRepo, "docs/adr")).sort()[499]);
    const times = [];
    for (let i = 0; i < Math.min(runs, 5); i++) {
      times.push(await waitForEvent(`${url}__adrgen/events`, "event: reload", () => appendFileSync(file, `\nEdited ${i}.\n`)));
    }
    times.sort((a, b) => a - b);
    console.log(`site --serve: save → reload event with 1,000 ADRs: ${times[Math.floor(times.length / 2)].toFixed(0)} ms median (includes the 100 ms debounce)`);
  } finally {
    const exited = new Promise((resolve) => (child.exitCode !== null ? resolve() : child.on("exit", resolve)));
    child.kill("SIGINT");
    await exited;
  }
}
