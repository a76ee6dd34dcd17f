import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { adrFileName, adrNumberFromFileName, formatAdrNumber, nextAdrNumber, parseAdrNumberArg } from "../../src/domain/numbering.js";

describe("adrNumberFromFileName", () => {
  it.each([
    ["0001-record-architecture-decisions.md", 1],
    ["0042-use-kafka.md", 42],
    ["adr-007-use-postgres.md", 7],
    ["ADR-12-x.md", 12],
    ["0061-reject_mapping_errors.md", 61],
    ["12345-big.md", 12345],
    ["docs/adr/0003-x.md", 3],
    ["0000-template.md", 0],
  ])("%s → %d", (name, number) => {
    expect(adrNumberFromFileName(name)).toBe(number);
  });

  it.each(["20201016-use-the-adr-slug-as-its-unique-id.md", "2020-10-16-slug.md", "README.md", "index.md", "template.md", "adr-template.md", "v2-thing.md", "1234567-too-long.md"])(
    "%s has no number",
    (name) => {
      expect(adrNumberFromFileName(name)).toBeNull();
    },
  );
});

describe("nextAdrNumber", () => {
  it("is 1 in an empty directory or one with only a template/README", () => {
    expect(nextAdrNumber([])).toBe(1);
    expect(nextAdrNumber(["README.md", "0000-template.md", "index.md"])).toBe(1);
  });

  it("is the highest + 1, with gaps and duplicates", () => {
    expect(nextAdrNumber(["0001-a.md", "0003-b.md", "0003-c.md", "README.md"])).toBe(4);
    expect(nextAdrNumber(["0009-a.md", "0010-b.md"])).toBe(11);
  });

  it("ignores files that are not markdown and date-named files", () => {
    expect(nextAdrNumber(["0002-a.md", "0099-diagram.png", "20201016-slug.md", ".adrgen.lock"])).toBe(3);
  });

  it("is greater than every numbered file (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 20000 }), { maxLength: 30 }), (numbers) => {
        const names = numbers.map((n) => adrFileName(n, "x"));
        const next = nextAdrNumber(names);
        expect(next).toBe(Math.max(0, ...numbers) + 1);
      }),
      { numRuns: 200 },
    );
  });
});

describe("formatAdrNumber and adrFileName", () => {
  it("pads to four digits and keeps more when needed", () => {
    expect(formatAdrNumber(1)).toBe("0001");
    expect(formatAdrNumber(9999)).toBe("9999");
    expect(formatAdrNumber(10000)).toBe("10000");
    expect(adrFileName(7, "use-x")).toBe("0007-use-x.md");
  });
  it("rejects non-numbers", () => {
    expect(() => formatAdrNumber(-1)).toThrow(RangeError);
    expect(() => formatAdrNumber(1.5)).toThrow(RangeError);
  });
  it("round-trips through the file name", () => {
    fc.assert(fc.property(fc.nat({ max: 999_999 }), (n) => expect(adrNumberFromFileName(adrFileName(n, "slug"))).toBe(n)), { numRuns: 200 });
  });
});

describe("parseAdrNumberArg", () => {
  it.each([["7", 7], ["0007", 7], ["ADR-7", 7], ["adr0012", 12], [3, 3]] as const)("%j → %d", (value, n) => {
    expect(parseAdrNumberArg(value)).toBe(n);
  });
  it.each(["", "x", "7a", "-1", "1.5"])("%j is not a number", (value) => {
    expect(parseAdrNumberArg(value)).toBeNull();
  });
});
