import { describe, expect, it } from "@jest/globals";
import { locateValue } from "../../src/io/value-location.js";

const JSON_TEXT = '{\n  "dirs": ["docs/adr", 42],\n  "index": { "file": 3 },\n  "bogus": true\n}\n';

describe("locateValue", () => {
  it("finds values in JSON by path, array indexes included", async () => {
    expect(await locateValue(JSON_TEXT, ["dirs", 1])).toEqual({ line: 2, column: 24 });
    expect(await locateValue(JSON_TEXT, ["index", "file"])).toEqual({ line: 3, column: 22 });
  });

  it("points at the key itself for an unknown key", async () => {
    expect(await locateValue(JSON_TEXT, [], "bogus")).toEqual({ line: 4, column: 3 });
  });

  it("finds values in YAML, and stops at the deepest part that exists", async () => {
    const yaml = "dirs:\n  - docs/adr\nindex:\n  file: 3\n";
    expect(await locateValue(yaml, ["index", "file"])).toEqual({ line: 4, column: 9 });
    expect(await locateValue(yaml, ["index", "missing"])).toEqual({ line: 4, column: 3 });
  });

  it("gives nothing for a text that does not parse", async () => {
    expect(await locateValue("{ nope", ["a"])).toBeUndefined();
  });
});
