// Export and import over the real-world ADR corpus (../shared/adr-corpus; skipped when absent): every file
// exported with the fields the parser reads and its exact text; imported with --renumber into an empty
// repository, lint finds no parser problem the source files did not have.
import { afterAll, describe, expect, it } from "@jest/globals";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { exportDocumentSchema, type ExportDocument } from "../../src/domain/export-schema.js";
import { PARSER_RULE_IDS } from "../../src/lint/parser-rules.js";
import { parseAdr } from "../../src/markdown/parse.js";
import { isAdrFileName } from "../../src/store/read.js";
import { runAdrgen } from "../helpers/run.js";
import { PROJECT_ROOT } from "../helpers/spawn.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

const CORPUS = path.resolve(PROJECT_ROOT, "../shared/adr-corpus");
const present = existsSync(path.join(CORPUS, "MANIFEST.tsv"));
const describeCorpus = present ? describe : describe.skip;
const repos = present ? readdirSync(CORPUS).filter((d) => !d.includes(".")).sort() : [];

interface Finding {
  file: string;
  line: number | null;
  rule: string;
}

/** A throw-away repository whose config lists every corpus folder (by absolute path) as an ADR directory. */
function corpusWorkspace(): string {
  return makeTempDir({ ".git/HEAD": "x", ".adrgenrc.json": JSON.stringify({ dirs: repos.map((repo) => ({ path: path.join(CORPUS, repo), label: repo })) }) });
}

describeCorpus("export and import over the ADR corpus", () => {
  let doc: ExportDocument;
  let source: string;

  it("exports every ADR of every corpus folder with the parser's fields and its exact text", async () => {
    source = corpusWorkspace();
    const result = await runAdrgen(["export"], { cwd: source });
    expect(result.code).toBe(0);
    doc = exportDocumentSchema.parse(JSON.parse(result.stdout));
    expect(doc.repository.dirs.map((d) => d.label)).toEqual(repos);
    let expected = 0;
    for (const repo of repos) {
      const names = readdirSync(path.join(CORPUS, repo)).filter(isAdrFileName).sort();
      expected += names.length;
      const exported = doc.adrs.filter((a) => a.dirLabel === repo);
      expect(exported.map((a) => path.basename(a.path))).toEqual(names);
      for (const adr of exported) {
        const file = path.join(CORPUS, repo, path.basename(adr.path));
        const text = readFileSync(file, "utf8");
        const record = parseAdr(text, { path: file, relPath: adr.path, dirLabel: repo });
        expect(adr.markdown).toBe(text);
        expect({ name: adr.path, number: adr.number, title: adr.title, status: adr.status, date: adr.date, format: adr.format, tags: adr.tags }).toEqual({
          name: adr.path,
          number: record.number,
          title: record.title,
          status: record.status,
          date: record.date,
          format: record.format,
          tags: record.tags,
        });
        expect(adr.decisionMakers).toEqual(record.decisionMakers);
        expect(adr.sections.map((s) => s.heading)).toEqual(record.sections.map((s) => s.heading));
        expect(adr.consideredOptions).toEqual(record.consideredOptions);
        expect(adr.chosenOption).toEqual(record.chosenOption);
        expect(adr.diagnostics.map((d) => d.rule)).toEqual(record.diagnostics.map((d) => d.rule));
        expect(adr.supersedes.map((r) => r.target)).toEqual(record.supersedes.map((r) => r.target));
        expect(adr.links.map((r) => [r.type, r.target])).toEqual(record.links.map((r) => [r.type, r.target]));
      }
    }
    expect(doc.adrs).toHaveLength(expected);
    expect(expected).toBeGreaterThan(180);
    // Real references resolve: adr-tools' 0005 is amended by 0009, a file in the same folder.
    const amended = doc.adrs.find((a) => a.dirLabel === "npryce__adr-tools" && a.number === 5)!;
    expect(amended.links[0]!.path).toMatch(/npryce__adr-tools\/0009-help-scripts\.md$/);
  }, 120_000);

  it("imports all of it with --renumber into an empty repository; lint finds no new parser problem", async () => {
    const target = makeTempDir({ ".git/HEAD": "x" });
    const result = await runAdrgen(["import", "-", "--renumber", "--json"], { cwd: target, stdin: JSON.stringify(doc) });
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as { files: Array<{ from: { path: string }; to: { path: string; number: number | null } }> };
    expect(out.files).toHaveLength(doc.adrs.length);
    const numbered = out.files.filter((f) => f.to.number !== null).map((f) => f.to.number);
    expect(numbered).toEqual(numbered.map((_, i) => i + 1));
    const findings = async (cwd: string) => {
      const lint = await runAdrgen(["lint", "--json"], { cwd });
      expect([0, 1]).toContain(lint.code);
      return (JSON.parse(lint.stdout) as { findings: Finding[] }).findings;
    };
    const before = await findings(source);
    const after = await findings(target);
    const renamed = new Map(out.files.map((f) => [f.from.path, f.to.path]));
    const key = (f: Finding) => `${renamed.get(f.file) ?? f.file}:${f.line} ${f.rule}`;
    // No new parser problem (front matter, binary, unreadable) in any file.
    expect(after.filter((f) => PARSER_RULE_IDS.includes(f.rule)).map(key).sort()).toEqual(before.filter((f) => PARSER_RULE_IDS.includes(f.rule)).map(key).sort());
    // Every other finding is the one the source file had, on the same line; only the duplicate numbers are gone.
    expect(before.some((f) => f.rule === "duplicate-number")).toBe(true);
    expect(after.map(key).sort()).toEqual(before.filter((f) => f.rule !== "duplicate-number").map(key).sort());
  }, 120_000);
});
