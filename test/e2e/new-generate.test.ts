// The built CLI generating ADRs: run `npm run build` first (npm test does it).
import { afterAll, describe, expect, it } from "@jest/globals";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseMachineBlock } from "../../src/render/machine-block.js";
import { spawnAdrgen } from "../helpers/spawn.js";
import { cleanupTempDirs } from "../helpers/tmp.js";
import { copyFixture } from "../scan/fixture-repo.js";

afterAll(cleanupTempDirs);

const env = { ADRGEN_DECISION_MAKERS: "Alex Example" };

describe("adrgen new <title> (built CLI)", () => {
  it('new "choose message queue" --yes writes a full ADR; stdout holds only the path', () => {
    const repo = copyFixture("node-postgres-redis", { git: true });
    const result = spawnAdrgen(["new", "choose message queue", "--yes"], { cwd: repo, env });
    expect(result.stderr).toContain("Scanning the repository");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("docs/adr/0002-choose-message-queue.md\n");
    const text = readFileSync(path.join(repo, "docs/adr/0002-choose-message-queue.md"), "utf8");
    for (const heading of ["## Context and Problem Statement", "## Decision Drivers", "## Considered Options", "## Decision Outcome", "### Consequences", "### Confirmation", "## Pros and Cons of the Options", "## More Information"]) {
      expect(text).toContain(`\n${heading}\n`);
    }
    expect(parseMachineBlock(text)).toMatchObject({ engine: "offline", topic: "message-broker" });
    const lint = spawnAdrgen(["lint", "docs/adr/0002-choose-message-queue.md", "--json"], { cwd: repo, env });
    expect(lint.code).toBe(0);
    expect((JSON.parse(lint.stdout) as { findings: unknown[] }).findings).toEqual([]);
  });

  it("without a terminal it never prompts: open questions become stated assumptions", () => {
    const repo = copyFixture("node-postgres-redis");
    const result = spawnAdrgen(["new", "Kafka vs RabbitMQ", "--json"], { cwd: repo, env });
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { assumptions: string[]; chosen: string };
    expect(json.assumptions.length).toBeGreaterThan(5);
    expect(result.stderr).toMatch(/assumed/);
  });

  it("an unknown topic exits 2 with the topic list and writes nothing", () => {
    const repo = copyFixture("node-postgres-redis");
    const result = spawnAdrgen(["new", "pick a colour for the logo", "--yes"], { cwd: repo, env });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/No knowledge-base topic matches/);
    expect(result.stderr).toMatch(/--option A --option B/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(path.join(repo, "docs/adr"))).toEqual(["0001-use-postgresql.md"]);
    expect(existsSync(path.join(repo, "docs/adr/.adrgen.lock"))).toBe(false);
  });
});
