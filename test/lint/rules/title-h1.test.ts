import { describe, expect, it } from "@jest/globals";
import { titleH1Rule } from "../../../src/lint/rules/title-h1.js";
import { makeContext, makeRecord } from "../record.js";

describe("title-h1 rule", () => {
  it("passes with an H1", () => {
    const record = makeRecord();
    expect(titleH1Rule.check(record, makeContext([record]))).toEqual([]);
  });

  it("reports a missing H1 at the first line after the front matter", () => {
    const record = makeRecord({ title: null, titleLine: null, text: "---\nstatus: accepted\n---\n## Context\n" });
    expect(titleH1Rule.check(record, makeContext([record]))).toEqual([{ line: 4, message: 'no H1 title (a line starting with "# ")' }]);
  });

  it("reports an empty H1 at its line", () => {
    const record = makeRecord({ title: "", titleLine: 1, text: "#\n" });
    expect(titleH1Rule.check(record, makeContext([record]))).toEqual([{ line: 1, message: "the H1 title is empty" }]);
  });
});
