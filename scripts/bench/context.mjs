// The `adrgen context` section of `npm run bench` (issue 4 §7): scan time on a generated
// 50,000-file repository as a ratio to `node -e 0` plus the git listing, measured in the same
// run; peak RSS; and @specfy/stack-analyser against adrgen on every fixture (time and recall).
import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { medianMs, peakRssMb, printTable } from "./measure.mjs";

const FILES = 50_000;
const TIME_TARGET = 2;
const RSS_TARGET_MB = 150;
const SPEEDUP_TARGET = 5;

/**
 * Generates the 50,000-file repository in `work` (a temp dir the caller removes) and returns its path.
 * `npm run bench` does this first and then waits a minute: right after writing ~300 MB this VM runs
 * everything slower for a while (the same build scanned a repository generated seconds before in
 * 246 ms, and in 191 ms a little later; the section measured last right after generating gave
 * 2.08–2.13×, and 1.68–1.75× a minute later), which is the machine settling, not the scanner.
 */
export function generateLargeRepo({ root, work }) {
  const repo = path.join(work, "large-repo");
  execFileSync(process.execPath, [path.join(root, "scripts/gen-large-repo.mjs"), repo, String(FILES)], { stdio: ["ignore", "ignore", "inherit"] });
  // The writes are flushed before anything is measured: during the flush every run competes with the disk.
  execFileSync("sync");
  return repo;
}

/** Runs the context benchmarks on `repo` (made by generateLargeRepo) and prints their table. */
export function benchContext({ root, cli, repo, runs, env }) {
  const node = process.execPath;

  // The baseline is what no scanner can avoid: starting Node, and listing tracked plus untracked-not-ignored files.
  const nodeMs = medianMs(node, ["-e", "0"], { runs });
  const gitMs = medianMs("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: repo, runs });
  const base = nodeMs + gitMs;
  const contextMs = medianMs(node, [cli, "context", "--json"], { cwd: repo, runs, env });
  const rssMb = peakRssMb(cli, ["context", "--json"], { cwd: repo, env });

  const compare = spawnSync(node, [path.join(root, "scripts/compare-stack-analyser.mjs"), "--json", `--runs=${Math.min(runs, 3)}`], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const summary = compare.status === 0 ? JSON.parse(compare.stdout).summary : undefined;

  const verdict = (ok) => (ok ? "ok" : "OVER");
  const rows = [
    { name: `node -e 0 + git ls-files (${FILES.toLocaleString("en")} files, baseline)`, value: `${base.toFixed(0)} ms`, ratio: "1.00x", target: "", verdict: "" },
    {
      name: "adrgen context --json",
      value: `${contextMs.toFixed(0)} ms`,
      ratio: `${(contextMs / base).toFixed(2)}x`,
      target: `<= ${TIME_TARGET}x`,
      verdict: verdict(contextMs / base <= TIME_TARGET),
    },
    { name: "adrgen context --json, peak RSS", value: `${rssMb.toFixed(0)} MB`, ratio: "", target: `<= ${RSS_TARGET_MB} MB`, verdict: verdict(rssMb <= RSS_TARGET_MB) },
  ];
  if (summary) {
    rows.push(
      {
        name: `stack-analyser vs adrgen, ${summary.fixtures} fixtures (time)`,
        value: `${summary.theirsMs} / ${summary.oursMs} ms`,
        ratio: `${summary.speedup}x faster`,
        target: `>= ${SPEEDUP_TARGET}x`,
        verdict: summary.speedup >= SPEEDUP_TARGET ? "ok" : "UNDER",
      },
      {
        name: "recall over both tools' findings (adrgen / stack-analyser)",
        value: `${pct(summary.recallOursOfUnion)} / ${pct(summary.recallTheirsOfUnion)}`,
        ratio: `${pct(summary.recallOfTheirs)} of theirs`,
        target: ">= theirs",
        verdict: verdict(summary.recallOursOfUnion >= summary.recallTheirsOfUnion),
      },
    );
  } else {
    rows.push({ name: "stack-analyser comparison", value: "failed", ratio: "", target: "", verdict: (compare.stderr || compare.error?.message || "").split("\n")[0] });
  }
  console.log(`\nadrgen context — ${FILES.toLocaleString("en")}-file generated repository, ${runs} runs, medians`);
  printTable(rows, ["name", "value", "ratio", "target", "verdict"]);
}

function pct(share) {
  return `${(share * 100).toFixed(1)}%`;
}
