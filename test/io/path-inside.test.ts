import { describe, expect, it } from "@jest/globals";
import path from "node:path";
import { isInside } from "../../src/io/path-inside.js";

describe("isInside", () => {
  const base = path.resolve("/srv/site");
  it("holds for the folder itself and anything below it", () => {
    expect(isInside(base, base)).toBe(true);
    expect(isInside(base, path.join(base, "a/b.html"))).toBe(true);
  });
  it("holds for a child whose name starts with two dots", () => {
    expect(isInside(base, path.join(base, "..foo"))).toBe(true);
    expect(isInside(base, path.join(base, "..."))).toBe(true);
  });
  it("fails for the parent, a sibling, a prefix-sharing sibling and a path that climbs out", () => {
    expect(isInside(base, path.dirname(base))).toBe(false);
    expect(isInside(base, path.resolve("/srv/other"))).toBe(false);
    expect(isInside(base, path.resolve("/srv/site-old"))).toBe(false);
    expect(isInside(base, path.join(base, "../x"))).toBe(false);
  });
  it("resolves relative paths against the process's directory", () => {
    expect(isInside(".", "sub/file")).toBe(true);
    expect(isInside("sub", ".")).toBe(false);
  });
});
