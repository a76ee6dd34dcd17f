import { describe, expect, it } from "@jest/globals";
import { linkTargetRule } from "../../../src/lint/rules/link-target.js";
import { ADR_DIR, makeContext, makeRecord } from "../record.js";

const other = makeRecord({ file: "0002-use-kafka.md" });

describe("link-target rule", () => {
  it("passes links and references to files and ADRs that exist", () => {
    const text = [
      "# Use Postgres",
      "",
      "Superseded by [2. Use Kafka](0002-use-kafka.md#decision)",
      "See [the guide](../guide.md), [MADR](https://adr.github.io/madr/) and [top](#use-postgres).",
      "`[code](missing.md)`",
      "",
      "[ref]: ./0002-use-kafka.md",
    ].join("\n");
    const record = makeRecord({
      text,
      supersededBy: [{ number: 2, target: "0002-use-kafka.md", line: 3 }],
      links: [{ number: 2, target: "ADR-0002", type: "relates to", line: 9 }],
    });
    const ctx = makeContext([record, other], [record.path, other.path, "/repo/docs/guide.md"]);
    expect(linkTargetRule.check(record, ctx)).toEqual([]);
  });

  it("reports relative .md links whose file does not exist, with their lines", () => {
    const text = "# Use Postgres\n\nAmends [9. Help](0009-help-scripts.md)\n\n[ref]: <../missing%20file.md>\n";
    const record = makeRecord({ text });
    expect(linkTargetRule.check(record, makeContext([record]))).toEqual([
      { line: 3, message: 'link to "0009-help-scripts.md" points to a file that does not exist' },
      { line: 5, message: 'link to "../missing%20file.md" points to a file that does not exist' },
    ]);
  });

  it("reports supersede and link references to numbers, files and slugs that do not exist, once each", () => {
    const text = "---\nsupersedes: 7\n---\n# Use Postgres\n\nSuperseded by [ADR-12](0012-x.md)\n";
    const record = makeRecord({
      text,
      supersedes: [{ number: 7, target: "7", line: 2 }],
      supersededBy: [{ number: 12, target: "0012-x.md", line: 6 }],
      links: [
        { number: null, target: "20201016-use-the-adr-slug", type: "refines", line: 8 },
        { number: null, target: "some free text", type: "relates to", line: 9 },
      ],
    });
    expect(linkTargetRule.check(record, makeContext([record, other], [record.path, other.path]))).toEqual([
      { line: 2, message: "supersedes ADR 7, which does not exist" },
      { line: 6, message: 'link to "0012-x.md" points to a file that does not exist' },
      { line: 8, message: 'refines "20201016-use-the-adr-slug", which does not exist' },
    ]);
  });

  it("resolves numbers only within the record's own directory", () => {
    const elsewhere = { ...makeRecord({ file: "0007-x.md" }), path: "/repo/other/0007-x.md" };
    const record = makeRecord({ supersedes: [{ number: 7, target: "ADR-0007", line: 2 }] });
    expect(linkTargetRule.check(record, makeContext([record, elsewhere]))).toEqual([{ line: 2, message: "supersedes ADR 7, which does not exist" }]);
    expect(ADR_DIR).toBe("/repo/docs/adr");
  });
});
