import { afterAll, describe, expect, it } from "@jest/globals";
import { runAdrgen } from "../helpers/run.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

describe("lint.rules naming check's rules", () => {
  it("accepts drift, index-stale and base-number without an unknown-rule warning, but still flags typos", async () => {
    const repo = makeTempDir({
      ".adrgenrc.json": JSON.stringify({ lint: { rules: { drift: "error", "index-stale": "off", "base-number": "warning", "titel-h1": "off" } } }),
      "docs/adr/0001-use-x.md": "---\nstatus: accepted\ndate: 2026-01-15\n---\n\n# Use X\n\n## Context and Problem Statement\n\nWhy.\n\n## Considered Options\n\n* X\n* Y\n\n## Decision Outcome\n\nChosen option: \"X\", because it fits.\n\n### Consequences\n\n* Good, because simple.\n",
    });
    const result = await runAdrgen(["lint"], { cwd: repo });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/unknown rule "titel-h1"/);
    expect(result.stderr).not.toMatch(/unknown rule "(drift|index-stale|base-number)"/);
  });
});
