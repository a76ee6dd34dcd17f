import { describe, expect, it } from "@jest/globals";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runAdrgen } from "../helpers/run.js";

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CORPUS = path.resolve(PROJECT_ROOT, "../shared/adr-corpus");
const present = existsSync(path.join(CORPUS, "MANIFEST.tsv"));
const describeCorpus = present ? describe : describe.skip;

interface Finding {
  file: string;
  line: number | null;
  rule: string;
  severity: "error" | "warning";
  message: string;
}
interface JsonReport {
  files: number;
  errors: number;
  warnings: number;
  findings: Finding[];
}

/** The corpus folder of a MANIFEST repo: `owner/name` → `owner__name`. */
function folderOf(repo: string): string {
  return repo.replace("/", "__");
}

function manifest(): Array<{ repo: string; quirks: string }> {
  const [header, ...rows] = readFileSync(path.join(CORPUS, "MANIFEST.tsv"), "utf8").trim().split("\n");
  const columns = header!.split("\t");
  return rows.map((row) => {
    const cells = row.split("\t");
    return { repo: cells[columns.indexOf("repo")]!, quirks: cells[columns.indexOf("quirks")]! };
  });
}

// Lint runs read-only, in-process, straight on the corpus folder; results are cached per folder.
const reports = new Map<string, { code: number; report: JsonReport; stderr: string }>();
async function lintCorpus(folder: string) {
  const cached = reports.get(folder);
  if (cached) return cached;
  const dir = path.join(CORPUS, folder);
  const result = await runAdrgen(["lint", "--json", "--dir", dir], { cwd: dir });
  const entry = { code: result.code, report: JSON.parse(result.stdout) as JsonReport, stderr: result.stderr };
  reports.set(folder, entry);
  return entry;
}

const ruleFindings = (report: JsonReport, rule: string) => report.findings.filter((f) => f.rule === rule);

describeCorpus("lint over the real-world corpus", () => {
  const folders = present ? manifest().map((row) => folderOf(row.repo)) : [];

  it.each(folders)("%s: lints every ADR file without crashing", async (folder) => {
    const { code, report } = await lintCorpus(folder);
    expect([0, 1]).toContain(code);
    expect(code).toBe(report.errors > 0 ? 1 : 0);
    const adrFiles = readdirSync(path.join(CORPUS, folder)).filter((name) => /\.md$/.test(name) && !/^(readme|index)\.md$/i.test(name) && !/template/i.test(name));
    expect(report.files).toBe(adrFiles.length);
    expect(report.findings.filter((f) => f.rule === "lint-internal")).toEqual([]);
    for (const finding of report.findings) {
      expect(adrFiles).toContain(finding.file);
      expect(finding.message.length).toBeGreaterThan(0);
    }
  });

  it("finds every duplicate number in Brighter, naming all files that share it, as the MANIFEST lists them", async () => {
    const { report } = await lintCorpus("BrighterCommand__Brighter");
    const quirks = manifest().find((row) => row.repo === "BrighterCommand/Brighter")!.quirks;
    // "0037 x5, 0039 x4, …, and 0040/0041/… x2"
    const expected = new Map<number, number>();
    for (const match of quirks.matchAll(/((?:\d{4}\/)*\d{4}) x(\d+)/g)) for (const n of match[1]!.split("/")) expected.set(Number(n), Number(match[2]));
    expect(expected.get(37)).toBe(5);
    expect(expected.size).toBeGreaterThanOrEqual(14);

    const duplicates = ruleFindings(report, "duplicate-number");
    expect(duplicates.every((f) => f.severity === "error")).toBe(true);
    const reported = new Map<number, Set<string>>();
    for (const finding of duplicates) {
      const number = Number(/^ADR number (\d+)/.exec(finding.message)![1]);
      reported.set(number, new Set([...(reported.get(number) ?? []), finding.file]));
      const named = finding.message.split(": ")[1]!.split(", ");
      expect(named).toContain(finding.file);
      expect(named).toHaveLength(expected.get(number)!);
    }
    expect(new Map([...reported].map(([n, files]) => [n, files.size]))).toEqual(expected);
    expect([...reported.get(37)!].sort()).toEqual(readdirSync(path.join(CORPUS, "BrighterCommand__Brighter")).filter((f) => f.startsWith("0037-")).sort());
  });

  it("warns about Brighter's underscore slug and finds its genuinely broken sibling links", async () => {
    const { report } = await lintCorpus("BrighterCommand__Brighter");
    expect(ruleFindings(report, "file-name")).toEqual([expect.objectContaining({ file: "0061-reject_mapping_errors.md", severity: "warning", line: null })]);
    // 0009 links to 0010-support-otel-standards.md, which the repository does not have.
    expect(ruleFindings(report, "link-target")).toContainEqual(expect.objectContaining({ file: "0009-expose-request-context.md", message: expect.stringContaining("0010-support-otel-standards.md") }));
  });

  it("reports madr's \"on hold\" status as a warning at its front matter line", async () => {
    const { report } = await lintCorpus("adr__madr");
    expect(ruleFindings(report, "status-known")).toEqual([
      { file: "0003-provide-own-madr-tools.md", line: 4, rule: "status-known", severity: "warning", message: expect.stringContaining('"on hold"') },
    ]);
  });

  it("finds nothing at all in adr-tools' own ADRs (clean Nygard files, Amends/Amended-by links)", async () => {
    const { code, report, stderr } = await lintCorpus("npryce__adr-tools");
    expect(report.findings).toEqual([]);
    expect(report.files).toBe(9);
    expect(code).toBe(0);
    expect(stderr).toMatch(/0 errors, 0 warnings in 9 files/);
  });

  it("resolves log4brains slug links and elastisys' superseded-by title links", async () => {
    const log4brains = (await lintCorpus("thomvaill__log4brains")).report;
    expect(log4brains.errors).toBe(0);
    const elastisys = (await lintCorpus("elastisys__compliantkubernetes")).report;
    // Links out of the ADR directory (../operator-manual/…) point at files the corpus did not copy; links between ADRs all resolve.
    const siblingLinks = ruleFindings(elastisys, "link-target").filter((f) => !/"\.{0,1}\/?\.\.\//.test(f.message));
    expect(siblingLinks).toEqual([]);
  });
});
