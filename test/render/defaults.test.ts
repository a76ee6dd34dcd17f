import { afterAll, describe, expect, it } from "@jest/globals";
import { isIsoDate, resolveAdrDate, resolveDecisionMakers, splitNames } from "../../src/render/defaults.js";
import { cleanupTempDirs, git, makeGitRepo, makeTempDir } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

describe("resolveAdrDate", () => {
  it("uses ADRGEN_DATE when it is a real date", () => {
    expect(resolveAdrDate({ ADRGEN_DATE: "2024-02-29" })).toBe("2024-02-29");
  });

  it.each(["2024-14-02", "2023-02-29", "15.01.2026", "2026-1-5", "yesterday"])("rejects ADRGEN_DATE=%s with a usage error", (value) => {
    expect(() => resolveAdrDate({ ADRGEN_DATE: value })).toThrow(/ADRGEN_DATE=.* is not a valid date/);
  });

  it("uses the local date otherwise", () => {
    expect(resolveAdrDate({}, new Date(2026, 0, 5, 23, 59))).toBe("2026-01-05");
    expect(resolveAdrDate({ ADRGEN_DATE: "" }, new Date(2025, 11, 31, 0, 1))).toBe("2025-12-31");
  });

  it("isIsoDate knows the calendar", () => {
    expect(isIsoDate("2026-01-31")).toBe(true);
    expect(isIsoDate("2026-04-31")).toBe(false);
    expect(isIsoDate("2026-01-15T00:00")).toBe(false);
  });
});

describe("resolveDecisionMakers", () => {
  const noGitEnv = { PATH: process.env.PATH, HOME: makeTempDir(), GIT_CONFIG_NOSYSTEM: "1" };

  it("prefers ADRGEN_DECISION_MAKERS, then config, then git user.name", async () => {
    const repo = makeGitRepo();
    const env = { ...noGitEnv };
    expect(await resolveDecisionMakers({ config: { decisionMakers: ["Cfg"] }, env: { ...env, ADRGEN_DECISION_MAKERS: "A, B ,," }, root: repo })).toEqual(["A", "B"]);
    expect(await resolveDecisionMakers({ config: { decisionMakers: ["Cfg"] }, env, root: repo })).toEqual(["Cfg"]);
    expect(await resolveDecisionMakers({ config: {}, env, root: repo })).toEqual(["Test User"]);
    git(repo, "config", "user.name", "Renamed Person");
    expect(await resolveDecisionMakers({ config: {}, env, root: repo })).toEqual(["Renamed Person"]);
  });

  it("is empty without git user.name or outside a repository", async () => {
    expect(await resolveDecisionMakers({ config: {}, env: noGitEnv, root: makeTempDir() })).toEqual([]);
  });

  it("is empty when git is not installed", async () => {
    expect(await resolveDecisionMakers({ config: {}, env: { ...noGitEnv, PATH: "/nonexistent" }, root: makeGitRepo() })).toEqual([]);
  });

  it("splitNames drops blanks", () => {
    expect(splitNames(" a ,, b,")).toEqual(["a", "b"]);
    expect(splitNames("")).toEqual([]);
  });
});
