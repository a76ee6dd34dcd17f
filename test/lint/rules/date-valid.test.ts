import { describe, expect, it } from "@jest/globals";
import { dateValidRule, isIsoDate } from "../../../src/lint/rules/date-valid.js";
import { makeContext, makeRecord } from "../record.js";

describe("date-valid rule", () => {
  it("passes a valid date and a file without a date", () => {
    for (const record of [makeRecord(), makeRecord({ date: null })]) expect(dateValidRule.check(record, makeContext([record]))).toEqual([]);
  });

  it("reports an invalid date at the line that states it", () => {
    const text = "# 3. Use X\n\nDate: 2024-14-02\n\n## Status\n\nAccepted\n";
    const record = makeRecord({ date: null, dateRaw: "2024-14-02", text, frontMatter: null });
    expect(dateValidRule.check(record, makeContext([record]))).toEqual([{ line: 3, message: 'invalid date "2024-14-02" (expected YYYY-MM-DD)' }]);
  });

  it("prefers the front matter date line over other mentions of the value", () => {
    const text = "---\ntitle: see 2024-02-30\ndate: 2024-02-30\n---\n# X\n";
    const record = makeRecord({ date: null, dateRaw: "2024-02-30", text });
    expect(dateValidRule.check(record, makeContext([record]))[0]?.line).toBe(3);
  });

  it("knows real calendar days", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2024-14-02")).toBe(false);
    expect(isIsoDate("24-01-02")).toBe(false);
  });
});
