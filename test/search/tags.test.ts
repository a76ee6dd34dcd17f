import { describe, expect, it } from "@jest/globals";
import { normalizeTagArgs } from "../../src/app/tag-args.js";
import { AdrgenError } from "../../src/domain/errors.js";
import { applyTagChanges, hasAllTags, tagKey, tagProblem } from "../../src/search/tags.js";

describe("tag normalisation", () => {
  it("trims, lower-cases and turns spaces into hyphens", () => {
    expect(tagKey("  Event   Sourcing ")).toBe("event-sourcing");
    expect(normalizeTagArgs(["Security", "event sourcing,API", "security", 2024])).toEqual(["security", "event-sourcing", "api", "2024"]);
  });

  it("accepts letters of any script and a few joiners", () => {
    for (const tag of ["c++", "ci/cd", "node.js", "read_model", "sécurité", "数据库"]) expect(tagProblem(tag)).toBeNull();
  });

  it("refuses empty, over-long and YAML-unsafe tags with exit 2 and a hint", () => {
    for (const bad of ["", " , ", "a:b", "#x", "[x]", "x,", "'q'", "a&b", "-x", "x".repeat(51)]) {
      let error: unknown;
      try {
        normalizeTagArgs([bad]);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AdrgenError);
      expect((error as AdrgenError).exitCode).toBe(2);
      expect((error as AdrgenError).hint).toMatch(/--tag security/);
    }
    expect(tagProblem("x".repeat(50))).toBeNull();
  });

  it("refuses control characters with a message that names them", () => {
    for (const bad of ["a\u001b[31m", "bell\u0007", "x\u0085", "a\u0000b"]) expect(tagProblem(bad)).toBe("a tag cannot hold control characters");
  });

  it("compares tags by key and keeps order when adding and removing", () => {
    expect(hasAllTags(["DB", "Event Sourcing"], ["db", "event-sourcing"])).toBe(true);
    expect(hasAllTags(["db"], ["db", "api"])).toBe(false);
    expect(applyTagChanges(["Legacy", "db"], ["api", "DB"], ["legacy"])).toEqual(["db", "api"]);
  });
});
