// Runs @specfy/stack-analyser and `adrgen context` on every fixture repository and prints
// their times and detected technologies side by side (a recall comparison):
//   node scripts/compare-stack-analyser.mjs [--runs=3] [--json]
// Both run as fresh Node processes (start-up, module loading and analysis included) on the
// same temporary copy of each fixture. Needs dist/ (npm run build).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { copyFixtureTree } from "./fixture-copy.mjs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const cli = path.join(root, "dist/adrgen.js");
const fixturesDir = path.join(root, "test/fixtures/repos");
const runs = Number(process.argv.find((a) => a.startsWith("--runs="))?.split("=")[1] ?? 3);
const asJson = process.argv.includes("--json");
if (!existsSync(cli)) {
  console.error("dist/adrgen.js is missing: run `npm run build` first.");
  process.exit(2);
}

// stack-analyser's CLI sleeps 500 ms for its spinner; this runner calls its API directly instead.
const RUNNER = `
import { analyser, FSProvider, flatten } from "@specfy/stack-analyser";
import "@specfy/stack-analyser/dist/autoload.js";
const dir = process.argv[2];
const result = await analyser({ provider: new FSProvider({ path: dir, ignorePaths: [] }) });
const techs = new Set();
const visit = (c) => { for (const t of c.techs ?? []) techs.add(t); for (const child of c.childs ?? []) visit(child); };
visit(flatten(result, { merge: true }).toJson(dir));
process.stdout.write(JSON.stringify([...techs]));
`;

/** stack-analyser's keys → adrgen's canonical names; `null` marks tooling/hosting that is not architecture. */
const THEIR_NAMES = {
  nodejs: "javascript", golang: "go", apache_kafka: "kafka", drizzleorm: "drizzle", "github.actions": "github-actions",
  "gitlab.ci": "gitlab-ci", travisci: "travis-ci", droneci: "drone", "azure.ci": "azure-pipelines", "aws.s3": "s3",
  "aws.sqs": "sqs", "aws.sns": "sns", "aws.ecs": "aws-ecs", "aws.lambda": "aws-lambda", "aws.elasticache": "redis",
  "aws.rds": "aws-rds", "aws.dynamodb": "dynamodb", "gcp.pubsub": "google-pubsub", mongodb: "mongodb", elasticsearch: "elasticsearch",
  rabbitmq: "rabbitmq", "next.js": "nextjs", nextjs: "nextjs", "spring": "spring-boot", springboot: "spring-boot",
  github: null, bundler: null, npm: null, yarn: null, pnpm: null, pip: null, poetry: null, maven: null, gradle: null, composer: null,
};
const normalise = (name) => (name in THEIR_NAMES ? THEIR_NAMES[name] : name);
const CLOUD_PLATFORMS = new Set(["aws", "gcp", "azure"]);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timed(command, args, cwd) {
  const times = [];
  let stdout = "";
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, maxBuffer: 256 * 1024 * 1024 });
    times.push(performance.now() - start);
    if (result.status !== 0) throw new Error(`${path.basename(args[0] ?? command)} failed on ${cwd}: ${result.stderr}`);
    stdout = result.stdout;
  }
  return { ms: median(times), stdout };
}

/** A temporary committed git copy of a fixture; `<name>.fixture` files get their real names. */
function copyFixture(name) {
  const dir = mkdtempSync(path.join(tmpdir(), `adrgen-compare-${name}-`));
  copyFixtureTree(path.join(fixturesDir, name), dir);
  const env = { ...process.env, GIT_AUTHOR_NAME: "b", GIT_AUTHOR_EMAIL: "b@example.com", GIT_COMMITTER_NAME: "b", GIT_COMMITTER_EMAIL: "b@example.com" };
  for (const args of [["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "--allow-empty", "-m", "fixture"]]) execFileSync("git", args, { cwd: dir, env });
  return dir;
}

const runnerFile = path.join(root, `.compare-runner-${process.pid}.mjs`);
writeFileSync(runnerFile, RUNNER);
const rows = [];
try {
  for (const name of readdirSync(fixturesDir).sort()) {
    const dir = copyFixture(name);
    try {
      const ours = timed(process.execPath, [cli, "context", "--json", "--cwd", dir], root);
      const context = JSON.parse(ours.stdout);
      const categories = ["languages", "frameworks", "datastores", "caches", "messaging", "apiStyles", "auth", "infra", "ci"];
      const ourNames = new Set(categories.flatMap((c) => context[c].map((item) => item.name)));
      const theirs = timed(process.execPath, [runnerFile, dir], root);
      const theirNames = new Set(JSON.parse(theirs.stdout).map(normalise).filter((n) => n !== null));
      const both = [...theirNames].filter((n) => ourNames.has(n)).sort();
      const missed = [...theirNames].filter((n) => !ourNames.has(n)).sort();
      const extra = [...ourNames].filter((n) => !theirNames.has(n)).sort();
      rows.push({ fixture: name, oursMs: Math.round(ours.ms), theirsMs: Math.round(theirs.ms), ours: ourNames.size, theirs: theirNames.size, both, missed, extra });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
} finally {
  rmSync(runnerFile, { force: true });
}

const totalOurs = rows.reduce((s, r) => s + r.oursMs, 0);
const totalTheirs = rows.reduce((s, r) => s + r.theirsMs, 0);
const found = rows.reduce((s, r) => s + r.both.length, 0);
const reference = rows.reduce((s, r) => s + r.both.length + r.missed.length, 0);
const union = rows.reduce((s, r) => s + r.both.length + r.missed.length + r.extra.length, 0);
const oursInUnion = rows.reduce((s, r) => s + r.both.length + r.extra.length, 0);
const theirsInUnion = rows.reduce((s, r) => s + r.both.length + r.missed.length, 0);
const summary = {
  fixtures: rows.length,
  oursMs: totalOurs,
  theirsMs: totalTheirs,
  speedup: Number((totalTheirs / totalOurs).toFixed(2)),
  // Share of what stack-analyser finds (mapped to our names) that adrgen also finds.
  recallOfTheirs: reference === 0 ? 1 : Number((found / reference).toFixed(3)),
  // Recall of each tool against everything either tool finds (per fixture, summed): the fair "at least as good" test.
  recallOursOfUnion: union === 0 ? 1 : Number((oursInUnion / union).toFixed(3)),
  recallTheirsOfUnion: union === 0 ? 1 : Number((theirsInUnion / union).toFixed(3)),
  oursTotal: rows.reduce((s, r) => s + r.ours, 0),
  theirsTotal: rows.reduce((s, r) => s + r.theirs, 0),
};
if (asJson) {
  console.log(JSON.stringify({ rows, summary }, null, 2));
} else {
  for (const r of rows) {
    console.log(`${r.fixture}: adrgen ${r.oursMs} ms (${r.ours} techs) vs stack-analyser ${r.theirsMs} ms (${r.theirs} techs)`);
    console.log(`  both:   ${r.both.join(", ") || "-"}`);
    const notes = r.missed.map((n) => (CLOUD_PLATFORMS.has(n) ? `${n} (adrgen names a cloud only from deployment evidence)` : n));
    console.log(`  only stack-analyser: ${notes.join(", ") || "-"}`);
    console.log(`  only adrgen:         ${r.extra.join(", ") || "-"}`);
  }
  console.log(
    `\ntotal: adrgen ${summary.oursMs} ms vs stack-analyser ${summary.theirsMs} ms (${summary.speedup}× faster); ` +
      `adrgen finds ${found}/${reference} of stack-analyser's technologies (${(summary.recallOfTheirs * 100).toFixed(1)}%), ` +
      `${summary.oursTotal} technologies in all vs ${summary.theirsTotal}; ` +
      `recall over both tools' findings: adrgen ${(summary.recallOursOfUnion * 100).toFixed(1)}%, stack-analyser ${(summary.recallTheirsOfUnion * 100).toFixed(1)}%`,
  );
}
