import { describe, expect, it } from "@jest/globals";
import { diffStacks } from "../../src/app/suggest-diff.js";
import { coverageOf } from "../../src/app/suggest-coverage.js";
import { compareVersions, compatibilityLabel, isBreakingChange } from "../../src/app/suggest-versions.js";
import type { AdrRecord } from "../../src/domain/adr.js";
import type { MergedContext } from "../../src/scan/merge.js";
import { CONTEXT_CATEGORIES, type ContextItem } from "../../src/scan/types.js";

const withFramework = (version: string): MergedContext => {
  const base = Object.fromEntries(CONTEXT_CATEGORIES.map((category) => [category, [] as ContextItem[]]));
  const item: ContextItem = { name: "fastify", version, evidence: [{ file: "package.json", line: 4 }] };
  return { ...base, frameworks: [item], services: [], packages: [], warnings: [] } as unknown as MergedContext;
};

describe("isBreakingChange (semver compatibility lines)", () => {
  it.each([
    ["4.19.2", "5.0.1", true],
    ["4.19.2", "4.21.0", false],
    ["0.3.1", "0.4.0", true],
    ["0.3.1", "0.3.9", false],
    ["^0.3.1", "~0.4", true],
    ["0.9.0", "1.0.0", true],
    ["0.0.3", "0.0.4", true],
    ["0.0.3", "0.0.3", false],
    ["0", "0.4.1", false],
    ["16-alpine", "17-alpine", true],
    ["5.0.1", "4.19.2", true],
    ["latest", "5.0.0", undefined],
  ])("%s → %s: %s", (from, to, expected) => expect(isBreakingChange(from, to)).toBe(expected));

  it("labels the line an ADR would name and orders versions by every part", () => {
    expect(["5.0.1", "0.4.2", "0.0.7", "v16"].map(compatibilityLabel)).toEqual(["5", "0.4", "0.0.7", "16"]);
    expect(compareVersions("0.4.0", "0.3.9")).toBeGreaterThan(0);
    expect(compareVersions("0.3.9", "0.4.0")).toBeLessThan(0);
    expect(compareVersions("4.19", "4.19.0")).toBe(0);
  });
});

describe("suggest sees pre-1.0 bumps", () => {
  it("0.3 → 0.4 is an upgrade and 0.4 → 0.3 a downgrade; 0.3.1 → 0.3.9 is nothing", () => {
    expect(diffStacks(withFramework("0.3.1"), withFramework("0.4.0")).map((c) => [c.kind, c.summary])).toEqual([["upgraded", "upgrade Fastify from 0.3.1 to 0.4.0"]]);
    expect(diffStacks(withFramework("0.4.0"), withFramework("0.3.1")).map((c) => c.summary)).toEqual(["downgrade Fastify from 0.4.0 to 0.3.1"]);
    expect(diffStacks(withFramework("0.3.1"), withFramework("0.3.9"))).toEqual([]);
  });

  it("an ADR covers a 0.x upgrade when it names the new line (0.4), not merely 0", () => {
    const [change] = diffStacks(withFramework("0.3.1"), withFramework("0.4.0"));
    const adr = (number: number, title: string) => ({ number, title, status: "accepted", relPath: `docs/adr/000${number}.md`, text: `# ${title}\n`, sections: [] }) as unknown as AdrRecord;
    const [covering] = coverageOf([adr(1, "Move to Fastify 0.4"), adr(2, "Stay on Fastify 0.3"), adr(3, "Use Fastify 0")], [change!]);
    expect(covering!.map((entry) => entry.number)).toEqual([1]);
  });
});
