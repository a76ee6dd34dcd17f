import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { lintRuleTable } from "../../src/lint/rule-table.js";

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

describe("docs/readme/lint.md", () => {
  it("holds the rule table generated from the registry (regenerate it from lintRuleTable() when rules change)", () => {
    const doc = readFileSync(path.join(PROJECT_ROOT, "docs/readme/lint.md"), "utf8");
    const table = /<!-- lint-rules:start[^>]*-->\n([\s\S]*?)\n<!-- lint-rules:end -->/.exec(doc)?.[1];
    expect(table).toBe(lintRuleTable());
  });
});
