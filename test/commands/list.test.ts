import { afterAll, describe, expect, it } from "@jest/globals";
import { runAdrgen } from "../helpers/run.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

const MADR4 = `---\nstatus: accepted\ndate: 2024-02-03\ntags: [db]\n---\n\n# Use PostgreSQL\n\n## Context and Problem Statement\n\nx\n`;
const NYGARD = `# 2. Use shell scripts\n\nDate: 2016-02-12\n\n## Status\n\nSuperseded by [3. Use Go](0003-use-go.md)\n\n## Context\n\nx\n`;
const PROPOSED = `# 3. Use Go\n\nDate: 2016-13-40\n\n## Status\n\nProposed\n\nSupersedes [2. Use shell scripts](0002-use-shell-scripts.md)\n`;

function repo(extra: Record<string, string | Buffer> = {}) {
  return makeTempDir({
    ".git/HEAD": "ref: refs/heads/main\n",
    "docs/adr/0001-use-postgresql.md": MADR4,
    "docs/adr/0002-use-shell-scripts.md": NYGARD,
    "docs/adr/0003-use-go.md": PROPOSED,
    "docs/adr/README.md": "# Decisions\n",
    ...extra,
  });
}

describe("adrgen list", () => {
  it("prints a table of number, title, status and date (and tags, as one ADR has some)", async () => {
    const result = await runAdrgen(["list"], { cwd: repo() });
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^#\s+TITLE\s+STATUS\s+DATE\s+TAGS$/);
    expect(lines.slice(1).map((l) => l.split(/\s{2,}/))).toEqual([
      ["0001", "Use PostgreSQL", "accepted", "2024-02-03", "db"],
      ["0002", "Use shell scripts", "superseded", "2016-02-12", "-"],
      ["0003", "Use Go", "proposed", "2016-13-40 (invalid)", "-"],
    ]);
    expect(result.stderr).toBe("");
  });

  it("prints JSON with the documented keys", async () => {
    const result = await runAdrgen(["list", "--json"], { cwd: repo() });
    expect(result.code).toBe(0);
    const adrs = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(adrs).toHaveLength(3);
    expect(Object.keys(adrs[0]!)).toEqual(["number", "title", "status", "date", "path", "format", "supersedes", "supersededBy", "links", "tags", "dir"]);
    expect(adrs[0]).toMatchObject({ number: 1, title: "Use PostgreSQL", status: "accepted", date: "2024-02-03", path: "docs/adr/0001-use-postgresql.md", format: "madr4", tags: ["db"], dir: "docs/adr" });
    expect(adrs[1]).toMatchObject({ status: "superseded", supersededBy: [{ number: 3, target: "0003-use-go.md" }], format: "nygard" });
    expect(adrs[2]).toMatchObject({ date: null, dateRaw: "2016-13-40", supersedes: [{ number: 2, target: "0002-use-shell-scripts.md" }] });
  });

  it("filters by status, case-insensitively", async () => {
    const result = await runAdrgen(["list", "--status", "Proposed", "--json"], { cwd: repo() });
    expect((JSON.parse(result.stdout) as Array<{ number: number }>).map((a) => a.number)).toEqual([3]);
    const none = await runAdrgen(["list", "--status", "rejected"], { cwd: repo() });
    expect(none).toMatchObject({ code: 0, stdout: "" });
    expect(none.stderr).toMatch(/No ADRs with status "rejected"/);
  });

  it("says how to start when there are no ADRs, and exits 0", async () => {
    const result = await runAdrgen(["list"], { cwd: makeTempDir({ ".git/HEAD": "x" }) });
    expect(result).toMatchObject({ code: 0, stdout: "" });
    expect(result.stderr).toMatch(/No ADRs in docs\/adr.*adrgen init/);
    const json = await runAdrgen(["list", "--json"], { cwd: makeTempDir({ ".git/HEAD": "x" }) });
    expect(JSON.parse(json.stdout)).toEqual([]);
  });

  it("still lists bad files, warning about the unreadable ones", async () => {
    const cwd = repo({
      "docs/adr/0004-image.md": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]),
      "docs/adr/0005-broken-yaml.md": "---\nstatus: [accepted\n---\n# Broken front matter\n",
      "docs/adr/0006-no-title.md": "Just text.\n",
    });
    const result = await runAdrgen(["list", "--json"], { cwd });
    expect(result.code).toBe(0);
    const adrs = JSON.parse(result.stdout) as Array<{ number: number; title: string | null; status: string | null }>;
    expect(adrs.slice(3)).toEqual([
      expect.objectContaining({ number: 4, title: null, status: null }),
      expect.objectContaining({ number: 5, title: "Broken front matter", status: null }),
      expect.objectContaining({ number: 6, title: null }),
    ]);
    expect(result.stderr).toMatch(/docs\/adr\/0004-image\.md .*binary/);
    expect(result.stderr).toMatch(/docs\/adr\/0005-broken-yaml\.md:2 Invalid front matter/);
  });

  it("adds a DIR column when there are several ADR dirs", async () => {
    const cwd = makeTempDir({
      ".adrgenrc.json": JSON.stringify({ dirs: [{ path: "a/adr", label: "alpha" }, "b/adr"] }),
      "a/adr/0001-x.md": MADR4,
      "b/adr/0001-y.md": NYGARD,
    });
    const result = await runAdrgen(["list"], { cwd });
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/DATE\s+TAGS\s+DIR$/);
    expect(lines[1]).toMatch(/alpha$/);
    expect(lines[2]).toMatch(/b\/adr$/);
  });

  it("colours statuses only when colour is on", async () => {
    const plain = await runAdrgen(["list"], { cwd: repo() });
    expect(plain.stdout).not.toContain("\u001b[");
    const coloured = await runAdrgen(["list"], { cwd: repo(), env: { NO_COLOR: "", FORCE_COLOR: "1" } });
    expect(coloured.stdout).toContain("\u001b[32maccepted");
  });
});
