import { afterAll, describe, expect, it } from "@jest/globals";
import { runAdrgen } from "../helpers/run.js";
import { cleanupTempDirs, makeGitRepo } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

interface JsonReport {
  files: number;
  errors: number;
  warnings: number;
  findings: Array<{ file: string; line: number | null; rule: string; severity: string; message: string }>;
}

// The contract: what `init` and `new --blank` write is lint-clean; only unfilled placeholders warn.
describe.each(["madr4", "madr4-minimal", "nygard"])("ADRs written by init + new --blank --template %s", (template) => {
  it("have no lint errors, and only placeholder warnings in the blank ADR", async () => {
    const dir = makeGitRepo({ "README.md": "# project\n" });
    expect((await runAdrgen(["init"], { cwd: dir })).code).toBe(0);
    const created = await runAdrgen(["new", "Choose a message queue", "--blank", "--template", template], { cwd: dir });
    expect(created.code).toBe(0);

    const lint = await runAdrgen(["lint", "--json"], { cwd: dir });
    const report = JSON.parse(lint.stdout) as JsonReport;
    expect(report.files).toBe(2);
    expect(report.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(report.findings.filter((f) => !f.file.includes("0002-choose-a-message-queue.md"))).toEqual([]);
    expect(new Set(report.findings.map((f) => f.rule))).toEqual(new Set(["placeholder"]));
    expect(lint.code).toBe(0);
    // The placeholders are real warnings: --strict fails on them.
    expect((await runAdrgen(["lint", "--strict"], { cwd: dir })).code).toBe(1);
  });
});
