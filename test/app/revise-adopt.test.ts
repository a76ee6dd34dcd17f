// Adoption over the real-world corpus: converting any ADR to the MADR 4 shape never loses a line
// of its prose. Skipped when /work/shared/adr-corpus is absent.
import { describe, expect, it } from "@jest/globals";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { convertForAdoption } from "../../src/app/revise-adopt.js";
import { parseAdr } from "../../src/markdown/parse.js";
import { joinSections } from "../../src/render/merge-sections.js";
import { PROJECT_ROOT } from "../helpers/spawn.js";

const CORPUS = path.resolve(PROJECT_ROOT, "../shared/adr-corpus");
const describeCorpus = existsSync(CORPUS) ? describe : describe.skip;

function adrFiles(): string[] {
  return readdirSync(CORPUS, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md") && !/^(readme|index)\.md$|template/i.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

// Lines adoption re-expresses rather than copies: headings, status/date/decider fields and front matter.
const STRUCTURAL = /^\s*(#|---|\+\+\+|(?:[*+-]\s+)?(?:\*\*)?(status|date|deciders|decision-makers)(?:\*\*)?\s*:)/i;

describeCorpus("convertForAdoption over the corpus", () => {
  it("keeps every prose line of every file", () => {
    const files = adrFiles();
    expect(files.length).toBeGreaterThan(50);
    const losses: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      const record = parseAdr(text, { path: file, relPath: path.relative(CORPUS, file), dirLabel: "corpus" });
      const converted = convertForAdoption(record, record.title ?? "Untitled");
      const out = joinSections(converted.preamble, converted.chunks);
      const body = text.replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n---[ \t]*\r?\n/, "");
      const status = (record.status ?? "").toLowerCase();
      for (const line of body.split(/\r?\n/)) {
        if (line.trim() === "" || STRUCTURAL.test(line) || line.trim().toLowerCase() === status) continue;
        if (!out.includes(line)) losses.push(`${path.relative(CORPUS, file)}: ${line}`);
      }
    }
    expect(losses).toEqual([]);
  });
});
