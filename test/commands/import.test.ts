import { afterAll, describe, expect, it } from "@jest/globals";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runAdrgen } from "../helpers/run.js";
import { cleanupTempDirs, git, makeGitRepo, makeTempDir } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

// `body` keeps the text of the source ADR when the title is renumbered.
const nygard = (n: number, title: string, status = "Accepted", extra = "", body = n) =>
  `# ${n}. ${title}\n\nDate: 2026-01-10\n\n## Status\n\n${status}\n${extra}\n## Context\n\nText ${body}.\n\n## Decision\n\nWe will do ${body}.\n\n## Consequences\n\nFine.\n`;

/** The source repository: three ADRs, 0002 superseded by 0003 (links both ways), 0003 links to a missing 0007. */
const SOURCE: Record<string, string> = {
  "docs/adr/0001-record-decisions.md": nygard(1, "Record decisions"),
  "docs/adr/0002-use-kafka.md": nygard(2, "Use Kafka", "Superseded by [3. Use NATS](0003-use-nats.md)"),
  "docs/adr/0003-use-nats.md": nygard(3, "Use NATS", "Accepted", "\nSupersedes [2. Use Kafka](0002-use-kafka.md)\n\nRelates to [7. Gone](0007-gone.md)\n"),
};

async function exportFile(files: Record<string, string> = SOURCE): Promise<string> {
  const source = makeTempDir({ ".git/HEAD": "ref: refs/heads/main\n", ...files });
  const result = await runAdrgen(["export", "--out", "export.json"], { cwd: source });
  expect(result.code).toBe(0);
  return path.join(source, "export.json");
}

const target = (files: Record<string, string> = {}) => makeTempDir({ ".git/HEAD": "ref: refs/heads/main\n", ...files });
const adrDir = (dir: string) => path.join(dir, "docs/adr");
const names = (dir: string) => (existsSync(adrDir(dir)) ? readdirSync(adrDir(dir)).sort() : []);
const read = (dir: string, name: string) => readFileSync(path.join(adrDir(dir), name), "utf8");

describe("adrgen import", () => {
  it("into an empty repository reproduces every file byte for byte, keeping the numbers", async () => {
    const file = await exportFile();
    const dir = target();
    const result = await runAdrgen(["import", file], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split("\n")).toEqual(Object.keys(SOURCE));
    expect(result.stderr).toMatch(/imported 3 ADRs from .* into docs\/adr/);
    for (const [rel, text] of Object.entries(SOURCE)) expect(readFileSync(path.join(dir, rel), "utf8")).toBe(text);
    expect(names(dir)).toEqual(Object.keys(SOURCE).map((p) => path.basename(p)));
    // The link to an ADR the export does not hold is reported, not changed.
    expect(result.stderr).toMatch(/warning docs\/adr\/0003-use-nats\.md:\d+ relates to "0007-gone\.md", which was not imported; left as written/);
  });

  it("a number collision exits 2, lists every collision, suggests --renumber and writes nothing", async () => {
    const file = await exportFile();
    const dir = target({ "docs/adr/0001-ours.md": nygard(1, "Ours"), "docs/adr/0003-use-nats.md": nygard(3, "Use NATS") });
    const before = names(dir);
    const result = await runAdrgen(["import", file], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/adrs\[0\] docs\/adr\/0001-record-decisions\.md: number 1 is taken by 0001-ours\.md/);
    expect(result.stderr).toMatch(/adrs\[2\] docs\/adr\/0003-use-nats\.md: 0003-use-nats\.md already exists/);
    expect(result.stderr).not.toMatch(/adrs\[1\]/);
    expect(result.stderr).toMatch(/hint .*--renumber/);
    expect(names(dir)).toEqual(before);
  });

  it("ADRs of several source directories sharing a number collide with each other", async () => {
    const source = makeTempDir({
      ".adrgenrc.json": JSON.stringify({ dirs: ["a/adr", "b/adr"] }),
      "a/adr/0001-alpha.md": nygard(1, "Alpha"),
      "b/adr/0001-beta.md": nygard(1, "Beta"),
    });
    await runAdrgen(["export", "--out", "e.json"], { cwd: source });
    const dir = target();
    const clash = await runAdrgen(["import", path.join(source, "e.json")], { cwd: dir });
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/number 1 is shared by the imported adrs\[0\] a\/adr\/0001-alpha\.md, adrs\[1\] b\/adr\/0001-beta\.md/);
    expect(names(dir)).toEqual([]);
    const renumbered = await runAdrgen(["import", path.join(source, "e.json"), "--renumber"], { cwd: dir });
    expect(renumbered.code).toBe(0);
    expect(names(dir)).toEqual(["0001-alpha.md", "0002-beta.md"]);
    expect(read(dir, "0002-beta.md")).toBe(nygard(2, "Beta", "Accepted", "", 1));
  });

  it("--renumber takes the next free numbers in source order and rewrites titles and links between imported ADRs", async () => {
    const file = await exportFile();
    const dir = target({ "docs/adr/0001-ours.md": nygard(1, "Ours"), "docs/adr/0002-also-ours.md": nygard(2, "Also ours", "Accepted", "\nSee [3. NATS](0003-use-nats.md)\n") });
    const result = await runAdrgen(["import", file, "--renumber", "--json"], { cwd: dir });
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as { dryRun: boolean; files: Array<{ from: { path: string; number: number }; to: { path: string; number: number } }> };
    expect(out.dryRun).toBe(false);
    expect(out.files.map((f) => [f.from.number, f.to.path])).toEqual([
      [1, "docs/adr/0003-record-decisions.md"],
      [2, "docs/adr/0004-use-kafka.md"],
      [3, "docs/adr/0005-use-nats.md"],
    ]);
    expect(read(dir, "0003-record-decisions.md")).toBe(nygard(3, "Record decisions", "Accepted", "", 1));
    expect(read(dir, "0004-use-kafka.md")).toBe(nygard(4, "Use Kafka", "Superseded by [5. Use NATS](0005-use-nats.md)", "", 2));
    expect(read(dir, "0005-use-nats.md")).toBe(nygard(5, "Use NATS", "Accepted", "\nSupersedes [4. Use Kafka](0004-use-kafka.md)\n\nRelates to [7. Gone](0007-gone.md)\n", 3));
    // The target's own ADRs are never touched, even one whose link happens to name a source file.
    expect(read(dir, "0002-also-ours.md")).toBe(nygard(2, "Also ours", "Accepted", "\nSee [3. NATS](0003-use-nats.md)\n"));
    expect(result.stderr).toMatch(/"0007-gone\.md", which was not imported/);
    const lint = await runAdrgen(["list", "--json"], { cwd: dir });
    const listed = JSON.parse(lint.stdout) as Array<{ number: number; supersededBy: Array<{ number: number }> }>;
    expect(listed.find((a) => a.number === 4)!.supersededBy[0]!.number).toBe(5);
  });

  it("--renumber handles moves that chain (1→2 while 2→3, same slugs) without rewriting a link twice", async () => {
    const file = await exportFile({
      "docs/adr/0001-notes.md": nygard(1, "Notes", "Accepted", "\nAmended by [2. Notes](0002-notes.md)\n"),
      "docs/adr/0002-notes.md": nygard(2, "Notes", "Accepted", "\nAmends [1. Notes](0001-notes.md)\n\nAmended by [3. Notes](./0003-notes.md#top)\n"),
      "docs/adr/0003-notes.md": nygard(3, "Notes", "Accepted", "\nAmends [ADR-0002](0002-notes.md) and [ADR-0001](0001-notes.md)\n"),
    });
    const dir = target({ "docs/adr/0001-ours.md": nygard(1, "Ours") });
    expect((await runAdrgen(["import", file, "--renumber"], { cwd: dir })).code).toBe(0);
    expect(names(dir)).toEqual(["0001-ours.md", "0002-notes.md", "0003-notes.md", "0004-notes.md"]);
    expect(read(dir, "0002-notes.md")).toBe(nygard(2, "Notes", "Accepted", "\nAmended by [3. Notes](0003-notes.md)\n", 1));
    expect(read(dir, "0003-notes.md")).toBe(nygard(3, "Notes", "Accepted", "\nAmends [2. Notes](0002-notes.md)\n\nAmended by [4. Notes](./0004-notes.md#top)\n", 2));
    expect(read(dir, "0004-notes.md")).toBe(nygard(4, "Notes", "Accepted", "\nAmends [ADR-0003](0003-notes.md) and [ADR-0002](0002-notes.md)\n", 3));
  });

  it("--renumber points links between ADRs of different source directories at their new names beside each other", async () => {
    const file = await exportFile({
      ".adrgenrc.json": JSON.stringify({ dirs: ["docs/adr", "svc/adr"] }),
      "docs/adr/0001-x.md": nygard(1, "X", "Accepted", "\nRelates to [2. Z](../../svc/adr/0002-z.md#why)\n"),
      "svc/adr/0002-z.md": nygard(2, "Z", "Accepted", "\nRelates to [1. X](../../docs/adr/0001-x.md)\n"),
    });
    const dir = target({ "docs/adr/0001-ours.md": nygard(1, "Ours") });
    const result = await runAdrgen(["import", file, "--renumber"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(names(dir)).toEqual(["0001-ours.md", "0002-x.md", "0003-z.md"]);
    expect(read(dir, "0002-x.md")).toBe(nygard(2, "X", "Accepted", "\nRelates to [3. Z](0003-z.md#why)\n", 1));
    expect(read(dir, "0003-z.md")).toBe(nygard(3, "Z", "Accepted", "\nRelates to [2. X](0002-x.md)\n", 2));
    expect(result.stderr).not.toContain("left as written");
  });

  it("--dry-run prints source → target and writes nothing (also with --json)", async () => {
    const file = await exportFile();
    const dir = target({ "docs/adr/0001-ours.md": nygard(1, "Ours") });
    const result = await runAdrgen(["import", file, "--renumber", "--dry-run"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split("\n")).toEqual([
      "docs/adr/0001-record-decisions.md → docs/adr/0002-record-decisions.md",
      "docs/adr/0002-use-kafka.md → docs/adr/0003-use-kafka.md",
      "docs/adr/0003-use-nats.md → docs/adr/0004-use-nats.md",
    ]);
    expect(result.stderr).toMatch(/dry run: nothing written/);
    expect(names(dir)).toEqual(["0001-ours.md"]);
    const json = await runAdrgen(["import", file, "--dry-run", "--json"], { cwd: dir });
    expect(json.code).toBe(2); // a collision is found by a dry run too
    const fresh = target();
    const planned = JSON.parse((await runAdrgen(["import", file, "--dry-run", "--json"], { cwd: fresh })).stdout) as { dryRun: boolean; files: unknown[] };
    expect(planned).toMatchObject({ dryRun: true });
    expect(planned.files).toHaveLength(3);
    expect(existsSync(adrDir(fresh))).toBe(false);
  });

  it("reads the export from stdin with -", async () => {
    const file = await exportFile();
    const dir = target();
    const result = await runAdrgen(["import", "-", "--renumber"], { cwd: dir, stdin: readFileSync(file, "utf8") });
    expect(result.code).toBe(0);
    expect(names(dir)).toEqual(Object.keys(SOURCE).map((p) => path.basename(p)));
    const tty = await runAdrgen(["import", "-"], { cwd: target(), tty: true });
    expect(tty.code).toBe(2);
    expect(tty.stderr).toMatch(/stdin is a terminal/);
  });

  it("--status gives every imported ADR the status in its own style; an unknown status is exit 2", async () => {
    const madr = `---\nstatus: accepted\ndate: 2026-01-01\n---\n\n# Use Y\n\n## Context and Problem Statement\n\nWhy.\n`;
    const file = await exportFile({ "docs/adr/0001-record-decisions.md": nygard(1, "Record decisions"), "docs/adr/0002-use-y.md": madr });
    const dir = target();
    expect((await runAdrgen(["import", file, "--status", "proposed"], { cwd: dir })).code).toBe(0);
    expect(read(dir, "0001-record-decisions.md")).toBe(nygard(1, "Record decisions", "Proposed"));
    expect(read(dir, "0002-use-y.md")).toBe(madr.replace("status: accepted", "status: proposed"));
    const bad = await runAdrgen(["import", file, "--status", "maybe"], { cwd: target() });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Unknown status "maybe"/);
  });

  it("refreshes an existing index", async () => {
    const file = await exportFile();
    const dir = target({ "docs/adr/0001-ours.md": nygard(1, "Ours") });
    await runAdrgen(["index"], { cwd: dir });
    const result = await runAdrgen(["import", file, "--renumber"], { cwd: dir });
    expect(result.stderr).toMatch(/updated index docs\/adr\/README\.md/);
    expect(read(dir, "README.md")).toContain("0004-use-nats.md");
    expect((await runAdrgen(["index", "--check"], { cwd: dir })).code).toBe(0);
  });

  it("malformed exports: a missing file, not JSON, a wrong version, missing fields, unsafe paths — exit 2, nothing written", async () => {
    const dir = target();
    const missing = await runAdrgen(["import", "nope.json"], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.json does not exist/);
    writeFileSync(path.join(dir, "bad.json"), '{\n  "version": 1,\n  "adrs": [,]\n}\n');
    const notJson = await runAdrgen(["import", "bad.json"], { cwd: dir });
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/bad\.json:3:12: not valid JSON/);
    const valid = JSON.parse(readFileSync(await exportFile(), "utf8")) as Record<string, any>;
    writeFileSync(path.join(dir, "v2.json"), JSON.stringify({ ...valid, version: 2 }));
    const v2 = await runAdrgen(["import", "v2.json"], { cwd: dir });
    expect(v2.code).toBe(2);
    expect(v2.stderr).toMatch(/unsupported export schema version 2/);
    expect(v2.stderr).toMatch(/Upgrade adrgen/);
    delete valid.adrs[1].title;
    writeFileSync(path.join(dir, "fields.json"), JSON.stringify(valid));
    const fields = await runAdrgen(["import", "fields.json"], { cwd: dir });
    expect(fields.code).toBe(2);
    expect(fields.stderr).toMatch(/adrs\[1\]\.title: /);
    valid.adrs[1].title = "x";
    valid.adrs[1].path = "../../../etc/.bashrc";
    valid.adrs[2].path = "docs/adr/README.md";
    writeFileSync(path.join(dir, "paths.json"), JSON.stringify(valid));
    const paths = await runAdrgen(["import", "paths.json"], { cwd: dir });
    expect(paths.code).toBe(2);
    expect(paths.stderr).toMatch(/adrs\[1\]\.path: "\.\.\/\.\.\/\.\.\/etc\/\.bashrc"/);
    expect(paths.stderr).toMatch(/adrs\[2\]\.path: "docs\/adr\/README\.md"/);
    expect(names(dir)).toEqual([]);
  });

  it("--commit commits exactly the imported files and the index", async () => {
    const file = await exportFile();
    const dir = makeGitRepo({ "docs/adr/0001-ours.md": nygard(1, "Ours"), "notes.txt": "x\n" });
    await runAdrgen(["index"], { cwd: dir });
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", "index");
    writeFileSync(path.join(dir, "notes.txt"), "changed\n");
    const result = await runAdrgen(["import", file, "--renumber", "--commit"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(git(dir, "log", "-1", "--format=%s").trim()).toMatch(/^docs\(adr\): import 3 ADRs from /);
    expect(git(dir, "show", "--name-only", "--format=", "HEAD").trim().split("\n").sort()).toEqual([
      "docs/adr/0002-record-decisions.md",
      "docs/adr/0003-use-kafka.md",
      "docs/adr/0004-use-nats.md",
      "docs/adr/README.md",
    ]);
    expect(git(dir, "status", "--porcelain").trim()).toBe("M notes.txt");
  });

  it("accepts another repository's directory instead of a file, and refuses its own", async () => {
    const source = makeTempDir({ ".git/HEAD": "x", ...SOURCE });
    const dir = target({ "docs/adr/0001-ours.md": nygard(1, "Ours") });
    const result = await runAdrgen(["import", source, "--renumber", "--json"], { cwd: dir });
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as { source: { file: string; repository: { name: string } }; files: Array<{ to: { path: string } }> };
    expect(out.source).toMatchObject({ file: source, repository: { name: path.basename(source) } });
    expect(out.files.map((f) => f.to.path)).toEqual(["docs/adr/0002-record-decisions.md", "docs/adr/0003-use-kafka.md", "docs/adr/0004-use-nats.md"]);
    expect(read(dir, "0004-use-nats.md")).toContain("Supersedes [3. Use Kafka](0003-use-kafka.md)");
    const self = await runAdrgen(["import", ".", "--renumber"], { cwd: dir });
    expect(self.code).toBe(2);
    expect(self.stderr).toMatch(/is this repository/);
  });

  it("an export without ADRs imports nothing and says so", async () => {
    const file = await exportFile({});
    const dir = target();
    const result = await runAdrgen(["import", file], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/holds no ADRs; nothing to import/);
    expect(names(dir)).toEqual([]);
  });
});
