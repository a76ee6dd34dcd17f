// The `check --base` figure of `npm run bench` (issue 9 §1, report only): a repository whose main
// branch merged 200 feature branches, each adding an ADR, and a pull-request branch that forked
// before the last 10 merges and adds an ADR under a number main has taken since.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { medianMs, row } from "./measure.mjs";

const BRANCHES = 200;

function adr(number, title) {
  return [
    "---\nstatus: accepted\ndate: 2026-01-15\n---\n",
    `# ${title}\n`,
    `## Context and Problem Statement\n\nWhy decision ${number} matters.\n`,
    "## Considered Options\n\n* A\n* B\n",
    '## Decision Outcome\n\nChosen option: "A", because it fits.\n',
    "### Consequences\n\n* Good, because it is simple.\n",
  ].join("\n");
}

/** Builds the repository in `dir` and returns it; about 1,200 git commands. */
export function generateCheckBaseRepo(dir) {
  mkdirSync(path.join(dir, "docs/adr"), { recursive: true });
  mkdirSync(path.join(dir, "src"), { recursive: true });
  const git = (...args) => execFileSync("git", ["-c", "user.name=bench", "-c", "user.email=bench@example.com", "-c", "commit.gpgsign=false", ...args], { cwd: dir, stdio: "ignore" });
  const name = (n) => `docs/adr/${String(n).padStart(4, "0")}-decision-${n}.md`;
  git("init", "-q", "-b", "main");
  writeFileSync(path.join(dir, name(1)), adr(1, "Record architecture decisions"));
  git("add", "-A");
  git("commit", "-q", "-m", "init");
  for (let i = 2; i <= BRANCHES + 1; i++) {
    if (i === BRANCHES - 8) git("branch", "pr");
    git("checkout", "-q", "-b", `feature-${i}`, "main");
    writeFileSync(path.join(dir, name(i)), adr(i, `Decision ${i}`));
    writeFileSync(path.join(dir, `src/module-${i}.ts`), `export const value${i} = ${i};\n`);
    git("add", "-A");
    git("commit", "-q", "-m", `feature ${i}`);
    git("checkout", "-q", "main");
    git("merge", "-q", "--no-ff", "-m", `merge feature ${i}`, `feature-${i}`);
  }
  // The pull request adds the number main has given away since the branch point.
  git("checkout", "-q", "pr");
  writeFileSync(path.join(dir, `docs/adr/${String(BRANCHES - 5).padStart(4, "0")}-use-the-pull-request-queue.md`), adr(BRANCHES - 5, "Use the pull request's queue"));
  git("add", "-A");
  git("commit", "-q", "-m", "pr adr");
  return dir;
}

/** The row for `adrgen check --base main` on that repository (a finding, exit 1, is the expected outcome). */
export function benchCheckBase({ cli, work, runs, env, base }) {
  const repo = generateCheckBaseRepo(path.join(work, "check-base"));
  const ms = medianMs(process.execPath, [cli, "check", "--base", "main"], { cwd: repo, runs: Math.min(runs, 5), env });
  return row(`adrgen check --base main (${BRANCHES} merged branches)`, ms, base);
}
