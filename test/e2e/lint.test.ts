// `adrgen lint` through the built CLI: real process exit codes and clean stdout.
import { afterAll, describe, expect, it } from "@jest/globals";
import { spawnAdrgen } from "../helpers/spawn.js";
import { cleanupTempDirs, makeGitRepo } from "../helpers/tmp.js";
import { CLEAN_MADR, CLEAN_NYGARD, INVALID_DATE } from "../commands/lint-fixtures.js";

afterAll(cleanupTempDirs);

describe("adrgen lint (built CLI)", () => {
  it("exits 0 on clean ADRs, 1 on errors, 2 on a missing path; findings on stdout, summary on stderr", () => {
    const repo = makeGitRepo({ "docs/adr/0001-use-postgresql-for-orders.md": CLEAN_MADR, "docs/adr/0002-record-with-nygard.md": CLEAN_NYGARD });
    expect(spawnAdrgen(["lint"], { cwd: repo })).toEqual({ code: 0, stdout: "", stderr: "0 errors, 0 warnings in 2 files\n" });

    const broken = makeGitRepo({ "docs/adr/0001-use-postgresql-for-orders.md": CLEAN_MADR, "docs/adr/0002-record-with-nygard.md": INVALID_DATE.replace("# 4.", "# 2.") });
    const result = spawnAdrgen(["lint"], { cwd: broken });
    expect(result).toEqual({
      code: 1,
      stdout: 'docs/adr/0002-record-with-nygard.md:3 error date-valid invalid date "2024-14-02" (expected YYYY-MM-DD)\n',
      stderr: "1 error, 0 warnings in 2 files\n",
    });
    const json = spawnAdrgen(["lint", "--json", "--quiet"], { cwd: broken });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ files: 2, errors: 1, warnings: 0 });
    expect(json.stderr).toBe("");

    const missing = spawnAdrgen(["lint", "nope.md"], { cwd: repo });
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe("");
  });
});
