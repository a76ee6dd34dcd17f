// Search over the real-world ADR corpus (../shared/adr-corpus, read in place; skipped when absent):
// it never throws, and each ADR is found by its exact title.
import { describe, expect, it } from "@jest/globals";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { readAdrSummary } from "../../src/markdown/fast.js";
import { toSearchDocument, type SearchDocument } from "../../src/search/document.js";
import { createSearcher, searchAdrs } from "../../src/search/search.js";
import { isAdrFileName } from "../../src/store/read.js";
import { PROJECT_ROOT } from "../helpers/spawn.js";

const CORPUS = path.resolve(PROJECT_ROOT, "../shared/adr-corpus");
const present = existsSync(path.join(CORPUS, "MANIFEST.tsv"));
const describeCorpus = present ? describe : describe.skip;
const repos = present ? readdirSync(CORPUS, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name) : [];

function documents(repo: string): SearchDocument[] {
  const dir = path.join(CORPUS, repo);
  return readdirSync(dir)
    .filter(isAdrFileName)
    .sort()
    .map((name) => {
      const text = readFileSync(path.join(dir, name), "utf8");
      const file = { path: path.join(dir, name), relPath: name, dirLabel: "." };
      return toSearchDocument(readAdrSummary(text, file), text);
    });
}

describeCorpus("search over the ADR corpus", () => {
  it.each(repos)("%s: finds every ADR by its exact title, ranked first or tied with a same-titled ADR", (repo) => {
    const docs = documents(repo);
    expect(docs.length).toBeGreaterThan(0);
    const search = createSearcher(docs);
    for (const doc of docs) {
      const hits = search(doc.title);
      const found = hits.findIndex((hit) => hit.doc.id === doc.id);
      expect({ title: doc.title, found: found >= 0 }).toEqual({ title: doc.title, found: true });
      // Another ADR may outrank it only by carrying every word of this title in its own title.
      const titleWords = (d: SearchDocument) => new Set(d.title.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
      for (const better of hits.slice(0, found)) {
        const words = titleWords(better.doc);
        const missing = [...titleWords(doc)].filter((w) => !words.has(w) && w.length > 3);
        expect({ title: doc.title, outrankedBy: better.doc.title, missing: missing.length <= 1 }).toEqual({ title: doc.title, outrankedBy: better.doc.title, missing: true });
      }
      for (const match of hits[found]!.matches) expect(match.line).toBeGreaterThan(0);
    }
  });

  it.each(repos)("%s: odd queries never throw", (repo) => {
    const docs = documents(repo);
    const search = createSearcher(docs);
    expect(searchAdrs(docs, "x", { status: ["no-such-status"] })).toEqual([]);
    for (const query of ['"', '""', "-", "--", "-x", "\u0000", "é", "*", "a".repeat(500), "to be", '"unclosed phrase', "👍 emoji", "[link](x)", "status: accepted"]) {
      expect(() => search(query, { status: ["accepted"], tags: [] })).not.toThrow();
      expect(() => search(query)).not.toThrow();
    }
  });
});
