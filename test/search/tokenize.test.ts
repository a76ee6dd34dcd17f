import { describe, expect, it } from "@jest/globals";
import { foldText, processTerm, tokenize, tokenizeWithOffsets } from "../../src/search/tokenize.js";
import { markdownToPlainLines, plainLine } from "../../src/search/plain-text.js";
import { parseQuery, searchableTerms } from "../../src/search/query.js";

describe("tokenizer", () => {
  it("splits kebab-case and snake_case into words", () => {
    expect(tokenize("event-sourcing read_model v2")).toEqual(["event", "sourcing", "read", "model", "v2"]);
  });

  it("folds accents (NFD) and case, composed or decomposed", () => {
    expect(foldText("Décision ÉVÉNEMENT")).toBe("decision evenement");
    expect(tokenize("De\u0301cision")).toEqual(["decision"]);
    expect(processTerm("Ärger")).toBe("arger");
  });

  it("drops stop words in processTerm only", () => {
    expect(tokenize("Use the queue")).toEqual(["use", "the", "queue"]);
    expect(["Use", "the", "queue"].map(processTerm)).toEqual([null, null, "queue"]);
  });

  it("reports word offsets in the original text, accents included", () => {
    const text = "Cafe\u0301 and Kafka-Streams";
    const tokens = tokenizeWithOffsets(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(["Cafe\u0301", "and", "Kafka", "Streams"]);
  });
});

describe("markdown to plain lines", () => {
  it("keeps one output line per file line and blanks front matter and fences", () => {
    const md = "---\ntags: [a]\n---\n\n# 3. Use *Kafka*\n\n```yaml\nbroker: kafka\n```\n<!-- hint\nmore -->\n* Good, because [it scales](http://x)\n";
    const lines = markdownToPlainLines(md);
    expect(lines).toHaveLength(md.split("\n").length);
    expect(lines.slice(0, 4)).toEqual(["", "", "", ""]);
    expect(lines[4]).toBe("3. Use Kafka");
    expect(lines[6]).toBe("");
    expect(lines[7]).toBe("broker: kafka");
    expect(lines[8]).toBe("");
    expect(lines[9]).toBe("");
    expect(lines[10]).toBe("");
    expect(lines[11]).toBe("Good, because it scales");
  });

  it("strips tables, images, emphasis and HTML but keeps snake_case words", () => {
    expect(plainLine("| **Option** | `read_model` |")).toBe("Option read_model");
    expect(plainLine("|---|:---:|")).toBe("");
    expect(plainLine("![Status: accepted](https://img.shields.io/badge/x) <b>bold</b>")).toBe("Status: accepted bold");
    expect(plainLine("> ## Quoted _heading_ ##")).toBe("Quoted heading");
  });
});

describe("query parsing", () => {
  it("reads words, quoted phrases and exclusions", () => {
    expect(parseQuery('kafka "Event  Sourcing" -rabbitmq')).toEqual({ words: ["kafka", "event", "sourcing"], phrases: ["event sourcing"], excluded: ["rabbitmq"] });
    expect(parseQuery('"unclosed phrase').phrases).toEqual(["unclosed phrase"]);
    expect(parseQuery("event-sourcing").excluded).toEqual([]);
  });

  it("turns words into index terms without stop words", () => {
    expect(searchableTerms(["Use", "the", "Message-Broker", "message"])).toEqual(["message", "broker"]);
    expect(searchableTerms(["to", "be"])).toEqual([]);
  });
});
