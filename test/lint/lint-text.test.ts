import { describe, expect, it } from "@jest/globals";
import path from "node:path";
import { lintAdrText } from "../../src/lint/lint-text.js";
import { ADR_DIR, makeRecord } from "./record.js";

const file = { path: path.join(ADR_DIR, "0002-use-kafka.md"), relPath: "docs/adr/0002-use-kafka.md", dirLabel: "docs/adr" };
const text = "# 2. Use Kafka\n\nDate: 2024-02-15\n\n## Status\n\nAccepted\n\n## Context\n\nx\n\n## Decision\n\ny\n\n## Consequences\n\nSee [1. Use Redis](0001-use-redis.md).\n";

describe("lintAdrText", () => {
  it("lints an ADR that is not on disk against the ADRs that are", () => {
    expect(lintAdrText(text, file, { others: [makeRecord({ file: "0001-use-redis.md" })] })).toEqual([]);
  });

  it("reports what is wrong with it", () => {
    expect(lintAdrText(text.replace("Accepted", "Maybe"), file).map((d) => `${d.line} ${d.rule}`)).toEqual(["7 status-known", "19 link-target"]);
  });
});
