import { describe, expect, it } from "@jest/globals";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { formatVocabularyMarkdown, VOCABULARY_DOC_END, VOCABULARY_DOC_START } from "../../src/scan/vocabulary-doc.js";

const DOC = fileURLToPath(new URL("../../docs/readme/context.md", import.meta.url));

// Regenerate with: UPDATE_DOCS=1 node --experimental-vm-modules node_modules/jest/bin/jest.js test/scan/vocabulary-doc.test.ts
describe("docs/readme/context.md vocabulary", () => {
  it("matches src/scan/vocabulary.ts", () => {
    const text = readFileSync(DOC, "utf8");
    const start = text.indexOf(VOCABULARY_DOC_START);
    const end = text.indexOf(VOCABULARY_DOC_END);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    const current = text.slice(start, end + VOCABULARY_DOC_END.length);
    const expected = formatVocabularyMarkdown();
    if (process.env.UPDATE_DOCS === "1" && current !== expected) writeFileSync(DOC, text.replace(current, expected));
    else expect(current).toBe(expected);
  });
});
