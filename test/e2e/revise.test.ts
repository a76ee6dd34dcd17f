// The built CLI revising ADRs: run `npm run build` first (npm test does it).
import { afterAll, describe, expect, it } from "@jest/globals";
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseMachineBlock } from "../../src/render/machine-block.js";
import { spawnAdrgen } from "../helpers/spawn.js";
import { cleanupTempDirs } from "../helpers/tmp.js";
import { copyFixture } from "../scan/fixture-repo.js";

afterAll(cleanupTempDirs);

const env = { ADRGEN_DECISION_MAKERS: "Alex Example" };

describe("adrgen revise (built CLI)", () => {
  it("new, hand edit, broker added, revise --yes: edit kept, kafka in the ADR, then a no-op; lint stays clean", () => {
    const repo = copyFixture("node-postgres-redis", { git: true });
    expect(spawnAdrgen(["new", "choose message queue", "--yes"], { cwd: repo, env }).code).toBe(0);
    const file = path.join(repo, "docs/adr/0002-choose-message-queue.md");
    const edit = "Reviewed by the platform guild; the numbers above are from the January load test.";
    writeFileSync(file, readFileSync(file, "utf8").replace(/(### Consequences\n\n)/, `$1${edit}\n\n`));
    appendFileSync(path.join(repo, "docker-compose.yml"), "  kafka:\n    image: apache/kafka:3.7.0\n");

    const revised = spawnAdrgen(["revise", "2", "--yes"], { cwd: repo, env: { ...env, ADRGEN_DATE: "2026-02-01" } });
    expect(revised.code).toBe(0);
    expect(revised.stderr).toContain("Context: kafka added in docker-compose.yml");
    expect(revised.stderr).toContain("Kept your edits in: Decision Outcome/Consequences");
    expect(revised.stdout).toMatch(/^\+revised: 2026-02-01$/m);
    const text = readFileSync(file, "utf8");
    expect(text).toContain(edit);
    expect(text).toContain("kafka 3.7.0 (docker-compose.yml:");
    expect(parseMachineBlock(text)!.context.map((item) => item.name)).toContain("kafka");

    const again = spawnAdrgen(["revise", "2", "--dry-run", "--exit-code"], { cwd: repo, env: { ...env, ADRGEN_DATE: "2026-02-02" } });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe("");
    expect(readFileSync(file, "utf8")).toBe(text);

    const lint = spawnAdrgen(["lint", "docs/adr/0002-choose-message-queue.md", "--json"], { cwd: repo, env });
    expect((JSON.parse(lint.stdout) as { findings: Array<{ severity: string }> }).findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("revise --help lists every flag", () => {
    const help = spawnAdrgen(["revise", "--help"], { cwd: process.cwd(), env });
    expect(help.code).toBe(0);
    for (const flag of ["--answer", "--answers", "--title", "--feedback", "--rescan", "--dry-run", "--exit-code", "--yes", "--engine", "--overwrite-edited", "--supersede", "--adopt"]) {
      expect(help.stdout).toContain(flag);
    }
  });
});
