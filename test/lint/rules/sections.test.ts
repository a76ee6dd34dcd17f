import { describe, expect, it } from "@jest/globals";
import { requiredSectionsRule } from "../../../src/lint/rules/required-sections.js";
import { sectionOrderRule } from "../../../src/lint/rules/section-order.js";
import { makeContext, makeRecord, sections } from "../record.js";

const madr4 = sections(
  ["Use Postgres", 1, 5],
  ["Context and Problem Statement", 2, 7],
  ["Decision Drivers", 2, 10],
  ["Considered Options", 2, 13],
  ["Decision Outcome", 2, 17],
  ["Consequences", 3, 20],
  ["Confirmation", 3, 23],
  ["Pros and Cons of the Options", 2, 26],
  ["More Information", 2, 30],
);

const run = (rule: typeof requiredSectionsRule, fields: Parameters<typeof makeRecord>[0]) => {
  const record = makeRecord(fields);
  return rule.check(record, makeContext([record]));
};

describe("required-sections rule", () => {
  it("passes a complete MADR 4 file and a minimal one", () => {
    expect(run(requiredSectionsRule, { sections: madr4 })).toEqual([]);
    const minimal = madr4.filter((s) => ["Context and Problem Statement", "Considered Options", "Decision Outcome", "Consequences"].includes(s.heading));
    expect(run(requiredSectionsRule, { sections: minimal })).toEqual([]);
  });

  it("reports each missing required MADR section", () => {
    const partial = madr4.filter((s) => s.heading !== "Considered Options" && s.heading !== "Consequences");
    expect(run(requiredSectionsRule, { sections: partial })).toEqual([
      { line: null, message: 'missing section "Considered Options" (MADR madr4)' },
      { line: null, message: 'missing section "Consequences" (MADR madr4)' },
    ]);
  });

  it("accepts older MADR names and does not require Consequences before MADR 3", () => {
    const madr2 = sections(["Context and Problem Statement", 2, 3], ["Considered Alternatives <!-- optional -->", 2, 5], ["Decision outcome", 2, 8]);
    expect(run(requiredSectionsRule, { sections: madr2, format: "madr2" })).toEqual([]);
    expect(run(requiredSectionsRule, { sections: madr2, format: "madr3" })).toEqual([{ line: null, message: 'missing section "Consequences" (MADR madr3)' }]);
  });

  it("requires Status, Context, Decision, Consequences in Nygard files", () => {
    const nygard = sections(["1. Use X", 1, 1], ["Status", 2, 5], ["Context", 2, 9], ["Decision", 2, 13], ["Consequences", 2, 17]);
    expect(run(requiredSectionsRule, { sections: nygard, format: "nygard", statusStyle: "section" })).toEqual([]);
    expect(run(requiredSectionsRule, { sections: nygard.slice(0, 3), format: "nygard", statusStyle: "section" })).toEqual([
      { line: null, message: 'missing section "Decision" (Nygard nygard)' },
      { line: null, message: 'missing section "Consequences" (Nygard nygard)' },
    ]);
  });

  it("lets a Nygard file state its status in front matter instead of a section, but not leave it out", () => {
    const noStatus = sections(["Context", 2, 9], ["Decision", 2, 13], ["Consequences", 2, 17]);
    expect(run(requiredSectionsRule, { sections: noStatus, format: "nygard", statusStyle: "front-matter" })).toEqual([]);
    expect(run(requiredSectionsRule, { sections: noStatus, format: "nygard", status: null, statusStyle: "none" })).toEqual([
      { line: null, message: 'missing section "Status" (Nygard nygard)' },
    ]);
  });

  it("leaves log4brains and other files alone", () => {
    expect(run(requiredSectionsRule, { sections: [], format: "log4brains" })).toEqual([]);
    expect(run(requiredSectionsRule, { sections: [], format: "other" })).toEqual([]);
  });
});

describe("section-order rule", () => {
  it("passes sections in MADR order", () => {
    expect(run(sectionOrderRule, { sections: madr4 })).toEqual([]);
  });

  it("warns about a section that comes too early", () => {
    const swapped = sections(["Context and Problem Statement", 2, 7], ["Decision Outcome", 2, 10], ["Consequences", 3, 12], ["Considered Options", 2, 15]);
    expect(run(sectionOrderRule, { sections: swapped })).toEqual([
      { line: 10, message: 'section "Decision Outcome" should come after "Considered Options"' },
      { line: 12, message: 'section "Consequences" should come after "Considered Options"' },
    ]);
  });

  it("does not check MADR 1, whose template put pros and cons first", () => {
    const madr1 = sections(["Context and Problem Statement", 2, 3], ["Considered Alternatives", 2, 5], ["Pros and Cons of the Alternatives", 2, 8], ["Decision Outcome", 2, 12]);
    expect(run(sectionOrderRule, { sections: madr1, format: "madr1" })).toEqual([]);
    expect(run(sectionOrderRule, { sections: madr1, format: "madr2" })).toHaveLength(1);
  });
});
