import { describe, expect, it } from "@jest/globals";
import { isDateNamed, normaliseStatus, numberFromFileName, parseDateValue, stripNumberPrefix, titleFromHeading, toList } from "../../src/markdown/fields.js";
import { parseRelationText } from "../../src/markdown/relations.js";
import { inlineText } from "../../src/markdown/text.js";

describe("numberFromFileName", () => {
  it.each([
    ["0007-use-kafka.md", 7],
    ["0061-reject_mapping_errors.md", 61],
    ["adr-012-use-x.md", 12],
    ["ADR-003-use-y.md", 3],
    ["20200926-use-the-adr-number.md", null],
    ["2020-09-26-dated.md", null],
    ["use-something.md", null],
    ["0000-first.md", 0],
  ])("%s → %p", (name, expected) => {
    expect(numberFromFileName(name)).toBe(expected);
  });

  it("tells date-named files from numbered ones", () => {
    expect(isDateNamed("20201016-slug.md")).toBe(true);
    expect(isDateNamed("20201399-slug.md")).toBe(false);
    expect(isDateNamed("0001-slug.md")).toBe(false);
  });
});

describe("normaliseStatus", () => {
  it.each([
    ["Accepted", "accepted", true],
    ["**Proposed**", "proposed", true],
    ["proposed. **This ADR did not reach consensus.**", "proposed", true],
    ["on hold", "on hold", false],
    ["Draft.", "draft", false],
    ["superseded by ADR-0005", "superseded", true],
  ])("%s → %s", (raw, status, known) => {
    expect(normaliseStatus(raw)).toMatchObject({ status, known });
  });

  it("records who supersedes", () => {
    expect(normaliseStatus("superseded by [ADR-0005](0005-x.md)", 4).supersededBy).toEqual([{ number: 5, target: "0005-x.md", line: 4 }]);
    expect(normaliseStatus("Superseded by ADR-0005").supersededBy).toEqual([{ number: 5, target: "ADR-0005" }]);
  });

  it("gives null for an empty statement", () => {
    expect(normaliseStatus("  .  ").status).toBeNull();
  });
});

describe("parseDateValue", () => {
  it("accepts ISO dates and datetimes", () => {
    expect(parseDateValue("2016-02-12")).toEqual({ date: "2016-02-12" });
    expect(parseDateValue("2016-02-12T08:00:00+01:00")).toEqual({ date: "2016-02-12" });
    expect(parseDateValue(new Date(Date.UTC(2020, 0, 31)))).toEqual({ date: "2020-01-31" });
  });

  it("keeps anything else raw", () => {
    expect(parseDateValue("2024-14-02")).toEqual({ date: null, dateRaw: "2024-14-02" });
    expect(parseDateValue("12/02/2016")).toEqual({ date: null, dateRaw: "12/02/2016" });
    expect(parseDateValue(undefined)).toEqual({ date: null });
  });
});

describe("titles", () => {
  it.each([
    ["1. Record decisions", 1, "Record decisions"],
    ["0061. Route failures", 61, "Route failures"],
    ["ADR-012: Use X", 12, "Use X"],
    ["ADR 7 - Use Y", 7, "Use Y"],
    ["6 Blocking Retry", 6, "Blocking Retry"],
    ["6 Blocking Retry", 7, "6 Blocking Retry"],
    ["2 phase commit", null, "2 phase commit"],
    ["Use `Span<T>`", 1, "Use Span<T>"],
  ])("%s (file %p) → %s", (heading, number, title) => {
    expect(stripNumberPrefix(inlineText(heading), number)).toBe(title);
  });

  it("strips and records elastisys' superseded prefix", () => {
    expect(titleFromHeading("[Superseded by [ADR-0046](0046-handle-crds.md)] Let upstream handle CRDs", 11, 1)).toEqual({
      title: "Let upstream handle CRDs",
      supersededBy: [{ number: 46, target: "0046-handle-crds.md", line: 1 }],
    });
  });

  it("unescapes markdown in titles", () => {
    expect(titleFromHeading("57. Reduce Span\\<T\\> and **Memory**", 57).title).toBe("Reduce Span<T> and Memory");
  });
});

describe("parseRelationText", () => {
  it("reads verb phrases with local links or ADR names", () => {
    expect(parseRelationText("Amended by [9. Help scripts](0009-help-scripts.md)", 9)).toEqual({
      kind: "link",
      type: "amended by",
      refs: [{ number: 9, target: "0009-help-scripts.md", line: 9 }],
    });
    expect(parseRelationText("Supersedes [1. A](0001-a.md) and [2. B](0002-b.md)")?.refs.map((r) => r.number)).toEqual([1, 2]);
    expect(parseRelationText("superseded by [slug](20201016-slug.md)")).toMatchObject({ kind: "supersededBy", refs: [{ number: null }] });
  });

  it("ignores prose and external links", () => {
    expect(parseRelationText("See [the docs](https://example.com)")).toBeNull();
    expect(parseRelationText("We decided [foo](0001-a.md) because of reasons")).toBeNull();
    expect(parseRelationText("Accepted")).toBeNull();
  });
});

describe("toList", () => {
  it("splits names on commas outside parentheses", () => {
    expect(toList("Lars, Johan (and others, maybe)")).toEqual(["Lars", "Johan (and others, maybe)"]);
    expect(toList(["a", " b "])).toEqual(["a", "b"]);
    expect(toList(null)).toEqual([]);
  });
});
