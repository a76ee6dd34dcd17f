import { describe, expect, it } from "@jest/globals";
import * as jsYaml from "js-yaml";
import { parseYamlFile } from "../../../src/scan/detectors/yaml-file.js";
import { createYamlParser } from "../../../src/scan/yaml-parser.js";

const yaml = createYamlParser(jsYaml);
const warningLine = (text: string) => {
  const parsed = parseYamlFile({ path: "x.yml", text }, yaml);
  return parsed.ok ? "parsed" : parsed.warning.line;
};

describe("parseYamlFile: the line of a syntax error", () => {
  it("counts lines as evidence does (LF and CRLF), not at a lone CR", () => {
    expect(warningLine("a: 1\nb: 2\n  c: 3\nd: 4\n")).toBe(3);
    expect(warningLine("a: 1\r\nb: 2\r\n  c: 3\r\n")).toBe(3);
    // js-yaml itself would say line 3 here: a lone CR is a line break to it, not to the text's reader.
    expect(warningLine("\r\u0001")).toBe(1);
    expect(warningLine("a: 1\rb: [")).toBe(1);
  });
});
