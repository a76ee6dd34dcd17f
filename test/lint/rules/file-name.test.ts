import { describe, expect, it } from "@jest/globals";
import { fileNameRule } from "../../../src/lint/rules/file-name.js";
import { makeContext, makeRecord } from "../record.js";

const check = (file: string) => {
  const record = makeRecord({ file });
  return fileNameRule.check(record, makeContext([record]));
};

describe("file-name rule", () => {
  it("accepts NNNN-kebab-slug.md and log4brains date names", () => {
    expect(check("0001-use-postgres.md")).toEqual([]);
    expect(check("0012-use-http-2.md")).toEqual([]);
    expect(check("20201016-use-the-adr-slug-as-its-unique-id.md")).toEqual([]);
  });

  it.each(["use-postgres.md", "1-use-postgres.md", "0061-reject_mapping_errors.md", "0001-Use-CC0.md", "0001-.md", "0001-a--b.md"])(
    "warns about %s",
    (file) => {
      const findings = check(file);
      expect(findings).toHaveLength(1);
      expect(findings[0]).toEqual({ line: null, message: `file name "${file}" does not follow NNNN-kebab-slug.md` });
    },
  );
});
