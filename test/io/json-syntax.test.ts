import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { findJsonSyntaxError } from "../../src/io/json-syntax.js";

describe("findJsonSyntaxError", () => {
  it("accepts what JSON.parse accepts", () => {
    for (const text of ['{"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"]}', "[]", "{}", ' "s" ', "0", '{"a":{"b":[[],[{}]]}}']) {
      expect(findJsonSyntaxError(text)).toBeUndefined();
    }
  });

  it("places each classic mistake at the offending character", () => {
    const cases: Array<[string, number, RegExp]> = [
      ['{"a": 1,}', 8, /property name, found '}' \(JSON allows no trailing comma\)/],
      ["[1, 2,]", 6, /expected a value, found '\]' \(JSON allows no trailing comma\)/],
      ['{"a" 1}', 5, /expected ':'/],
      ["{'a': 1}", 1, /double-quoted property name, found '''/],
      ['{"a": 1 "b": 2}', 8, /expected ',' or '}', found '"'/],
      ['{"a": "x\ny"}', 8, /character U\+000A inside a string/],
      ['{"a": "\\q"}', 7, /invalid escape \\q/],
      ["[1] x", 4, /unexpected 'x' after the JSON value/],
      ["\uFEFF{}", 0, /U\+FEFF/],
      ["[01]", 2, /expected ',' or '\]'/],
    ];
    for (const [text, offset, reason] of cases) {
      const problem = findJsonSyntaxError(text);
      expect({ text, offset: problem?.offset }).toEqual({ text, offset });
      expect(problem?.reason).toMatch(reason);
    }
  });

  it("a premature end is blamed on the end of the text, with what was expected", () => {
    expect(findJsonSyntaxError('{"a":')).toEqual({ offset: 5, reason: "unexpected end of file; expected a value" });
    expect(findJsonSyntaxError('{\n  "dirs": [\n')).toEqual({ offset: 14, reason: "unexpected end of file; expected a value" });
    expect(findJsonSyntaxError('{"a": "b')?.reason).toMatch(/closing '"' of a string/);
    expect(findJsonSyntaxError("nul")?.offset).toBe(3);
    expect(findJsonSyntaxError("")?.reason).toBe("unexpected end of file; expected a value");
  });

  it("survives nesting deeper than any call stack", () => {
    expect(findJsonSyntaxError("[".repeat(200_000))?.offset).toBe(200_000);
  });

  it("agrees with JSON.parse on arbitrary text", () => {
    const jsonish = fc.oneof(
      fc.json(),
      fc.string({ unit: fc.constantFrom(..."{}[],:\"'\\ \n0123456789.-eEtruefalsn"), maxLength: 40 }),
      fc.tuple(fc.json(), fc.nat(), fc.string({ maxLength: 3 })).map(([json, at, insert]) => json.slice(0, at % (json.length + 1)) + insert + json.slice(at % (json.length + 1))),
    );
    fc.assert(
      fc.property(jsonish, (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const problem = findJsonSyntaxError(text);
        expect(problem === undefined).toBe(valid);
        if (problem) expect(problem.offset).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 2000 },
    );
  });
});
