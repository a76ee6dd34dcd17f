import { describe, expect, it } from "@jest/globals";
import { matchesOption } from "../../../src/lint/option-match.js";
import { chosenOptionRule } from "../../../src/lint/rules/chosen-option.js";
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

  it("tolerates the ways real ADRs restate an option, but not a different one", () => {
    const options = ["Use \"memory\" storage", "Use CRD-based storage", "Run additional services on dedicated Nodes."];
    expect(matchesOption("use memory", options)).toBe(true);
    expect(matchesOption("Include 'Consulted' and 'Informed'", ['Include "Consulted" and "Informed"'])).toBe(true);
    expect(matchesOption("run additional service on dedicated Nodes", options)).toBe(true);
    expect(matchesOption("Rely on upstream", ["Install CRDs in the bootstrap step", "Rely on whatever mechanism is proposed by upstream Helm Charts."])).toBe(true);
    expect(matchesOption("Move ahead and replace starboard with trivy and include the CIS benchmark", ["Do nothing", "Move ahead and replace starboard with trivy"])).toBe(true);
    expect(matchesOption("use MongoDB storage", options)).toBe(false);
    expect(matchesOption("etcd", options)).toBe(false);
  });

  it("accepts references to options by number only when those options exist", () => {
    const options = ["A thing", "B thing", "C thing"];
    for (const chosen of ["2", "option 3", "1 & 3", "option 1 and option 2", "Option 2: whatever it was called", "3 - \"C thing\""]) {
      expect(matchesOption(chosen, options)).toBe(true);
    }
    expect(matchesOption("option 4", options)).toBe(false);
    expect(matchesOption("1 & 5", options)).toBe(false);
    expect(matchesOption("0", options)).toBe(false);
  });

  it("says nothing when the file has no chosen option or no options", () => {
    for (const record of [makeRecord({ consideredOptions: ["A"] }), makeRecord({ chosenOption: "A" })]) {
      expect(chosenOptionRule.check(record, makeContext([record]))).toEqual([]);
    }
  });
});
