import { afterAll, describe, expect, it } from "@jest/globals";
import { spawnAdrgen } from "../helpers/spawn.js";
import { cleanupTempDirs, makeGitRepo } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

describe("built CLI with a YAML config", () => {
  it("reads .adrgenrc.yaml (a CommonJS package inside the ESM bundle)", () => {
    const repo = makeGitRepo({ ".adrgenrc.yaml": "dir: records\n", "records/0001-use-x.md": "# Use X\n\nStatus: accepted\n" });
    const result = spawnAdrgen(["list", "--json"], { cwd: repo });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([expect.objectContaining({ number: 1, title: "Use X", path: "records/0001-use-x.md" })]);
  });
});
