import { describe, expect, it } from "@jest/globals";
import { isPassiveRelation, reverseRelationType } from "../../src/domain/relation-types.js";

describe("reverseRelationType", () => {
  it.each([
    ["supersedes", "superseded by"],
    ["superseded by", "supersedes"],
    ["Amends", "amended by"],
    ["amended  by", "amends"],
    ["relates to", "relates to"],
    ["depends on", "is depended on by"],
    ["is depended on by", "depends on"],
    ["obsoletes", "obsoleted by"],
    ["obsoleted by", "obsoletes"],
    ["blocked by", "blocks"],
    ["clarifies", "clarified by"],
    ["fixes", "fixed by"],
    ["conflicts with", "conflicts with"],
    ["see also", "see also"],
  ])("%s ↔ %s", (type, reverse) => {
    expect(reverseRelationType(type)).toBe(reverse);
  });

  it("knows which side is passive", () => {
    expect(isPassiveRelation("amended by")).toBe(true);
    expect(isPassiveRelation("amends")).toBe(false);
    expect(isPassiveRelation("relates to")).toBe(false);
    expect(isPassiveRelation("is depended on by")).toBe(true);
  });
});
