import { describe, expect, it } from "@jest/globals";
import { parse } from "yaml";
import { readScalar, writeScalar } from "../../src/markdown/yaml-scalar.js";

describe("front matter scalars", () => {
  it("reads quoted and plain values with comments", () => {
    expect(readScalar('"say \\"hi\\"" # note')).toEqual({ value: 'say "hi"', quote: '"', comment: " # note" });
    expect(readScalar("'it''s'")).toEqual({ value: "it's", quote: "'", comment: "" });
    expect(readScalar("accepted # by hand")).toEqual({ value: "accepted", quote: "", comment: " # by hand" });
  });

  it("writes values YAML reads back unchanged", () => {
    for (const value of ["accepted", "superseded by [ADR-0005](0005-x.md)", 'a "quoted" \\ value', "yes", "- dash", "key: value #tag"]) {
      for (const quote of ["", '"', "'"] as const) {
        expect(parse(`status: ${writeScalar(value, quote, "yaml")}`)).toEqual({ status: value });
      }
    }
    expect(writeScalar("accepted", "", "yaml")).toBe("accepted");
    expect(writeScalar("accepted", "", "toml")).toBe('"accepted"');
  });
});
