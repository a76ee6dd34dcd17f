import { afterAll, describe, expect, it } from "@jest/globals";
import { diffLines } from "diff";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isAdrFileName } from "../../src/store/read.js";
import { parseAdr } from "../../src/markdown/parse.js";
import { runAdrgen } from "../helpers/run.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CORPUS = path.resolve(PROJECT_ROOT, "../shared/adr-corpus");
const repos = existsSync(CORPUS) ? readdirSync(CORPUS, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name) : [];
const describeCorpus = repos.length > 0 ? describe : describe.skip;

afterAll(cleanupTempDirs);

/** Copies one corpus repository's ADR files into a fresh temp repo (outside the project). */
function copyRepo(name: string): { dir: string; files: string[] } {
  const dir = makeTempDir({ ".adr-dir": "docs/adr\n" });
  mkdirSync(path.join(dir, "docs/adr"), { recursive: true });
  const names = readdirSync(path.join(CORPUS, name)).filter((f) => f.endsWith(".md"));
  for (const file of names) copyFileSync(path.join(CORPUS, name, file), path.join(dir, "docs/adr", file));
  const adrs = names.filter(isAdrFileName).sort();
  // A spread of files per repository keeps the run short while covering each repo's styles.
  const step = Math.max(1, Math.ceil(adrs.length / 8));
  return { dir, files: adrs.filter((_, i) => i % step === 0 || i === adrs.length - 1) };
}

const STATUS_WORDS = /status|accepted|deprecated|proposed|rejected|superseded|^\s*$|^---\s*$/i;

describeCorpus("status over the real-world corpus", () => {
  it.each(repos)("%s: ADRs change status and nothing else", async (name) => {
    const { dir, files } = copyRepo(name);
    const adrDir = path.join(dir, "docs/adr");
    const snapshot = () => new Map(readdirSync(adrDir).map((f) => [f, readFileSync(path.join(adrDir, f), "utf8")]));
    for (const file of files) {
      const before = snapshot();
      const ref = { path: path.join(adrDir, file), relPath: `docs/adr/${file}`, dirLabel: "docs/adr" };
      const old = parseAdr(before.get(file)!, ref);
      const to = old.status === "accepted" ? "deprecated" : "accepted";
      const result = await runAdrgen(["status", `docs/adr/${file}`, to], { cwd: dir });
      expect({ file, code: result.code, stderr: result.stderr }).toEqual({ file, code: 0, stderr: expect.any(String) });

      const after = snapshot();
      for (const [other, text] of before) if (other !== file) expect({ other, same: after.get(other) === text }).toEqual({ other, same: true });
      const parts = diffLines(before.get(file)!, after.get(file)!);
      const removed = parts.filter((p) => p.removed).flatMap((p) => p.value.split(/\r?\n/).filter((l) => l !== ""));
      const added = parts.filter((p) => p.added).flatMap((p) => p.value.split(/\r?\n/).filter((l) => l !== ""));
      expect({ file, removed: removed.length <= 3, added: added.length <= 4 }).toEqual({ file, removed: true, added: true });
      for (const line of [...removed, ...added]) expect({ file, line, statusLine: STATUS_WORDS.test(line) }).toEqual({ file, line, statusLine: true });
      expect(added.some((l) => l.toLowerCase().includes(to))).toBe(true);

      const reread = parseAdr(after.get(file)!, ref);
      expect({ file, status: reread.status }).toEqual({ file, status: to });
      expect({ file, title: reread.title, number: reread.number, date: reread.date }).toEqual({ file, title: old.title, number: old.number, date: old.date });
    }
  });
});
