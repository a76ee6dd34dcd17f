import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { parse } from "yaml";
import { parseSimpleYaml } from "../../src/markdown/simple-yaml.js";

// The simple reader may refuse anything, but whatever it answers must equal what the yaml package reads.
function agreesWithYaml(body: string): void {
  const simple = parseSimpleYaml(body);
  if (simple === null) return;
  let expected: unknown;
  try {
    expected = parse(body, { uniqueKeys: false }) ?? {};
  } catch {
    throw new Error(`simple reader accepted invalid YAML:\n${body}`);
  }
  expect(simple).toEqual(expected);
}

describe("parseSimpleYaml", () => {
  it("reads flat front matter like yaml does", () => {
    const body = 'status: accepted\ndate: 2024-01-02\ndecision-makers: Alice, Bob\ntags: [a, b]\nauthor:\n  - "Brighter Team"\nnav_order: 3\nempty:\n# comment\ntitle: "Quoted: yes"';
    expect(parseSimpleYaml(body)).toEqual({
      status: "accepted",
      date: "2024-01-02",
      "decision-makers": "Alice, Bob",
      tags: ["a", "b"],
      author: ["Brighter Team"],
      nav_order: 3,
      empty: null,
      title: "Quoted: yes",
    });
    agreesWithYaml(body);
  });

  it.each([
    "a: true",
    "a: 1.5",
    "a: {b: 1}",
    "a: |\n  text",
    "a: b: c",
    "a: x\na: y",
    "a: 'unterminated",
    "a:\n  b: c",
    "  a: indented",
  ])("refuses %p, which needs the yaml package", (body) => {
    expect(parseSimpleYaml(body)).toBeNull();
  });

  it("never disagrees with yaml on generated front matter", () => {
    const key = fc.constantFrom("status", "date", "tags", "decision-makers", "title", "n");
    const scalar = fc.oneof(
      fc.constantFrom("accepted", "on hold", "2024-01-02", "2024-01-02T10:00:00Z", "12", "-3", "007", "null", "~", "True", "Alice, Bob", "a#b", "a # c", "x: y", "- z", "'q'", '"d"', "'it''s'", ".5", "0x1F", "[a, b]", "[]", "[a, 1]"),
      fc.string({ maxLength: 12 }),
      fc.string({ maxLength: 10, unit: fc.constantFrom("a", "b", " ", ":", "#", '"', "'", "-", "[", "]", "{", ",", "\\", "1", ".", "~", "&", "*", "!", "|", ">", "%", "@", "?") }),
    );
    const entry = fc.oneof(
      fc.tuple(key, scalar).map(([k, v]) => `${k}: ${v}`),
      fc.tuple(key, fc.array(scalar, { maxLength: 3 })).map(([k, items]) => `${k}:\n${items.map((i) => `  - ${i}`).join("\n")}`),
    );
    fc.assert(fc.property(fc.array(entry, { maxLength: 5 }), (entries) => agreesWithYaml(entries.join("\n"))), { numRuns: 3000 });
  });
});
