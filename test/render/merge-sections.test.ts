// Splitting keys sections exactly as the machine block hashes them; merging keeps edits and additions in place.
import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseMachineBlock, sectionHashes } from "../../src/render/machine-block.js";
import { joinSections, mergeSections, removeMachineBlock, splitSections } from "../../src/render/merge-sections.js";
import { replaceTitle, setRevisedDate } from "../../src/render/revise-preamble.js";

const GOLDEN = fileURLToPath(new URL("../../adr-examples/generated/node-postgres-redis-message-broker.md", import.meta.url));

describe("splitSections", () => {
  it("gives every section the key and hash the block stored, and joins back to the same text", () => {
    const text = readFileSync(GOLDEN, "utf8");
    const split = splitSections(text);
    const block = parseMachineBlock(text)!;
    expect(Object.fromEntries(split.chunks.map((c) => [c.key, c.hash]))).toEqual(sectionHashes(text));
    expect(Object.fromEntries(split.chunks.map((c) => [c.key, c.hash]))).toEqual(block.sections);
    expect(joinSections(split.preamble, split.chunks)).toBe(removeMachineBlock(text));
  });

  it("keeps text after the block", () => {
    expect(removeMachineBlock("# T\n\n## A\n\nx\n\n<!-- adrgen:decision\n{}\n-->\n\n## More\n\nlink\n")).toBe("# T\n\n## A\n\nx\n\n## More\n\nlink\n");
  });
});

describe("mergeSections", () => {
  const doc = (body: string) => splitSections(`# T\n\n${body}`);
  it("replaces untouched sections, keeps edited and added ones where they were", () => {
    const old = doc("## A\n\nold a\n\n## B\n\nold b\n\n### B1\n\nold b1\n");
    const stored = Object.fromEntries(old.chunks.map((c) => [c.key, c.hash]));
    const current = doc("## A\n\nedited a\n\n## B\n\nold b\n\n### B1\n\nold b1\n\n## Mine\n\nnotes\n\n## C\n\nx\n");
    const fresh = doc("## A\n\nnew a\n\n## B\n\nnew b\n\n### B1\n\nnew b1\n\n## D\n\nnew d\n");
    const { chunks, report } = mergeSections({ current, generated: fresh, stored, overwriteEdited: false });
    expect(joinSections("# T", chunks)).toBe("# T\n\n## A\n\nedited a\n\n## B\n\nnew b\n\n### B1\n\nnew b1\n\n## Mine\n\nnotes\n\n## C\n\nx\n\n## D\n\nnew d\n");
    expect(report).toEqual({ keptEdited: ["A"], keptAdded: ["Mine", "C"], overwritten: [], keptDeleted: [] });
  });

  it("leaves out a generated section people deleted unless told to overwrite", () => {
    const old = doc("## A\n\na\n\n## B\n\nb\n");
    const stored = Object.fromEntries(old.chunks.map((c) => [c.key, c.hash]));
    const current = doc("## A\n\na\n");
    const fresh = doc("## A\n\na2\n\n## B\n\nb2\n");
    expect(joinSections("# T", mergeSections({ current, generated: fresh, stored }).chunks)).toBe("# T\n\n## A\n\na2\n");
    expect(joinSections("# T", mergeSections({ current, generated: fresh, stored, overwriteEdited: true }).chunks)).toBe("# T\n\n## A\n\na2\n\n## B\n\nb2\n");
  });
});

describe("preamble edits", () => {
  it("adds or updates revised after date and keeps other keys", () => {
    const fm = "---\nstatus: proposed\ndate: 2026-01-15\nticket: X-1\n---\n\n# T";
    const once = setRevisedDate(fm, "2026-02-01");
    expect(once).toBe("---\nstatus: proposed\ndate: 2026-01-15\nrevised: 2026-02-01\nticket: X-1\n---\n\n# T");
    expect(setRevisedDate(once, "2026-03-01")).toBe(once.replace("2026-02-01", "2026-03-01"));
    expect(setRevisedDate("# 2. T\n\nDate: 2026-01-15", "2026-02-01")).toBe("# 2. T\n\nDate: 2026-01-15\n\nRevised: 2026-02-01");
  });

  it("replaces the H1 but not a YAML comment, keeping a Nygard number", () => {
    expect(replaceTitle("---\n# note\nstatus: x\n---\n\n# Old", "New")).toBe("---\n# note\nstatus: x\n---\n\n# New");
    expect(replaceTitle("# 3. Old", "New")).toBe("# 3. New");
  });
});
