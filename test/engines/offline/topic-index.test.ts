import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import { knowledgeDir, loadTopicFile } from "../../../src/engines/offline/knowledge/load.js";
import { readListValue, readScalar, readFlowList } from "../../../src/engines/offline/simple-yaml.js";
import { readStubFromText, readTopicIndex, scanTopicText, stubOf } from "../../../src/engines/offline/topic-index.js";

describe("simple YAML readers", () => {
  it("read plain and quoted scalars, and refuse what changes type or needs the parser", () => {
    expect(readScalar(" RabbitMQ  # broker")).toBe("RabbitMQ");
    expect(readScalar(`"pub/sub \\"broker\\""`)).toBe('pub/sub "broker"');
    expect(readScalar("'it''s'")).toBe("it's");
    for (const raw of ["yes", "1.5", "null", "&a x", "*a", "a: b", "'open", ">-", "[a]", ""]) expect(readScalar(raw)).toBeUndefined();
  });
  it("read one-line flow lists and block lists", () => {
    expect(readFlowList('[queue, "a, b", \'c\']')).toEqual(["queue", "a, b", "c"]);
    expect(readFlowList("[]")).toEqual([]);
    expect(readFlowList("[a, [b]]")).toBeUndefined();
    expect(readFlowList("[a, b")).toBeUndefined();
    expect(readListValue(["  phrases:", "    - message queue", "    # note", "    - 'event bus'"])).toEqual(["message queue", "event bus"]);
    expect(readListValue(["  phrases:", "    - a", "    key: b"])).toBeUndefined();
  });
});

describe("topic index", () => {
  it("reads the same match data as a full parse, for every topic file", () => {
    const index = readTopicIndex(knowledgeDir());
    expect(index.length).toBeGreaterThan(0);
    for (const stub of index) {
      const full = stubOf(loadTopicFile(stub.file), stub.file);
      expect(readStubFromText(readFileSync(stub.file, "utf8"), stub.file)).toEqual(full);
      // When the simple readers succeed they agree with the full parse (otherwise the YAML parser is used).
      const { file: _file, ...rest } = full;
      const fast = scanTopicText(readFileSync(stub.file, "utf8")).fast;
      if (fast !== undefined) expect(fast).toEqual(rest);
    }
  });

  it("takes the fast path for the message-broker topic", () => {
    const file = path.join(knowledgeDir(), "topics", "message-broker.yaml");
    expect(scanTopicText(readFileSync(file, "utf8")).fast?.id).toBe("message-broker");
  });

  it("handles flow and block lists, item keys in any order, and nested blocks it skips", () => {
    const text = [
      "# comment",
      "id: toy",
      "version: 1",
      'title: "Toy: a topic"',
      "match:",
      "  phrases:",
      "    - toy choice",
      "  keywords: [toy]",
      "options:",
      "- name: Alpha",
      "  description: >-",
      "    id: not-a-key",
      "  id: alpha",
      "  aliases:",
      "  - a1",
      "  - a 2",
      "  fit:",
      "    - when: { uses: [x] }",
      "      reason: 'name: nope'",
      "- id: beta",
      "  name: Beta",
      "criteria: []",
    ].join("\n");
    expect(readStubFromText(text, "toy.yaml")).toEqual({
      id: "toy",
      title: "Toy: a topic",
      match: { phrases: ["toy choice"], keywords: ["toy"] },
      options: [
        { id: "alpha", name: "Alpha", aliases: ["a1", "a 2"] },
        { id: "beta", name: "Beta", aliases: [] },
      ],
      file: "toy.yaml",
    });
  });

  it("falls back to the YAML parser for shapes the simple readers do not handle", () => {
    const text = ["id: toy", "title: >-", "  Toy topic", "match:", "  phrases: [a b]", "options:", "  - id: x", "    name: X", "    aliases: [&anchor y]"].join("\n");
    expect(scanTopicText(text).fast).toBeUndefined();
    expect(readStubFromText(text, "t.yaml")).toMatchObject({ title: "Toy topic", options: [{ id: "x", name: "X", aliases: ["y"] }] });
  });

  it("returns null for layouts it cannot read, so the caller parses in full", () => {
    expect(readStubFromText("{ id: x, title: y }", "x.yaml")).toBeNull();
    expect(readStubFromText("id: x\ntitle: y\n", "x.yaml")).toBeNull();
  });
});

describe("catalogFromDisk", () => {
  it("loads the same topics and questions as the full loader", async () => {
    const { catalogFromDisk } = await import("../../../src/engines/offline/catalog.js");
    const { loadTopics, loadDimensionQuestions } = await import("../../../src/engines/offline/knowledge/load.js");
    const catalog = catalogFromDisk();
    const full = loadTopics();
    expect(catalog.stubs().map((s) => s.id)).toEqual(full.map((t) => t.id));
    for (const topic of full) expect(catalog.load(topic.id)).toEqual(topic);
    expect(catalog.generic()).toEqual(loadDimensionQuestions());
    expect(() => catalog.load("no-such-topic")).toThrow("no-such-topic");
  });
});
