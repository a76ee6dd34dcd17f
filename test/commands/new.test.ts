import { afterAll, describe, expect, it } from "@jest/globals";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { runAdrgen } from "../helpers/run.js";
import { cleanupTempDirs, makeGitRepo, makeTempDir } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

const ENV = { ADRGEN_DECISION_MAKERS: "Alex Example" };

/** Every file under a directory, relative, sorted (ignores .git). */
function allFiles(root: string, rel = ""): string[] {
  return readdirSync(path.join(root, rel), { withFileTypes: true })
    .filter((e) => e.name !== ".git")
    .flatMap((e) => (e.isDirectory() ? allFiles(root, path.join(rel, e.name)) : [path.join(rel, e.name).split(path.sep).join("/")]))
    .sort();
}

const run = (repo: string, ...args: string[]) => runAdrgen(args, { cwd: repo, env: ENV });

describe("adrgen new --blank", () => {
  it("creates docs/adr and ADR 0001 when there is no ADR directory yet; stdout holds only the path", async () => {
    const repo = makeGitRepo();
    const result = await run(repo, "new", "Use PostgreSQL for persistence", "--blank");
    expect(result).toMatchObject({ code: 0, stdout: "docs/adr/0001-use-postgresql-for-persistence.md\n" });
    const text = readFileSync(path.join(repo, "docs/adr/0001-use-postgresql-for-persistence.md"), "utf8");
    expect(text).toMatch(/^---\nstatus: proposed\ndate: 2026-01-15\n/);
    expect(text).toContain("\n# Use PostgreSQL for persistence\n");
  });

  it("numbers after the highest existing ADR, with gaps and date-named files", async () => {
    const repo = makeGitRepo({ "docs/adr/0001-a.md": "# A\n", "docs/adr/0007-b.md": "# B\n", "docs/adr/20200101-dated.md": "# C\n", "docs/adr/README.md": "# ADRs\n" });
    const result = await run(repo, "new", "Next one", "--blank");
    expect(result.stdout).toBe("docs/adr/0008-next-one.md\n");
  });

  it("joins an unquoted multi-word title", async () => {
    const repo = makeTempDir();
    const result = await run(repo, "new", "Use", "Redis", "2", "--blank");
    expect(result.stdout).toBe("docs/adr/0001-use-redis-2.md\n");
    expect(readFileSync(path.join(repo, "docs/adr/0001-use-redis-2.md"), "utf8")).toContain("\n# Use Redis 2\n");
  });

  it("prints {path, number, title} with --json", async () => {
    const repo = makeTempDir();
    const result = await run(repo, "new", "Pick a cache", "--blank", "--json");
    expect(JSON.parse(result.stdout)).toEqual({ path: "docs/adr/0001-pick-a-cache.md", number: 1, title: "Pick a cache" });
  });

  it("--stdout prints the markdown and writes nothing", async () => {
    const repo = makeTempDir();
    const result = await run(repo, "new", "Pick a cache", "--blank", "--stdout", "--template", "nygard");
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith("# 1. Pick a cache\n\nDate: 2026-01-15\n")).toBe(true);
    expect(allFiles(repo)).toEqual([]);
  });

  it("--dry-run prints the path it would create and writes nothing", async () => {
    const repo = makeTempDir({ "docs/adr/0004-x.md": "# X\n" });
    const result = await run(repo, "new", "Pick a cache", "--blank", "--dry-run");
    expect(result.stdout).toBe("docs/adr/0005-pick-a-cache.md\n");
    expect(result.stderr).toMatch(/nothing was written/i);
    expect(allFiles(repo)).toEqual(["docs/adr/0004-x.md"]);
  });

  it.each([
    ["madr4", /^---\nstatus: proposed\n[\s\S]*\n## Pros and Cons of the Options\n/],
    ["madr4-minimal", /^---\nstatus: proposed\n(?![\s\S]*Pros and Cons)[\s\S]*### Consequences\n/],
    ["nygard", /^# 1\. T\n\nDate: 2026-01-15\n\n## Status\n\nProposed\n/],
  ])("renders with --template %s", async (template, shape) => {
    const repo = makeTempDir();
    await run(repo, "new", "T", "--blank", "--template", template);
    expect(readFileSync(path.join(repo, "docs/adr/0001-t.md"), "utf8")).toMatch(shape);
  });

  it("writes into --dir and into the configured directory", async () => {
    const repo = makeTempDir({ ".adrgenrc.json": '{"dir": "architecture/adr"}' });
    expect((await run(repo, "new", "A", "--blank")).stdout).toBe("architecture/adr/0001-a.md\n");
    expect((await run(repo, "new", "B", "--blank", "--dir", "other")).stdout).toBe("other/0001-b.md\n");
  });

  it("uses the template and decision-makers the config names", async () => {
    const repo = makeTempDir({ ".adrgenrc.json": JSON.stringify({ template: "nygard", decisionMakers: ["Cfg Person"] }) });
    await runAdrgen(["new", "Config template", "--blank"], { cwd: repo });
    expect(readFileSync(path.join(repo, "docs/adr/0001-config-template.md"), "utf8")).toMatch(/^# 1\. Config template\n/);
    await runAdrgen(["new", "Config people", "--blank", "--template", "madr4"], { cwd: repo });
    expect(readFileSync(path.join(repo, "docs/adr/0002-config-people.md"), "utf8")).toContain("decision-makers:\n  - Cfg Person\n");
  });

  it("uses a repository's own template (config templates) by name", async () => {
    const repo = makeTempDir({
      ".adrgenrc.json": JSON.stringify({ templates: { team: "tools/adr.hbs" } }),
      "tools/adr.hbs": "# ADR-{{numberPadded}}: {{title}}\n\n- Status: {{status}}\n- Date: {{date}}\n{{#each decisionMakers}}\n- Decider: {{this}}\n{{/each}}\n",
    });
    const result = await run(repo, "new", "Team format", "--blank", "--template", "team");
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(repo, "docs/adr/0001-team-format.md"), "utf8")).toBe(
      "# ADR-0001: Team format\n\n- Status: proposed\n- Date: 2026-01-15\n- Decider: Alex Example\n",
    );
  });

  it("writes --tag into the output of a template that has no tags placeholder", async () => {
    const repo = makeTempDir({ "custom.hbs": "---\nstatus: {{status}}\n---\n\n# {{title}}\n\n## Context and Problem Statement\n\nx\n" });
    const result = await run(repo, "new", "Custom", "--blank", "--template", "custom.hbs", "--tag", "x");
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(repo, "docs/adr/0001-custom.md"), "utf8")).toBe("---\nstatus: proposed\ntags:\n  - x\n---\n\n# Custom\n\n## Context and Problem Statement\n\nx\n");
    const plain = makeTempDir({ "plain.hbs": "Just {{title}}\n" });
    const refused = await run(plain, "new", "Plain", "--blank", "--template", "plain.hbs", "--tag", "x");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("renders no tags");
    expect(allFiles(plain)).toEqual(["plain.hbs"]);
  });

  it("takes tags from --answers and --answer, and refuses other answers and a broken answers file", async () => {
    const repo = makeTempDir({ "a.yaml": "tags: [x, Api]\n", "other.yaml": "scale.rps: 1k-10k\n", "bad.yaml": "tags: [x\n" });
    expect((await run(repo, "new", "From file", "--blank", "--answers", "a.yaml", "--answer", "tags=z", "--tag", "w")).code).toBe(0);
    expect(readFileSync(path.join(repo, "docs/adr/0001-from-file.md"), "utf8")).toMatch(/\ntags:\n  - w\n  - x\n  - api\n  - z\n/);
    for (const [file, message] of [["other.yaml", "would be ignored: scale.rps"], ["bad.yaml", "not valid YAML"]]) {
      const result = await run(repo, "new", "Refused", "--blank", "--answers", file!);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(message);
    }
    expect(existsSync(path.join(repo, "docs/adr/0002-refused.md"))).toBe(false);
  });

  it("rejects an unknown template with exit 2, listing the choices, and writes nothing", async () => {
    const repo = makeTempDir();
    const result = await run(repo, "new", "X", "--blank", "--template", "fancy");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown template "fancy"/);
    expect(result.stderr).toMatch(/madr4, madr4-minimal, nygard/);
    expect(allFiles(repo)).toEqual([]);
  });

  it("sets another status with --status", async () => {
    const repo = makeTempDir();
    await run(repo, "new", "Accepted one", "--blank", "--status", "accepted");
    expect(readFileSync(path.join(repo, "docs/adr/0001-accepted-one.md"), "utf8")).toMatch(/^---\nstatus: accepted\n/);
    expect((await run(repo, "new", "Bad", "--blank", "--status", "maybe")).code).toBe(2);
  });
});

describe("adrgen new: bad input", () => {
  it.each([[""], ["   "], ["\n\t"]])("rejects the empty title %j with exit 2", async (title) => {
    const repo = makeTempDir();
    const result = await run(repo, "new", title, "--blank");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/title is empty/);
    expect(allFiles(repo)).toEqual([]);
  });

  it("rejects a title over 500 characters with exit 2 and accepts exactly 500", async () => {
    const repo = makeTempDir();
    const tooLong = await run(repo, "new", "a ".repeat(250) + "b", "--blank");
    expect(tooLong.code).toBe(2);
    expect(tooLong.stderr).toMatch(/501 characters; the limit is 500/);
    const ok = await run(repo, "new", "x".repeat(500), "--blank");
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe(`docs/adr/0001-${"x".repeat(60)}.md\n`);
  });

  it("counts characters as readers do: 2,000 emoji are over the limit (exit 2, nothing written)", async () => {
    const repo = makeTempDir();
    const result = await run(repo, "new", "🚀".repeat(2000), "--blank");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/2000 characters; the limit is 500/);
    expect(allFiles(repo)).toEqual([]);
  });

  it("without --blank, a title no topic matches exits 2 naming the topics and --option; nothing written", async () => {
    const repo = makeTempDir();
    const result = await run(repo, "new", "Pick a colour for the logo", "--yes");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/message-broker/);
    expect(result.stderr).toMatch(/--option A --option B/);
    expect(allFiles(repo)).toEqual([]);
  });

  it("--supersedes 99 for a missing ADR exits 2 and writes nothing (not even the directory)", async () => {
    const repo = makeTempDir();
    const result = await run(repo, "new", "Replace it", "--blank", "--supersedes", "99");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/ADR 99 does not exist/);
    expect(allFiles(repo)).toEqual([]);
    expect(existsSync(path.join(repo, "docs"))).toBe(false);
  });

  it("--link to a missing ADR or in a bad form exits 2 and writes nothing", async () => {
    const repo = makeTempDir({ "docs/adr/0001-a.md": "# A\n" });
    expect((await run(repo, "new", "L", "--blank", "--link", '42:"relates to"')).code).toBe(2);
    const bad = await run(repo, "new", "L", "--blank", "--link", "one:two");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/is not N or N:"type"/);
    expect(allFiles(repo)).toEqual(["docs/adr/0001-a.md"]);
  });

  it.each([
    ["../../etc/passwd", "0001-etc-passwd.md"],
    ["..\\..\\windows\\win.ini", "0001-windows-win-ini.md"],
    ["/absolute/path", "0001-absolute-path.md"],
    ["🚀".repeat(500), "0001-untitled.md"],
    ["👩‍👩‍👧‍👦".repeat(500), "0001-untitled.md"],
    ["CON", "0001-con-adr.md"],
    ["..", "0001-untitled.md"],
  ])("keeps the file for title %j inside the ADR directory", async (title, name) => {
    const repo = makeTempDir();
    const result = await run(repo, "new", title, "--blank");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`docs/adr/${name}\n`);
    expect(allFiles(repo)).toEqual([`docs/adr/${name}`]);
  });

  it("keeps a multi-line title on one line in the H1", async () => {
    const repo = makeTempDir();
    await run(repo, "new", "First line\nsecond\u0007line", "--blank");
    expect(readFileSync(path.join(repo, "docs/adr/0001-first-line-second-line.md"), "utf8")).toContain("\n# First line second line\n");
  });

  it("rejects an invalid ADRGEN_DATE with exit 2", async () => {
    const repo = makeTempDir();
    const result = await runAdrgen(["new", "X", "--blank"], { cwd: repo, env: { ADRGEN_DATE: "2026-02-30" } });
    expect(result.code).toBe(2);
    expect(allFiles(repo)).toEqual([]);
  });
});

describe("adrgen new --supersedes / --link", () => {
  it("records supersedes in both files: the old ADR becomes superseded by the new one", async () => {
    const repo = makeTempDir();
    await run(repo, "init");
    await run(repo, "new", "Use Postgres", "--blank", "--template", "nygard");
    const result = await run(repo, "new", "Use CockroachDB", "--blank", "--supersedes", "2");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("docs/adr/0003-use-cockroachdb.md\n");
    const created = readFileSync(path.join(repo, "docs/adr/0003-use-cockroachdb.md"), "utf8");
    expect(created.match(/Supersedes \[ADR-0002\]\(0002-use-postgres\.md\)/g)).toHaveLength(1);
    const old = readFileSync(path.join(repo, "docs/adr/0002-use-postgres.md"), "utf8");
    expect(old).toContain("## Status\n\nSuperseded by [3. Use CockroachDB](0003-use-cockroachdb.md)\n");
    const list = JSON.parse((await run(repo, "list", "--json")).stdout) as Array<{ number: number; status: string }>;
    expect(list.find((a) => a.number === 2)?.status).toBe("superseded");
  });

  it("records a typed link in both files", async () => {
    const repo = makeTempDir();
    await run(repo, "init");
    const result = await run(repo, "new", "Cache sessions", "--blank", "--link", "1:relates to");
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(repo, "docs/adr/0002-cache-sessions.md"), "utf8")).toContain("* Relates to [ADR-0001](0001-record-architecture-decisions.md)");
    expect(readFileSync(path.join(repo, "docs/adr/0001-record-architecture-decisions.md"), "utf8")).toContain("* Relates to [ADR-0002](0002-cache-sessions.md)");
  });

  it("--stdout shows the relation lines without touching the other ADR", async () => {
    const repo = makeTempDir();
    await run(repo, "init");
    const before = readFileSync(path.join(repo, "docs/adr/0001-record-architecture-decisions.md"), "utf8");
    const result = await run(repo, "new", "Replace it", "--blank", "--supersedes", "1", "--stdout");
    expect(result.stdout).toContain("* Supersedes [ADR-0001](0001-record-architecture-decisions.md)");
    expect(readFileSync(path.join(repo, "docs/adr/0001-record-architecture-decisions.md"), "utf8")).toBe(before);
    expect(readdirSync(path.join(repo, "docs/adr"))).toEqual(["0001-record-architecture-decisions.md"]);
  });

  it("refreshes an index that has adrgen markers", async () => {
    const repo = makeTempDir();
    await run(repo, "init");
    expect((await run(repo, "index")).code).toBe(0);
    const result = await run(repo, "new", "Indexed decision", "--blank");
    expect(result.stdout).toBe("docs/adr/0002-indexed-decision.md\n");
    expect(readFileSync(path.join(repo, "docs/adr/README.md"), "utf8")).toContain("[Indexed decision](0002-indexed-decision.md)");
  });
});
