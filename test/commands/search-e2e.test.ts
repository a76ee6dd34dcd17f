// `adrgen search` and `adrgen tag` through the built CLI (npm test builds it first).
import { afterAll, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import { spawnAdrgen } from "../helpers/spawn.js";
import { cleanupTempDirs, makeGitRepo } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

describe("adrgen search (built CLI)", () => {
  it("ranks, shows path:line matches, filters by tag, and exits 1 when nothing matches", () => {
    const repo = makeGitRepo({
      "docs/adr/0001-use-postgresql.md": "# 1. Use PostgreSQL as the database\n\nDate: 2024-01-10\n\n## Status\n\nAccepted\n\n## Context\n\nOrders are stored in a relational database.\n",
      "docs/adr/0002-pick-a-broker.md": "---\nstatus: proposed\ntags: [messaging]\n---\n\n# Pick a broker\n\nWe store order events in Kafka, not in the database.\n",
    });
    const human = spawnAdrgen(["search", "database"], { cwd: repo });
    expect(human.code).toBe(0);
    expect(human.stdout).toBe(
      "0001  Use PostgreSQL as the database  [accepted]\n  docs/adr/0001-use-postgresql.md:1: 1. Use PostgreSQL as the database\n  docs/adr/0001-use-postgresql.md:11: Orders are stored in a relational database.\n\n" +
        "0002  Pick a broker  [proposed]  #messaging\n  docs/adr/0002-pick-a-broker.md:8: We store order events in Kafka, not in the database.\n",
    );
    const tagged = spawnAdrgen(["search", "database", "--tag", "messaging", "--json"], { cwd: repo });
    expect((JSON.parse(tagged.stdout) as Array<{ number: number }>).map((h) => h.number)).toEqual([2]);
    const none = spawnAdrgen(["search", "graphql"], { cwd: repo });
    expect(none).toMatchObject({ code: 1, stdout: "" });
    expect(none.stderr).toContain("No ADR matches");

    const tag = spawnAdrgen(["tag", "1", "--add", "Storage"], { cwd: repo });
    expect(tag.code).toBe(0);
    expect(readFileSync(path.join(repo, "docs/adr/0001-use-postgresql.md"), "utf8")).toContain("Date: 2024-01-10\n\nTags: storage\n\n## Status");
    expect((JSON.parse(spawnAdrgen(["search", "storage", "--json"], { cwd: repo }).stdout) as Array<{ number: number }>).map((h) => h.number)).toEqual([1]);
  });
});
