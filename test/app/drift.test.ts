import { describe, expect, it } from "@jest/globals";
import { chosenOptionOf, detectDrift, mayDrift } from "../../src/app/drift.js";
import { parseAdr } from "../../src/markdown/parse.js";
import type { RepoContext } from "../../src/scan/types.js";

function context(items: Partial<Pick<RepoContext, "messaging" | "datastores" | "caches">>): RepoContext {
  return {
    root: "/repo",
    languages: [], frameworks: [], datastores: [], caches: [], messaging: [], apiStyles: [], auth: [], infra: [], ci: [],
    services: [], packages: [], existingDecisions: [], warnings: [],
    ...items,
  };
}

const file = (name: string) => ({ path: `/repo/docs/adr/${name}`, relPath: `docs/adr/${name}`, dirLabel: "docs/adr" });

const NYGARD = `# 4. Use PostgreSQL

Date: 2026-01-10

## Status

Accepted

## Context

We need a database.

## Decision

We will use PostgreSQL, because the team knows it.

## Consequences

Fine.
`;

const MADR = `---
status: accepted
---

# Pick a cache

## Considered Options

* Redis
* Memcached

## Decision Outcome

Chosen option: "Redis", because it does more.
`;

describe("drift", () => {
  it("reads the chosen option from MADR and from the Nygard template's 'We will use'", () => {
    expect(chosenOptionOf(parseAdr(MADR, file("0001-pick-a-cache.md")))).toBe("Redis");
    expect(chosenOptionOf(parseAdr(NYGARD, file("0004-use-postgresql.md")))).toBe("PostgreSQL");
  });

  it("reports a Nygard ADR whose chosen database is gone, at the line of the decision", () => {
    const record = parseAdr(NYGARD, file("0004-use-postgresql.md"));
    const found = detectDrift([record], context({ datastores: [{ name: "mysql", evidence: [{ file: "docker-compose.yml", line: 4 }] }] }));
    expect(found).toEqual([
      {
        file: "docs/adr/0004-use-postgresql.md",
        line: 15,
        number: 4,
        kind: "chosen-missing",
        option: "PostgreSQL",
        technologies: ["postgresql"],
        evidence: [],
        message: 'chosen option "PostgreSQL" is no longer found in the repository: no postgresql',
      },
    ]);
  });

  it("reports a rejected cache that now runs beside the chosen one, with its evidence", () => {
    const record = parseAdr(MADR, file("0001-pick-a-cache.md"));
    const found = detectDrift(
      [record],
      context({
        caches: [
          { name: "redis", evidence: [{ file: "docker-compose.yml", line: 3 }] },
          { name: "memcached", evidence: [{ file: "docker-compose.yml", line: 9 }, { file: "package.json", line: 12 }] },
        ],
      }),
    );
    expect(found.map((f) => [f.kind, f.option, f.evidence])).toEqual([["rejected-present", "Memcached", ["docker-compose.yml:9", "package.json:12"]]]);
  });

  it("has nothing to judge without accepted ADRs", () => {
    const proposed = parseAdr(MADR.replace("accepted", "proposed"), file("0001-pick-a-cache.md"));
    expect(mayDrift([proposed])).toBe(false);
    expect(detectDrift([proposed], context({}))).toEqual([]);
  });
});
