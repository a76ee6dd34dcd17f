// The built CLI end to end: `adrgen export | adrgen import - --renumber` between two git repositories.
import { afterAll, describe, expect, it } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { spawnAdrgen } from "../helpers/spawn.js";
import { cleanupTempDirs, makeGitRepo } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

const nygard = (n: number, title: string, extra = "") => `# ${n}. ${title}\n\nDate: 2026-01-10\n\n## Status\n\nAccepted\n${extra}\n## Context\n\nWhy.\n\n## Decision\n\nWe will.\n\n## Consequences\n\nFine.\n`;

describe("export | import (built CLI)", () => {
  it("pipes one repository's decisions into another, renumbered, links kept, committed", () => {
    const source = makeGitRepo({
      "docs/adr/0001-use-kafka.md": nygard(1, "Use Kafka", "\nAmended by [2. Partition by tenant](0002-partition-by-tenant.md)\n"),
      "docs/adr/0002-partition-by-tenant.md": nygard(2, "Partition by tenant", "\nAmends [1. Use Kafka](0001-use-kafka.md)\n"),
    });
    const target = makeGitRepo({ "docs/adr/0001-record-decisions.md": nygard(1, "Record decisions") });
    const exported = spawnAdrgen(["export", "--json"], { cwd: source });
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ version: 1, repository: { head: expect.stringMatching(/^[0-9a-f]{40}$/) } });
    const dry = spawnAdrgen(["import", "-", "--renumber", "--dry-run"], { cwd: target, input: exported.stdout });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toBe("docs/adr/0001-use-kafka.md → docs/adr/0002-use-kafka.md\ndocs/adr/0002-partition-by-tenant.md → docs/adr/0003-partition-by-tenant.md\n");
    const clash = spawnAdrgen(["import", "-"], { cwd: target, input: exported.stdout });
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/number 1 is taken by 0001-record-decisions\.md/);
    const result = spawnAdrgen(["import", "-", "--renumber", "--commit"], { cwd: target, input: exported.stdout });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/imported 2 ADRs from .* into docs\/adr/);
    expect(result.stderr).toMatch(/committed [0-9a-f]{7}/);
    const dir = path.join(target, "docs/adr");
    expect(readdirSync(dir).sort()).toEqual(["0001-record-decisions.md", "0002-use-kafka.md", "0003-partition-by-tenant.md"]);
    expect(readFileSync(path.join(dir, "0003-partition-by-tenant.md"), "utf8")).toBe(nygard(3, "Partition by tenant", "\nAmends [2. Use Kafka](0002-use-kafka.md)\n"));
    const lint = spawnAdrgen(["lint"], { cwd: target });
    expect(lint).toMatchObject({ code: 0, stdout: "" });
  });

  it("export --schema and import --help come from the bundle", () => {
    const repo = makeGitRepo();
    const schema = spawnAdrgen(["export", "--schema"], { cwd: repo });
    expect(JSON.parse(schema.stdout)).toMatchObject({ $id: "https://adrgen.dev/schemas/export/v1.json" });
    const help = spawnAdrgen(["import", "--help"], { cwd: repo });
    expect(help.code).toBe(0);
    for (const flag of ["--renumber", "--dry-run", "--status", "--json", "--branch", "--commit"]) expect(help.stdout).toContain(flag);
  });
});
