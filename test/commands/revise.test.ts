// `adrgen revise` in-process: what goes to stdout and stderr, exit codes for CI, and refusals.
import { afterAll, describe, expect, it } from "@jest/globals";
import { appendFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { runAdrgen } from "../helpers/run.js";
import { cleanupTempDirs } from "../helpers/tmp.js";
import { copyFixture } from "../scan/fixture-repo.js";

afterAll(cleanupTempDirs);

const env = { ADRGEN_DECISION_MAKERS: "Alex Example" };
const KAFKA = "  kafka:\n    image: apache/kafka:3.7.0\n";

async function repoWithAdr(): Promise<{ root: string; file: string }> {
  const root = copyFixture("node-postgres-redis");
  expect((await runAdrgen(["new", "choose message queue", "--yes"], { cwd: root, env })).code).toBe(0);
  return { root, file: path.join(root, "docs/adr/0002-choose-message-queue.md") };
}

describe("adrgen revise", () => {
  it("an unchanged ADR in an unchanged repository: no diff, exit 0 even with --exit-code", async () => {
    const { root, file } = await repoWithAdr();
    const before = readFileSync(file, "utf8");
    const run = await runAdrgen(["revise", "2", "--dry-run", "--exit-code"], { cwd: root, env });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/up to date: nothing to revise/);
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  it("--dry-run --exit-code prints the diff on stdout, the context change on stderr, exits 1, writes nothing", async () => {
    const { root, file } = await repoWithAdr();
    appendFileSync(path.join(root, "docker-compose.yml"), KAFKA);
    const before = readFileSync(file, "utf8");
    const run = await runAdrgen(["revise", "2", "--dry-run", "--exit-code"], { cwd: root, env });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^--- a\/docs\/adr\/0002-choose-message-queue\.md\n\+\+\+ b\/docs\/adr\/0002-choose-message-queue\.md\n@@/);
    expect(run.stdout).toMatch(/^\+\* The repository uses kafka 3\.7\.0/m);
    expect(run.stdout).not.toMatch(/\u001b\[/);
    expect(run.stderr).toContain("Context: kafka added in docker-compose.yml");
    expect(run.stderr).toContain("Dry run: nothing was written.");
    expect(readFileSync(file, "utf8")).toBe(before);
    const plain = await runAdrgen(["revise", "2", "--dry-run"], { cwd: root, env });
    expect(plain.code).toBe(0);
  });

  it("without a terminal and without --yes it shows the diff, writes nothing and exits 2", async () => {
    const { root, file } = await repoWithAdr();
    appendFileSync(path.join(root, "docker-compose.yml"), KAFKA);
    const before = readFileSync(file, "utf8");
    const run = await runAdrgen(["revise", "2"], { cwd: root, env });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("kafka");
    expect(run.stderr).toMatch(/no terminal to confirm/);
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  it("--yes writes, reports the kept edit, and --json summarises", async () => {
    const { root, file } = await repoWithAdr();
    const text = readFileSync(file, "utf8").replace(/(## Decision Drivers\n\n)/, "$1* Our own driver: the on-call rota is two people\n");
    (await import("node:fs")).writeFileSync(file, text);
    appendFileSync(path.join(root, "docker-compose.yml"), KAFKA);
    const run = await runAdrgen(["revise", "2", "--yes", "--json"], { cwd: root, env: { ...env, ADRGEN_DATE: "2026-02-01" } });
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as { changed: boolean; written: boolean; keptEdited: string[]; contextChanges: Array<{ name: string; kind: string }> };
    expect(summary).toMatchObject({ changed: true, written: true, keptEdited: ["Decision Drivers"] });
    expect(summary.contextChanges).toContainEqual({ name: "kafka", kind: "added", files: ["docker-compose.yml"] });
    expect(run.stderr).toMatch(/Kept your edits in: Decision Drivers/);
    const after = readFileSync(file, "utf8");
    expect(after).toContain("* Our own driver: the on-call rota is two people");
    expect(after).toMatch(/^revised: 2026-02-01$/m);
  });

  it("--feedback with the offline engine says it cannot use it", async () => {
    const { root } = await repoWithAdr();
    const run = await runAdrgen(["revise", "2", "--dry-run", "--feedback", "prefer fewer moving parts"], { cwd: root, env });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/offline engine cannot apply free-text feedback/);
  });

  it("--title renames the ADR in place and keeps its number and date", async () => {
    const { root, file } = await repoWithAdr();
    const run = await runAdrgen(["revise", "2", "--yes", "--title", "Choose the message queue for order events"], { cwd: root, env: { ...env, ADRGEN_DATE: "2026-02-01" } });
    expect(run.code).toBe(0);
    const after = readFileSync(file, "utf8");
    expect(after).toMatch(/^# Choose the message queue for order events$/m);
    expect(after).toMatch(/^date: 2026-01-15$/m);
  });

  it("keeps the layout: a Nygard ADR revises to Nygard with a Revised line, then settles", async () => {
    const root = copyFixture("node-postgres-redis");
    expect((await runAdrgen(["new", "choose message queue", "--yes", "--template", "nygard"], { cwd: root, env })).code).toBe(0);
    const file = path.join(root, "docs/adr/0002-choose-message-queue.md");
    expect((await runAdrgen(["revise", "2", "--dry-run", "--exit-code"], { cwd: root, env })).code).toBe(0);
    appendFileSync(path.join(root, "docker-compose.yml"), KAFKA);
    const run = await runAdrgen(["revise", "2", "--yes"], { cwd: root, env: { ...env, ADRGEN_DATE: "2026-02-01" } });
    expect(run.code).toBe(0);
    const after = readFileSync(file, "utf8");
    expect(after).toMatch(/^# 2\. choose message queue\n\nDate: 2026-01-15\n\nRevised: 2026-02-01\n\n## Status\n/);
    expect(after).toContain("kafka 3.7.0");
    expect((await runAdrgen(["revise", "2", "--dry-run", "--exit-code"], { cwd: root, env: { ...env, ADRGEN_DATE: "2026-02-02" } })).code).toBe(0);
  });

  it("an unknown engine is a usage error and writes nothing", async () => {
    const { root, file } = await repoWithAdr();
    const before = readFileSync(file, "utf8");
    const run = await runAdrgen(["revise", "2", "--yes", "--engine", "oracle"], { cwd: root, env });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Unknown engine "oracle"/);
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  it("a file without the block: exit 2 with the --adopt hint; an unknown number: exit 2", async () => {
    const root = copyFixture("node-postgres-redis");
    const run = await runAdrgen(["revise", "1"], { cwd: root, env });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--adopt/);
    expect((await runAdrgen(["revise", "42"], { cwd: root, env })).code).toBe(2);
    expect((await runAdrgen(["revise", "1", "--exit-code"], { cwd: root, env })).code).toBe(2);
  });
});
