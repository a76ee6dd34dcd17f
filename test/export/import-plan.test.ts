// planImport: target names, collisions, renumbering and the warnings, without any file system.
import { describe, expect, it } from "@jest/globals";
import { planImport, safeAdrFileName } from "../../src/app/import-plan.js";
import { AdrgenError } from "../../src/domain/errors.js";
import type { ExportedAdr, ExportedRef } from "../../src/domain/export-schema.js";

function adr(p: string, markdown: string, refs: { supersedes?: ExportedRef[]; links?: Array<ExportedRef & { type: string }> } = {}): ExportedAdr {
  const name = p.split("/").pop()!;
  const number = /^\d+/.test(name) ? Number(/^\d+/.exec(name)![0]) : null;
  return {
    number, title: "T", status: null, date: null, tags: [], decisionMakers: [], consulted: [], informed: [], format: "other", path: p, dirLabel: "d",
    frontMatter: null, statusStyle: "none", statusLine: null, titleLine: 1, supersedes: refs.supersedes ?? [], supersededBy: [], links: refs.links ?? [],
    sections: [], consideredOptions: [], chosenOption: null, diagnostics: [], markdown,
  };
}

function failure(fn: () => unknown): AdrgenError {
  try {
    fn();
  } catch (error) {
    expect((error as AdrgenError).exitCode).toBe(2);
    return error as AdrgenError;
  }
  throw new Error("expected a usage error");
}

describe("planImport", () => {
  it("keeps names and numbers without --renumber and leaves the text alone", () => {
    const plan = planImport({ adrs: [adr("a/0003-x.md", "# 3. X\n"), adr("a/20200101-slug.md", "# Y\n")], existingNames: ["0001-y.md", "README.md"], dirLabel: "docs/adr", renumber: false });
    expect(plan.files.map((f) => [f.toName, f.toNumber, f.text])).toEqual([
      ["0003-x.md", 3, "# 3. X\n"],
      ["20200101-slug.md", null, "# Y\n"],
    ]);
  });

  it("reports every collision at once: an existing number, an existing name (any case), a number shared by imported ADRs", () => {
    const error = failure(() =>
      planImport({
        adrs: [adr("a/0001-x.md", ""), adr("a/0002-Y.md", ""), adr("b/0005-p.md", ""), adr("c/0005-q.md", ""), adr("a/20200101-s.md", ""), adr("b/20200101-s.md", "")],
        existingNames: ["0001-other.md", "0002-y.md"],
        dirLabel: "docs/adr",
        renumber: false,
      }),
    );
    expect(error.message).toContain("adrs[0] a/0001-x.md: number 1 is taken by 0001-other.md");
    expect(error.message).toContain("adrs[1] a/0002-Y.md: 0002-y.md already exists");
    expect(error.message).toContain("number 5 is shared by the imported adrs[2] b/0005-p.md, adrs[3] c/0005-q.md");
    expect(error.message).toContain("file name 20200101-s.md is shared by the imported adrs[4] a/20200101-s.md, adrs[5] b/20200101-s.md");
    expect(error.hint).toMatch(/--renumber/);
  });

  it("--renumber numbers from the highest existing number + 1, keeps the digit width and prefix, and leaves unnumbered names", () => {
    const plan = planImport({
      adrs: [adr("a/adr-07-x.md", "# ADR-07: X\n"), adr("a/20200101-s.md", "# S\n"), adr("a/0002-y.md", "# 2. Y\n")],
      existingNames: ["0009-z.md", "notes.txt", "0100-draft.txt"],
      dirLabel: "docs/adr",
      renumber: true,
    });
    expect(plan.files.map((f) => [f.toName, f.toNumber, f.text])).toEqual([
      ["adr-0010-x.md", 10, "# ADR-10: X\n"],
      ["20200101-s.md", null, "# S\n"],
      ["0011-y.md", 11, "# 11. Y\n"],
    ]);
  });

  it("--renumber still refuses an unnumbered file whose name exists", () => {
    const error = failure(() => planImport({ adrs: [adr("a/20200101-s.md", "")], existingNames: ["20200101-s.md"], dirLabel: "docs/adr", renumber: true }));
    expect(error.message).toContain("20200101-s.md already exists");
    expect(error.hint).toMatch(/unnumbered files keep their names/);
  });

  it("rewrites links between imported ADRs (relative paths as in the source), not links to others; warns about the rest", () => {
    const plan = planImport({
      adrs: [
        adr("docs/adr/0001-a.md", "# 1. A\n\nSee [2. B](0002-b.md), [B again][b], [elsewhere](../other/0002-b.md) and [gone](0009-gone.md).\n\n[b]: ./0002-b.md\n", {
          links: [
            { number: 2, target: "0002-b.md", path: "docs/adr/0002-b.md", type: "relates to", line: 3 },
            { number: 9, target: "0009-gone.md", path: null, type: "relates to", line: 3 },
          ],
        }),
        adr("docs/adr/0002-b.md", "# 2. B\n", { supersedes: [{ number: 1, target: "ADR-0001", path: "docs/adr/0001-a.md", line: 5 }] }),
      ],
      existingNames: ["0001-x.md", "0002-y.md"],
      dirLabel: "docs/adr",
      renumber: true,
    });
    expect(plan.files.map((f) => f.toName)).toEqual(["0003-a.md", "0004-b.md"]);
    expect(plan.files[0]!.text).toBe("# 3. A\n\nSee [4. B](0004-b.md), [B again][b], [elsewhere](../other/0002-b.md) and [gone](0009-gone.md).\n\n[b]: ./0004-b.md\n");
    expect(plan.warnings).toEqual([
      'docs/adr/0001-a.md:3 relates to "0009-gone.md", which was not imported; left as written',
      'docs/adr/0002-b.md:5 supersedes "ADR-0001" as text, not a link; it now means 0003-a.md, not rewritten',
    ]);
  });

  it("refuses paths that do not end in a safe ADR file name", () => {
    const error = failure(() =>
      planImport({ adrs: [adr("docs/adr/../../x/.hidden.md", ""), adr("docs/adr/README.md", ""), adr("a/0001-x.txt", ""), adr("a/con.md", ""), adr("a\\0002-ok.md", "")], existingNames: [], dirLabel: "d", renumber: false }),
    );
    expect(error.message).toMatch(/adrs\[0\]\.path/);
    expect(error.message).toMatch(/adrs\[1\]\.path/);
    expect(error.message).toMatch(/adrs\[2\]\.path/);
    expect(error.message).toMatch(/adrs\[3\]\.path/);
    expect(error.message).not.toMatch(/adrs\[4\]/);
    expect(safeAdrFileName("a\\0002-ok.md")).toBe("0002-ok.md");
    expect(safeAdrFileName("a/b:c.md")).toBeNull();
    expect(safeAdrFileName("a/0003-tab\t.md")).toBeNull();
  });

  it("rejects format characters, line separators, a leading hyphen and names over 255 bytes", () => {
    for (const bad of ["0001-a\u202Egnp.md", "0001-zero\u200Bwidth.md", "0001-a\u2028b.md", "0001-a\u2029b.md", "0001-\u2066x\u2069.md", "0001-\uFEFFx.md", "-0001-x.md", "0001-x\u0085.md"]) {
      expect(safeAdrFileName(`docs/adr/${bad}`)).toBeNull();
    }
    // 5 + 84 × 3 + 3 = 260 bytes in 92 characters.
    expect(safeAdrFileName(`0001-${"€".repeat(84)}.md`)).toBeNull();
    expect(safeAdrFileName(`0001-${"é".repeat(100)}.md`)).toBe(`0001-${"é".repeat(100)}.md`);
  });
});
