import { describe, expect, it } from "@jest/globals";
import { withNamedExports } from "../../src/io/commonjs.js";
import { caretExcerpt, describeJsonFailure, describeYamlFailure, formatParseFailure, positionOfOffset } from "../../src/io/parse-location.js";

const yamlError = async (text: string): Promise<unknown> => {
  const yaml = withNamedExports(await import("yaml"));
  try {
    yaml.parse(text);
  } catch (error) {
    return error;
  }
  throw new Error("expected a YAML error");
};

describe("positions and excerpts", () => {
  it("maps offsets to 1-based line and column; past the end is the end", () => {
    expect(positionOfOffset("ab\ncd\n", 0)).toEqual({ line: 1, column: 1 });
    expect(positionOfOffset("ab\ncd\n", 4)).toEqual({ line: 2, column: 2 });
    expect(positionOfOffset("ab\ncd", 99)).toEqual({ line: 2, column: 3 });
  });

  it("puts a caret under the column, tabs shown as one space, long lines cut around it", () => {
    expect(caretExcerpt('{\n\t"a": x\n}', { line: 2, column: 7 })).toBe('  2 |  "a": x\n    |       ^');
    const long = `${"a".repeat(200)}X${"b".repeat(200)}`;
    const excerpt = caretExcerpt(long, { line: 1, column: 201 });
    const [code, caret] = excerpt.split("\n") as [string, string];
    expect(code.length).toBeLessThan(90);
    expect(code[caret.indexOf("^")]).toBe("X");
  });
});

describe("describeJsonFailure", () => {
  it("locates a trailing comma with line, column and caret (no position from the engine needed)", () => {
    const text = '{\n  "dirs": [\n    "a",\n  ]\n}\n';
    const failure = describeJsonFailure(text, new SyntaxError("Unexpected token ']'"));
    expect(failure).toMatchObject({ line: 4, column: 3 });
    expect(failure.reason).toMatch(/trailing comma/);
    expect(formatParseFailure(".adrgenrc.json", "not valid JSON", failure)).toBe(
      `.adrgenrc.json:4:3: not valid JSON: ${failure.reason}\n  4 |   ]\n    |   ^`,
    );
  });

  it("an end of input is blamed just after the last character, not on an empty last line", () => {
    const failure = describeJsonFailure('{\n  "dirs": [\n\n', new SyntaxError("Unexpected end of JSON input"));
    expect(failure).toMatchObject({ line: 2, column: 12 });
    expect(failure.excerpt).toBe('  2 |   "dirs": [\n    |            ^');
  });
});

describe("describeYamlFailure", () => {
  it("uses the yaml error's offset and drops its own location and quote from the reason", async () => {
    const text = "dirs:\n  - docs/adr\n  dir: [oops\n";
    const failure = describeYamlFailure(text, await yamlError(text));
    expect(failure.line).toBe(3);
    expect(failure.reason).not.toMatch(/at line|\n/);
    expect(failure.excerpt.split("\n")[0]).toBe("  3 |   dir: [oops");
  });

  it("reads js-yaml errors too (mark.position and reason)", async () => {
    const jsYaml = withNamedExports(await import("js-yaml"));
    const text = "services:\n  db: {image: postgres\n";
    let thrown: unknown;
    try {
      jsYaml.load(text);
    } catch (error) {
      thrown = error;
    }
    const failure = describeYamlFailure(text, thrown);
    expect(failure).toMatchObject({ line: 2, column: 23 });
    expect(failure.reason).toBe((thrown as { reason: string }).reason);
  });

  it("an error without a position is the end of the file", () => {
    expect(describeYamlFailure("a: 1\nb: 2\n", new Error("boom"))).toMatchObject({ line: 2, column: 5, reason: "boom" });
  });
});
