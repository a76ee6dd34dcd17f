import { describe, expect, it } from "@jest/globals";
import { isKnownStatus, statusKnownRule } from "../../../src/lint/rules/status-known.js";
import { statusPresentRule } from "../../../src/lint/rules/status-present.js";
import { makeContext, makeRecord } from "../record.js";

describe("status-known rule", () => {
  it.each(["accepted", "Proposed", "superseded", "superseded by [3. Use X](0003-use-x.md)", "Deprecated: see ADR-4"])("accepts %s", (status) => {
    expect(isKnownStatus(status)).toBe(true);
    const record = makeRecord({ status });
    expect(statusKnownRule.check(record, makeContext([record]))).toEqual([]);
  });

  it.each(["on hold", "draft", "acceptedish", "approved"])("warns about %s at the status line", (status) => {
    const record = makeRecord({ status, statusLine: 4 });
    expect(statusKnownRule.check(record, makeContext([record]))).toEqual([
      { line: 4, message: `unknown status "${status}" (known: proposed, accepted, rejected, deprecated, superseded)` },
    ]);
  });

  it("says nothing when no status is stated (status-present covers that)", () => {
    const record = makeRecord({ status: null, statusLine: null });
    expect(statusKnownRule.check(record, makeContext([record]))).toEqual([]);
  });
});

describe("status-present rule", () => {
  it("passes when a status is stated", () => {
    const record = makeRecord();
    expect(statusPresentRule.check(record, makeContext([record]))).toEqual([]);
  });

  it("reports a file without status", () => {
    const record = makeRecord({ status: null, statusLine: null, statusStyle: "none" });
    expect(statusPresentRule.check(record, makeContext([record]))).toEqual([{ line: null, message: "no status stated" }]);
  });
});
