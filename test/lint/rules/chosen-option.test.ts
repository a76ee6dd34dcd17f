import { describe, expect, it } from "@jest/globals";
import { chosenOptionRule, matchesOption } from "../../../src/lint/rules/chosen-option.js";
import { makeContext, makeRecord } from "../record.js";

const text = '# Use X\n\n## Considered Options\n\n* Redis\n* Kafka\n\n## Decision Outcome\n\nChosen option: "RabbitMQ", because it is there.\n';

describe("chosen-option rule", () => {
  it("passes when the chosen option is a considered one", () => {
    const record = makeRecord({ consideredOptions: ["Redis", "Kafka"], chosenOption: "Kafka", text });
    expect(chosenOptionRule.check(record, makeContext([record]))).toEqual([]);
  });

  it("reports a chosen option that was not considered, at the Chosen option line", () => {
    const record = makeRecord({ consideredOptions: ["Redis", "Kafka"], chosenOption: "RabbitMQ", text });
    expect(chosenOptionRule.check(record, makeContext([record]))).toEqual([
      { line: 10, message: 'chosen option "RabbitMQ" is not one of the considered options: "Redis", "Kafka"' },
    ]);
  });

  it("matches shortened and decorated option titles but not mere prefixes of words", () => {
    expect(matchesOption("ADR number", ["ADR number (ie. filename prefixed number)", "ADR title"])).toBe(true);
    expect(matchesOption("MADR 2.1.2", ["[MADR](https://adr.github.io/madr/) 2.1.2 – The Markdown ADRs"])).toBe(true);
    expect(matchesOption("use `yarn`", ["Use yarn."])).toBe(true);
    expect(matchesOption("Post", ["Postgres"])).toBe(false);
  });

  it("says nothing when the file has no chosen option or no options", () => {
    for (const record of [makeRecord({ consideredOptions: ["A"] }), makeRecord({ chosenOption: "A" })]) {
      expect(chosenOptionRule.check(record, makeContext([record]))).toEqual([]);
    }
  });
});
