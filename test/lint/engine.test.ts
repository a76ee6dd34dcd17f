import { describe, expect, it } from "@jest/globals";
import { lintRecords, unknownConfiguredRules } from "../../src/lint/engine.js";
import { LINT_RULES } from "../../src/lint/registry.js";
import type { LintRule } from "../../src/lint/types.js";
import { makeContext, makeRecord } from "./record.js";

describe("lint engine", () => {
  it("registers rules with unique kebab-case ids, a severity and a one-line description", () => {
    const ids = LINT_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of LINT_RULES) {
      expect(rule.id).toMatch(/^[a-z]+(?:-[a-z0-9]+)*$/);
      expect(["error", "warning"]).toContain(rule.severity);
      expect(rule.description).not.toMatch(/\n/);
    }
  });

  it("turns rule findings into sorted diagnostics with file, rule and default severity", () => {
    const record = makeRecord({ file: "0001-Bad_Name.md", format: "other", status: "on hold", statusLine: 2 });
    const findings = lintRecords([record], makeContext([record]));
    expect(findings).toEqual([
      { file: "docs/adr/0001-Bad_Name.md", line: null, rule: "file-name", severity: "warning", message: 'file name "0001-Bad_Name.md" does not follow NNNN-kebab-slug.md' },
      { file: "docs/adr/0001-Bad_Name.md", line: 2, rule: "status-known", severity: "warning", message: expect.stringContaining('"on hold"') },
    ]);
  });

  it("applies config overrides: a new severity or off, for rules and parser diagnostics", () => {
    const record = makeRecord({
      file: "0001-Bad_Name.md",
      format: "other",
      status: "on hold",
      diagnostics: [{ file: "x", line: 1, rule: "front-matter", severity: "error", message: "bad YAML" }],
    });
    const config = { lint: { rules: { "file-name": "error", "status-known": "off", "front-matter": "warning" } as const } };
    const findings = lintRecords([record], makeContext([record], undefined, config));
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ["file-name", "error"],
      ["front-matter", "warning"],
    ]);
    expect(findings[1]?.file).toBe("docs/adr/0001-Bad_Name.md");
  });

  it("runs only file-level rules on binary content and reports a throwing rule instead of crashing", () => {
    const diagnostics = [{ file: "docs/adr/0003-x.md", line: null, rule: "file-binary", severity: "error" as const, message: "The file is binary, not markdown." }];
    const binary = makeRecord({ file: "0003-x.md", title: null, titleLine: null, status: null, text: "", diagnostics });
    const broken: LintRule = { id: "boom", severity: "error", description: "throws", check: () => { throw new Error("kaput"); } };
    expect(lintRecords([binary], makeContext([binary]))).toEqual(diagnostics);
    expect(lintRecords([binary], makeContext([binary]), [broken])).toEqual(diagnostics);
    const record = makeRecord();
    expect(lintRecords([record], makeContext([record]), [broken])).toEqual([
      { file: "docs/adr/0001-use-postgres.md", line: null, rule: "lint-internal", severity: "error", message: expect.stringContaining("kaput") },
    ]);
  });

  it("lists configured rule ids nobody defines", () => {
    expect(unknownConfiguredRules({ lint: { rules: { "file-name": "off", nope: "error", "front-matter": "off" } } }, ["front-matter"])).toEqual(["nope"]);
  });
});
