import { describe, expect, it } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { knowledgeDir } from "../../../src/engines/offline/knowledge/load.js";
import { parseTopicYaml } from "../../../src/engines/offline/topic-yaml.js";

const dir = knowledgeDir();
const files = [path.join(dir, "dimensions.yaml"), ...readdirSync(path.join(dir, "topics")).filter((f) => f.endsWith(".yaml")).map((f) => path.join(dir, "topics", f))];

describe("parseTopicYaml", () => {
  it("reads every knowledge-base file exactly as the yaml package does, or leaves it to that package", () => {
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      const fast = parseTopicYaml(text);
      // A contributor may use YAML beyond the subset; the loader then falls back, which is only slower.
      if (fast !== undefined) expect({ file: path.basename(file), value: fast }).toEqual({ file: path.basename(file), value: parse(text) });
    }
  });

  it("takes the fast path for the generic questions and the message-broker topic", () => {
    for (const file of [path.join(dir, "dimensions.yaml"), path.join(dir, "topics", "message-broker.yaml")]) {
      expect(parseTopicYaml(readFileSync(file, "utf8"))).toEqual(parse(readFileSync(file, "utf8")));
    }
  });

  it("reads the subset: nesting, flow collections, scalars, folded text, comments", () => {
    const text = [
      "# top comment",
      "id: toy",
      "version: 2",
      "weight: 0.5",
      "flag: true",
      "empty:",
      "quoted: \"a \\\"b\\\" c\"",
      "single: 'it''s'",
      "list: [a, \"b, c\", 3]",
      "map: { uses: [redis, valkey], answer: { scale.rps: gt-100k } }",
      "text: >-",
      "  first line",
      "  second line",
      "",
      "  new paragraph",
      "items:",
      "- id: one",
      "  tags:",
      "    - x  # trailing comment",
      "    - C# and F#",
      "- plain item",
      "nested:",
      "  deeper:",
      "    - { a: 1 }",
    ].join("\n");
    expect(parseTopicYaml(text)).toEqual(parse(text));
  });

  it("leaves what it does not support to the full parser", () => {
    for (const text of [
      "a: &anchor 1\nb: *anchor",
      "a: !!str 1",
      "a: |\n  literal",
      "a: >\n  folded keep",
      "a: plain\n  continued",
      "a: [1,\n  2]",
      "? complex\n: key",
      "a:\tb",
      "---\na: 1",
      "a: 1\na: 2",
      "a: >-\n  x\n    more indented",
      "a: 0x1F",
    ]) {
      expect({ text, value: parseTopicYaml(text) }).toEqual({ text, value: undefined });
    }
  });
});
