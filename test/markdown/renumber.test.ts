import { describe, expect, it } from "@jest/globals";
import { relinkText, renumberLabel, renumberTitle } from "../../src/markdown/renumber.js";

const move = { fromPath: "/r/docs/adr/0002-use-redis.md", toPath: "/r/docs/adr/0007-use-redis.md", fromNumber: 2, toNumber: 7 };

describe("renumberLabel", () => {
  it.each([
    ["ADR-0002", "ADR-0007"],
    ["2. Use Redis", "7. Use Redis"],
    ["adr 2", "adr 7"],
    ["0002-use-redis", "0007-use-redis"],
    ["Use Redis", "Use Redis"],
    ["12. Other", "12. Other"],
  ])("%s → %s", (label, expected) => {
    expect(renumberLabel(label, 2, 7)).toBe(expected);
  });
});

describe("renumberTitle", () => {
  it("changes the Nygard title number and nothing else", () => {
    const text = "# 2. Use Redis\r\n\r\nDate: 2026-01-01\r\n\r\nSee 2. above.\r\n";
    expect(renumberTitle(text, 2, 7)).toBe("# 7. Use Redis\r\n\r\nDate: 2026-01-01\r\n\r\nSee 2. above.\r\n");
  });

  it("skips front matter and leaves a MADR title without a number alone", () => {
    const text = "---\nstatus: accepted\n# 2. not a title\n---\n\n# Use Redis\n";
    expect(renumberTitle(text, 2, 7)).toBe(text);
  });
});

describe("relinkText", () => {
  it("rewrites links to the moved file (label numbers too), keeps others and link style", () => {
    const text = [
      "* Supersedes [ADR-0002](0002-use-redis.md)",
      "Superseded by [2. Use Redis](./0002-use-redis.md#status)",
      "Also [ADR-0002](other/0002-use-redis.md) and [ADR-0003](0003-x.md).",
      "[ref]: 0002-use-redis.md",
    ].join("\n");
    expect(relinkText(text, "/r/docs/adr", move)).toBe(
      [
        "* Supersedes [ADR-0007](0007-use-redis.md)",
        "Superseded by [7. Use Redis](./0007-use-redis.md#status)",
        "Also [ADR-0002](other/0002-use-redis.md) and [ADR-0003](0003-x.md).",
        "[ref]: 0007-use-redis.md",
      ].join("\n"),
    );
  });

  it("resolves links relative to the linking file's directory", () => {
    expect(relinkText("[x](../adr/0002-use-redis.md)", "/r/docs/other", move)).toBe("[x](../adr/0007-use-redis.md)");
    expect(relinkText("[x](0002-use-redis.md)", "/r/docs/other", move)).toBe("[x](0002-use-redis.md)");
  });
});
