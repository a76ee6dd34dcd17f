import { afterAll, describe, expect, it } from "@jest/globals";
import { runAdrgen } from "../helpers/run.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";
import { BINARY, CLEAN_MADR, CLEAN_NYGARD, CORRUPT_YAML, INVALID_DATE, MISSING_H1, UNKNOWN_STATUS, WRONG_CHOICE } from "./lint-fixtures.js";

afterAll(cleanupTempDirs);

const clean = { "docs/adr/0001-use-postgresql-for-orders.md": CLEAN_MADR, "docs/adr/0002-record-with-nygard.md": CLEAN_NYGARD };

interface JsonReport {
  files: number;
  errors: number;
  warnings: number;
  findings: Array<{ file: string; line: number | null; rule: string; severity: string; message: string }>;
}

describe("adrgen lint", () => {
  it("exits 0 with only a summary for clean ADRs", async () => {
    const result = await runAdrgen(["lint"], { cwd: makeTempDir(clean) });
    expect(result.stdout).toBe("");
    expect(result.stderr.trim()).toBe("0 errors, 0 warnings in 2 files");
    expect(result.code).toBe(0);
  });

  it("prints file:line severity rule message relative to the cwd and exits 1 on errors", async () => {
    const dir = makeTempDir({ ...clean, "docs/adr/0003-wrong-choice.md": WRONG_CHOICE, ".adr-dir": "docs/adr" });
    const result = await runAdrgen(["lint"], { cwd: dir });
    expect(result.stdout).toBe(
      'docs/adr/0003-wrong-choice.md:19 error chosen-option chosen option "CockroachDB" is not one of the considered options: "PostgreSQL", "MongoDB"\n',
    );
    expect(result.stderr.trim()).toBe("1 error, 0 warnings in 3 files");
    expect(result.code).toBe(1);
    // From inside the ADR directory (the root is found by its .adr-dir), paths are relative to there.
    const fromAdrDir = await runAdrgen(["lint", "--cwd", "docs/adr"], { cwd: dir });
    expect(fromAdrDir.stdout).toMatch(/^0003-wrong-choice\.md:19 error chosen-option /);
    const onePath = await runAdrgen(["lint", "--cwd", "docs/adr", "0003-wrong-choice.md"], { cwd: dir });
    expect(onePath.stdout).toBe(fromAdrDir.stdout);
  });

  it("prints `file` alone for a finding without a line; warnings alone exit 0", async () => {
    const result = await runAdrgen(["lint"], { cwd: makeTempDir({ ...clean, "docs/adr/0003-Bad_Name.md": CLEAN_NYGARD.replace("# 2.", "# 3.") }) });
    expect(result.stdout).toBe('docs/adr/0003-Bad_Name.md warning file-name file name "0003-Bad_Name.md" does not follow NNNN-kebab-slug.md\n');
    expect(result.stderr.trim()).toBe("0 errors, 1 warning in 3 files");
    expect(result.code).toBe(0);
  });

  it("colours the severity when colour is on", async () => {
    const dir = makeTempDir({ ...clean, "docs/adr/0003-wrong-choice.md": WRONG_CHOICE, "docs/adr/0004-Bad_Name.md": CLEAN_NYGARD.replace("# 2.", "# 4.") });
    const coloured = await runAdrgen(["lint"], { cwd: dir, env: { FORCE_COLOR: "1" } });
    expect(coloured.stdout).toContain("docs/adr/0003-wrong-choice.md:19 \u001b[31merror\u001b[39m ");
    expect(coloured.stdout).toContain("docs/adr/0004-Bad_Name.md \u001b[33mwarning\u001b[39m ");
    const plain = await runAdrgen(["lint"], { cwd: dir });
    expect(plain.stdout).not.toContain("\u001b[");
  });

  it("--strict makes warnings fail", async () => {
    const dir = makeTempDir({ ...clean, "docs/adr/0003-Bad_Name.md": CLEAN_NYGARD.replace("# 2.", "# 3.") });
    expect((await runAdrgen(["lint", "--strict"], { cwd: dir })).code).toBe(1);
    expect((await runAdrgen(["lint", "--strict"], { cwd: makeTempDir(clean) })).code).toBe(0);
  });

  it("--json prints counts and findings on stdout", async () => {
    const dir = makeTempDir({ ...clean, "docs/adr/0003-wrong-choice.md": WRONG_CHOICE, "docs/adr/0004-invalid-date.md": INVALID_DATE });
    const result = await runAdrgen(["lint", "--json"], { cwd: dir });
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report).toEqual({
      files: 4,
      errors: 2,
      warnings: 0,
      findings: [
        { file: "docs/adr/0003-wrong-choice.md", line: 19, rule: "chosen-option", severity: "error", message: expect.stringContaining("CockroachDB") },
        { file: "docs/adr/0004-invalid-date.md", line: 3, rule: "date-valid", severity: "error", message: 'invalid date "2024-14-02" (expected YYYY-MM-DD)' },
      ],
    });
    expect(result.code).toBe(1);
  });

  it("applies lint.rules severity overrides from the config", async () => {
    const files = { ...clean, "docs/adr/0003-Bad_Name.md": CLEAN_NYGARD.replace("# 2.", "# 3."), "docs/adr/0004-invalid-date.md": INVALID_DATE };
    const config = { lint: { rules: { "file-name": "error", "date-valid": "off" } } };
    const result = await runAdrgen(["lint", "--json"], { cwd: makeTempDir({ ...files, ".adrgenrc.json": JSON.stringify(config) }) });
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.findings.map((f) => [f.rule, f.severity])).toEqual([["file-name", "error"]]);
    expect(result.code).toBe(1);
  });

  it("warns on stderr about a configured rule that does not exist", async () => {
    const result = await runAdrgen(["lint"], { cwd: makeTempDir({ ...clean, ".adrgenrc.json": JSON.stringify({ lint: { rules: { "no-such-rule": "off" } } }) }) });
    expect(result.stderr).toMatch(/unknown rule "no-such-rule"/);
    expect(result.code).toBe(0);
  });

  it("lints only the given files and directories, but judges duplicates against the whole directory", async () => {
    const dir = makeTempDir({ ...clean, "docs/adr/0002-duplicate.md": CLEAN_NYGARD.replace("Record with Nygard", "Duplicate"), "other/0001-Bad_Name.md": CLEAN_NYGARD });
    const one = await runAdrgen(["lint", "--json", "docs/adr/0002-duplicate.md"], { cwd: dir });
    const report = JSON.parse(one.stdout) as JsonReport;
    expect(report.files).toBe(1);
    expect(report.findings).toEqual([
      { file: "docs/adr/0002-duplicate.md", line: 1, rule: "duplicate-number", severity: "error", message: "ADR number 2 is used by 2 files: 0002-duplicate.md, 0002-record-with-nygard.md" },
    ]);
    const other = JSON.parse((await runAdrgen(["lint", "--json", "other"], { cwd: dir })).stdout) as JsonReport;
    expect(other.files).toBe(1);
    expect(other.findings.map((f) => [f.file, f.rule])).toEqual([["other/0001-Bad_Name.md", "file-name"]]);
  });

  it("exits 2 for a path that does not exist", async () => {
    const result = await runAdrgen(["lint", "docs/adr/9999-nope.md"], { cwd: makeTempDir(clean) });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/9999-nope\.md does not exist/);
    expect(result.stdout).toBe("");
  });

  it("reports every kind of bad input with file:line and does not crash", async () => {
    const dir = makeTempDir({
      ...clean,
      "docs/adr/0003-corrupt-yaml.md": CORRUPT_YAML,
      "docs/adr/0004-invalid-date.md": INVALID_DATE,
      "docs/adr/0005-missing-h1.md": MISSING_H1,
      "docs/adr/0006-unknown-status.md": UNKNOWN_STATUS,
      "docs/adr/0007-binary.md": BINARY,
      "docs/adr/0006-same-number.md": CLEAN_NYGARD.replace("# 2. Record with Nygard", "# 6. Same number"),
    });
    const result = await runAdrgen(["lint"], { cwd: dir });
    const lines = result.stdout.trim().split("\n");
    const has = (pattern: RegExp) => expect(lines.filter((line) => pattern.test(line))).not.toHaveLength(0);
    has(/^docs\/adr\/0003-corrupt-yaml\.md:\d+ error front-matter-invalid /);
    has(/^docs\/adr\/0004-invalid-date\.md:3 error date-valid invalid date "2024-14-02"/);
    has(/^docs\/adr\/0005-missing-h1\.md:1 error title-h1 /);
    has(/^docs\/adr\/0006-unknown-status\.md:7 warning status-known unknown status "on hold"/);
    has(/^docs\/adr\/0007-binary\.md(:\d+)? error \S+ .*binary/i);
    has(/^docs\/adr\/0006-same-number\.md:1 error duplicate-number ADR number 6 is used by 2 files: 0006-same-number\.md, 0006-unknown-status\.md/);
    has(/^docs\/adr\/0006-unknown-status\.md:1 error duplicate-number /);
    expect(result.stderr).toMatch(/^\d+ errors, \d+ warnings? in 8 files$/m);
    expect(result.code).toBe(1);
  });
});
