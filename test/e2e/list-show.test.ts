// The built CLI end to end for the read commands: list and show, including front matter only the yaml
// package can read (loaded on demand inside the bundle).
import { afterAll, describe, expect, it } from "@jest/globals";
import { existsSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT, spawnAdrgen } from "../helpers/spawn.js";
import { cleanupTempDirs, makeGitRepo } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

const CORPUS = path.resolve(PROJECT_ROOT, "../shared/adr-corpus");

describe("adrgen list and show (built CLI)", () => {
  it("lists and shows ADRs, reading complex YAML front matter and reporting broken YAML", () => {
    const repo = makeGitRepo({
      "docs/adr/0001-folded.md": "---\nstatus: Accepted\nsummary: >-\n  folded\n  text\ndate: 2024-01-02\n---\n# Folded summary\n",
      "docs/adr/0002-broken.md": "---\nstatus: [oops\n---\n# Broken\n",
    });
    const list = spawnAdrgen(["list", "--json"], { cwd: repo });
    expect(list.code).toBe(0);
    const adrs = JSON.parse(list.stdout) as Array<Record<string, unknown>>;
    expect(adrs.map((a) => [a.number, a.title, a.status, a.date])).toEqual([
      [1, "Folded summary", "accepted", "2024-01-02"],
      [2, "Broken", null, null],
    ]);
    expect(list.stderr).toMatch(/docs\/adr\/0002-broken\.md:2 Invalid front matter/);

    const show = spawnAdrgen(["show", "1", "--json"], { cwd: repo });
    expect(show.code).toBe(0);
    expect(JSON.parse(show.stdout).frontMatter).toEqual({ status: "Accepted", summary: "folded text", date: "2024-01-02" });

    const missing = spawnAdrgen(["show", "99"], { cwd: repo });
    expect(missing).toMatchObject({ code: 2, stdout: "" });
    expect(missing.stderr).toMatch(/No ADR numbered 99 in docs\/adr/);
  });

  (existsSync(CORPUS) ? it : it.skip)("lists the adr-tools corpus like the in-process reader", () => {
    const result = spawnAdrgen(["list", "--dir", path.join(CORPUS, "npryce__adr-tools")], { cwd: makeGitRepo() });
    expect(result.code).toBe(0);
    const rows = result.stdout.trimEnd().split("\n").slice(1);
    expect(rows).toHaveLength(9);
    expect(rows[0]).toMatch(/^0001\s+Record architecture decisions\s+accepted\s+2016-02-12$/);
  });
});
