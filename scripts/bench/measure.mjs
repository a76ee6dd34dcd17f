// Timing helpers for `npm run bench`: medians of repeated child-process runs, and peak RSS.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const rssWrapper = fileURLToPath(new URL("./rss-wrapper.mjs", import.meta.url));

/** Runs a command `runs` times (after one warm-up) and returns the median wall time in ms. */
export function medianMs(command, args, { cwd, env, runs = 11 } = {}) {
  const once = () => {
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0 && result.status !== 1) {
      throw new Error(`${command} ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
    }
    return elapsed;
  };
  once();
  const times = Array.from({ length: runs }, once).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Peak resident set size (MB) of a Node script run with the given arguments. */
export function peakRssMb(script, args, { cwd, env } = {}) {
  const result = spawnSync(process.execPath, [rssWrapper, script, ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
  });
  const match = /ADRGEN_BENCH_MAXRSS=(\d+)/.exec(result.stderr);
  if (!match) throw new Error(`no RSS reading: ${result.stderr}`);
  return Number(match[1]) / 1024;
}

/** Formats a row: name, ms, ratio, target, verdict. */
export function row(name, ms, baseMs, target) {
  const ratio = ms / baseMs;
  const verdict = target === undefined ? "" : ratio <= target ? "ok" : "OVER";
  return { name, ms: ms.toFixed(0), ratio: `${ratio.toFixed(2)}x`, target: target === undefined ? "report" : `<= ${target}x`, verdict };
}

/** Prints rows as an aligned table. */
export function printTable(rows, columns) {
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? "").length)));
  const line = (cells) => cells.map((cell, i) => String(cell ?? "").padEnd(widths[i])).join("  ");
  console.log(line(columns));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const r of rows) console.log(line(columns.map((c) => r[c])));
}
