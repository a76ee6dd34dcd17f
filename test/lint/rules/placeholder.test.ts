import { describe, expect, it } from "@jest/globals";
import { isPlaceholderText, placeholderRule } from "../../../src/lint/rules/placeholder.js";
import { makeContext, makeRecord } from "../record.js";

const check = (text: string) => {
  const record = makeRecord({ text });
  return placeholderRule.check(record, makeContext([record]));
};

describe("placeholder rule", () => {
  it("passes filled-in text, code and comments", () => {
    const text = "# Use X\n\nWe use `{option 1}` syntax.\n\n```json\n{\"a\": 1}\n```\n\n<!-- {describe the context} -->\n\nSets {1, 2} are fine.\n";
    expect(check(text)).toEqual([]);
  });

  it("tells template placeholders from code-like braces", () => {
    for (const text of ["title", "TITLE", "Title", "describe …", "option 1", "YYYY-MM-DD when decided", "… | superseded by ADR-0123"]) expect(isPlaceholderText(text)).toBe(true);
    for (const text of ['"greeting": "Hello"', "BrokerName", "type.Name", "k+1", "k-1", "Fresh,Bootstrap,Normal", "1, 2", "x = 1", "…"]) expect(isPlaceholderText(text)).toBe(false);
  });

  it("reports a placeholder repeated on one line once", () => {
    expect(check("# X\n\nUse {name} and {name} and {other}.\n")).toEqual([
      { line: 3, message: "unfilled placeholder {name}" },
      { line: 3, message: "unfilled placeholder {other}" },
    ]);
  });

  it("warns about each unfilled placeholder with its line", () => {
    const text = "---\ndate: {YYYY-MM-DD when decided}\n---\n# {title}\n\n## Context\n\n{Describe the context and problem statement, e.g., in free form using two to three sentences}\n";
    expect(check(text)).toEqual([
      { line: 2, message: "unfilled placeholder {YYYY-MM-DD when decided}" },
      { line: 4, message: "unfilled placeholder {title}" },
      { line: 8, message: "unfilled placeholder {Describe the context and problem statement, e.g., in fre…}" },
    ]);
  });
});
