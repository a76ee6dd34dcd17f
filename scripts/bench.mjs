// `npm run bench`: start-up and throughput figures, each as a ratio to `node -e 0` in the same run.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { benchCheckBase } from "./bench/check-base.mjs";
import { benchContext, generateLargeRepo } from "./bench/context.mjs";
import { generateAdrs } from "./bench/gen-adrs.mjs";
import { medianMs, printTable, row } from "./bench/measure.mjs";
import { benchServeReload, benchSite } from "./bench/site.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const cli = path.join(root, "dist/adrgen.js");
if (!existsSync(cli)) throw new Error("Build first: npm run build");
const node = process.execPath;
const runs = Number(process.env.BENCH_RUNS ?? 11);
const env = { NO_COLOR: "1", ADRGEN_DATE: "2026-01-15" };
const work = mkdtempSync(path.join(os.tmpdir(), "adrgen-bench-"));

/** Waits a minute after generating the large repository (see generateLargeRepo in bench/context.mjs). */
function settleAfterWrites() {
  console.error("waiting 60 s for the machine to settle after writing the large repository");
  return new Promise((resolve) => setTimeout(resolve, 60_000));
}

// `--only=context`: just the scanner figures (issue 4 §7), without the ADR, advisor and site sections.
if (process.argv.includes("--only=context")) {
  try {
    const repo = generateLargeRepo({ root, work });
    await settleAfterWrites();
    benchContext({ root, cli, repo, runs, env });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  await new Promise((resolve) => process.stdout.write("", resolve));
  process.exit(0);
}

try {
  // First, and then a pause, so that no figure is measured while the machine settles from writing it.
  const largeRepo = generateLargeRepo({ root, work });
  await settleAfterWrites();
  const adrRepo = path.join(work, "adrs");
  generateAdrs(path.join(adrRepo, "docs/adr"), 1000);
  execFileSync("git", ["init", "-q", adrRepo]);

  const base = medianMs(node, ["-e", "0"], { runs });
  const rows = [
    { name: "node -e 0 (baseline)", ms: base.toFixed(0), ratio: "1.00x", target: "", verdict: "" },
    row("adrgen --help", medianMs(node, [cli, "--help"], { runs, env }), base, 1.5),
    row("adrgen list (1,000 ADRs)", medianMs(node, [cli, "list"], { cwd: adrRepo, runs, env }), base, 3),
  ];
  const optional = [
    ["adrgen list --json (1,000 ADRs)", ["list", "--json"], undefined],
    ["adrgen index --check (1,000 ADRs)", ["index", "--check"], undefined],
    ["adrgen lint (1,000 ADRs)", ["lint"], undefined],
  ];
  const help = execFileSync(node, [cli, "--help"], { encoding: "utf8" });
  // The advisor end to end: scan a fixture repository, plan, assume, decide, render, lint; write nothing.
  if (help.includes("adrgen questions")) {
    const fixture = path.join(work, "node-postgres-redis");
    cpSync(path.join(root, "test/fixtures/repos/node-postgres-redis"), fixture, { recursive: true });
    execFileSync("git", ["init", "-q", fixture]);
    const generate = ["new", "--yes", "--dry-run", "choose message queue"];
    rows.push(row('adrgen new --yes --dry-run "choose message queue"', medianMs(node, [cli, ...generate], { cwd: fixture, runs, env }), base, 4));
  }
  // The pre-commit hook (issue 11): suggest --staged with a staged stack change, target < 0.5 s absolute.
  if (help.includes("adrgen suggest")) {
    const hooked = path.join(work, "suggest-staged");
    cpSync(path.join(root, "test/fixtures/repos/node-postgres-redis"), hooked, { recursive: true });
    const gitIn = (...args) => execFileSync("git", ["-c", "user.name=bench", "-c", "user.email=bench@example.com", ...args], { cwd: hooked });
    gitIn("init", "-q");
    gitIn("add", "-A");
    gitIn("commit", "-q", "-m", "fixture");
    execFileSync(node, ["-e", "const f='package.json',m=JSON.parse(require('fs').readFileSync(f));m.dependencies.kafkajs='^2.2.4';require('fs').writeFileSync(f,JSON.stringify(m,null,2))"], { cwd: hooked });
    gitIn("add", "package.json");
    const ms = medianMs(node, [cli, "suggest", "--staged"], { cwd: hooked, runs, env });
    rows.push({ ...row("adrgen suggest --staged (pre-commit hook)", ms, base), target: "< 500 ms", verdict: ms < 500 ? "ok" : "OVER" });
  }
  for (const [name, args, target] of optional) {
    if (!help.includes(`adrgen ${args[0]}`)) continue;
    rows.push(row(name, medianMs(node, [cli, ...args], { cwd: adrRepo, runs: Math.min(runs, 5), env }), base, target));
  }
  if (help.includes("adrgen check")) rows.push(benchCheckBase({ cli, work, runs, env, base }));
  console.log(`adrgen benchmarks — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${runs} runs, medians`);
  printTable(rows, ["name", "ms", "ratio", "target", "verdict"]);
  // Site build and search figures (issue 10 §7), against list on the same 1,000 ADRs.
  benchSite({ cli, adrRepo, work, runs, env, help });
  await benchServeReload({ cli, adrRepo, work, runs, env, help });
  // Scanner figures (issue 4 §7): a generated 50,000-file repository and the stack-analyser comparison.
  benchContext({ root, cli, repo: largeRepo, runs, env });
} finally {
  rmSync(work, { recursive: true, force: true });
}
