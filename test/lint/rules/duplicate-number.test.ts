import { describe, expect, it } from "@jest/globals";
import { duplicateNumberRule } from "../../../src/lint/rules/duplicate-number.js";
import { makeContext, makeRecord } from "../record.js";

describe("duplicate-number rule", () => {
  it("passes when every number is unique in its directory", () => {
    const records = [makeRecord({ file: "0001-a.md" }), makeRecord({ file: "0002-b.md" })];
    expect(records.flatMap((r) => duplicateNumberRule.check(r, makeContext(records)))).toEqual([]);
  });

  it("names every file sharing a number, on each of them", () => {
    const records = [makeRecord({ file: "0037-c.md" }), makeRecord({ file: "0037-a.md" }), makeRecord({ file: "0037-b.md" }), makeRecord({ file: "0038-d.md" })];
    const ctx = makeContext(records);
    const findings = records.map((r) => duplicateNumberRule.check(r, ctx));
    expect(findings[3]).toEqual([]);
    for (const finding of findings.slice(0, 3)) {
      expect(finding).toEqual([{ line: 5, message: "ADR number 37 is used by 3 files: 0037-a.md, 0037-b.md, 0037-c.md" }]);
    }
  });

  it("ignores the same number in another directory and unnumbered files", () => {
    const a = makeRecord({ file: "0001-a.md" });
    const b = { ...makeRecord({ file: "0001-a.md" }), path: "/repo/packages/x/docs/adr/0001-a.md" };
    const dated = makeRecord({ file: "20200101-x.md", number: null });
    const ctx = makeContext([a, b, dated, { ...dated }]);
    expect([a, b, dated].flatMap((r) => duplicateNumberRule.check(r, ctx))).toEqual([]);
  });
});
