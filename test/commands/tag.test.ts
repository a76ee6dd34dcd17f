// new --tag, list --tag, adrgen tag, and tags in the index, on temp repositories.
// The tagged goldens in adr-examples/tags/ are regenerated with: UPDATE_GOLDEN=1 npm test -- test/commands/tag.test.ts
import { afterAll, describe, expect, it } from "@jest/globals";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runAdrgen } from "../helpers/run.js";
import { PROJECT_ROOT } from "../helpers/spawn.js";
import { expectGolden } from "../helpers/golden.js";
import { cleanupTempDirs, git, makeGitRepo, makeTempDir } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

const ENV = { ADRGEN_DATE: "2026-01-15", ADRGEN_DECISION_MAKERS: "Alex Example, Sam Sample" };
const GOLDEN_DIR = path.join(PROJECT_ROOT, "adr-examples/tags");

async function initRepo(): Promise<string> {
  const repo = makeTempDir({ ".git/HEAD": "ref: refs/heads/main\n" });
  expect((await runAdrgen(["init"], { cwd: repo, env: ENV })).code).toBe(0);
  return repo;
}

const read = (repo: string, rel: string) => readFileSync(path.join(repo, rel), "utf8");

describe("new --tag", () => {
  it.each(["madr4", "nygard"])("writes normalised tags with --template %s (golden)", async (template) => {
    const repo = await initRepo();
    const result = await runAdrgen(["new", "Adopt OAuth2 for the API", "--blank", "--template", template, "--tag", "Security", "--tag", "event sourcing,api"], { cwd: repo, env: ENV });
    expect(result.code).toBe(0);
    const text = read(repo, "docs/adr/0002-adopt-oauth2-for-the-api.md");
    expectGolden(path.join(GOLDEN_DIR, `${template}/0002-adopt-oauth2-for-the-api.md`), text);
    const list = JSON.parse((await runAdrgen(["list", "--json"], { cwd: repo })).stdout) as Array<{ number: number; tags: string[] }>;
    expect(list.find((adr) => adr.number === 2)!.tags).toEqual(["security", "event-sourcing", "api"]);
    const lint = await runAdrgen(["lint", "--json"], { cwd: repo });
    expect(lint.code).toBe(0);
  });

  it("writes a tags list in the minimal template, and nothing without --tag", async () => {
    const repo = await initRepo();
    await runAdrgen(["new", "Tagged", "--blank", "--template", "madr4-minimal", "--tag", "db"], { cwd: repo, env: ENV });
    expect(read(repo, "docs/adr/0002-tagged.md")).toContain("tags:\n  - db\n---\n");
    await runAdrgen(["new", "Untagged", "--blank", "--template", "madr4-minimal"], { cwd: repo, env: ENV });
    const untagged = read(repo, "docs/adr/0003-untagged.md");
    expect(untagged).not.toContain("tags");
    expect(untagged).toBe(read(repo, "docs/adr/0002-tagged.md").replace("tags:\n  - db\n", "").replace(/Tagged/g, "Untagged"));
  });

  it("quotes tags that YAML would read as numbers, so they read back as written", async () => {
    const repo = await initRepo();
    await runAdrgen(["new", "Numbers", "--blank", "--tag", "2024,1e3,0x10"], { cwd: repo, env: ENV });
    expect(read(repo, "docs/adr/0002-numbers.md")).toContain('tags:\n  - "2024"\n  - "1e3"\n  - "0x10"\n---\n');
    const list = JSON.parse((await runAdrgen(["list", "--json"], { cwd: repo })).stdout) as Array<{ number: number; tags: string[] }>;
    expect(list.find((adr) => adr.number === 2)!.tags).toEqual(["2024", "1e3", "0x10"]);
  });

  it("tags a generated ADR too", async () => {
    const repo = await initRepo();
    const result = await runAdrgen(["new", "choose message queue", "--yes", "--engine", "offline", "--tag", "messaging", "--dry-run"], { cwd: repo, env: ENV });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^---\n[\s\S]*tags:\n {2}- messaging\n[\s\S]*---\n/);
  });

  it("takes tags from the answers file and --answer tags=… too", async () => {
    const repo = await initRepo();
    writeFileSync(path.join(repo, "answers.yaml"), "tags: [messaging, Async Work]\nscale.rps: 100-1k\n");
    const result = await runAdrgen(["new", "choose message queue", "--yes", "--engine", "offline", "--answers", "answers.yaml", "--answer", "tags=ops", "--tag", "messaging", "--dry-run"], { cwd: repo, env: ENV });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("tags:\n  - messaging\n  - async-work\n  - ops\n---\n");
    writeFileSync(path.join(repo, "bad.yaml"), "tags: [{a: 1}]\n");
    const bad = await runAdrgen(["new", "choose message queue", "--yes", "--engine", "offline", "--answers", "bad.yaml", "--dry-run"], { cwd: repo, env: ENV });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("tags in bad.yaml must be a list of words");
  });

  it("refuses a bad tag with exit 2 before writing anything", async () => {
    const repo = await initRepo();
    const result = await runAdrgen(["new", "X", "--blank", "--tag", "a: b"], { cwd: repo, env: ENV });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Invalid tag "a: b"');
    expect(existsSync(path.join(repo, "docs/adr/0002-x.md"))).toBe(false);
  });
});

const TAGGED = `---\nstatus: accepted\ndate: 2024-01-01\ntags: [db, api]\n---\n\n# Use PostgreSQL\n\n## Context and Problem Statement\n\nx\n`;
const LOG4BRAINS = "# Use Kafka\n\n- Status: proposed\n- Tags: messaging api\n\n## Context and Problem Statement\n\ny\n";
const NYGARD = "# 3. Use Go\n\nDate: 2016-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nz\n";

function tagRepo(): string {
  return makeGitRepo({
    "docs/adr/0001-use-postgresql.md": TAGGED,
    "docs/adr/20200101-use-kafka.md": LOG4BRAINS,
    "docs/adr/0003-use-go.md": NYGARD,
  });
}

describe("list --tag", () => {
  it("keeps ADRs that carry every given tag and shows a TAGS column", async () => {
    const repo = tagRepo();
    const json = async (...args: string[]) => (JSON.parse((await runAdrgen(["list", "--json", ...args], { cwd: repo })).stdout) as Array<{ path: string }>).map((a) => path.basename(a.path));
    expect(await json("--tag", "api")).toEqual(["0001-use-postgresql.md", "20200101-use-kafka.md"]);
    expect(await json("--tag", "API", "--tag", "messaging")).toEqual(["20200101-use-kafka.md"]);
    expect(await json("--tag", "api,db")).toEqual(["0001-use-postgresql.md"]);
    const table = await runAdrgen(["list"], { cwd: repo });
    expect(table.stdout.split("\n")[0]).toMatch(/DATE\s+TAGS$/);
    expect(table.stdout).toMatch(/Use PostgreSQL\s+accepted\s+2024-01-01\s+db, api\n/);
    const none = await runAdrgen(["list", "--tag", "nope"], { cwd: repo });
    expect(none).toMatchObject({ code: 0, stdout: "" });
    expect(none.stderr).toContain('No ADRs with tag "nope"');
  });
});

describe("adrgen tag", () => {
  it("adds and removes in the file's own style, changing no other byte", async () => {
    const repo = tagRepo();
    const result = await runAdrgen(["tag", "1", "--add", "Cache", "--remove", "api"], { cwd: repo });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("docs/adr/0001-use-postgresql.md\n");
    expect(result.stderr).toContain("tags: db, api → db, cache");
    expect(read(repo, "docs/adr/0001-use-postgresql.md")).toBe(TAGGED.replace("tags: [db, api]", "tags: [db, cache]"));

    await runAdrgen(["tag", "docs/adr/20200101-use-kafka.md", "--add", "events"], { cwd: repo });
    expect(read(repo, "docs/adr/20200101-use-kafka.md")).toBe(LOG4BRAINS.replace("- Tags: messaging api", "- Tags: messaging api events"));

    await runAdrgen(["tag", "3", "--add", "lang"], { cwd: repo });
    expect(read(repo, "docs/adr/0003-use-go.md")).toBe(NYGARD.replace("Date: 2016-01-01\n", "Date: 2016-01-01\n\nTags: lang\n"));
  });

  it("prints the tags without flags, and --json the change", async () => {
    const repo = tagRepo();
    expect((await runAdrgen(["tag", "1"], { cwd: repo })).stdout).toBe("db\napi\n");
    const json = await runAdrgen(["tag", "1", "--add", "api", "--json"], { cwd: repo });
    expect(JSON.parse(json.stdout)).toEqual({ path: "docs/adr/0001-use-postgresql.md", number: 1, from: ["db", "api"], to: ["db", "api"] });
    expect(json.stderr).toContain("nothing changed");
    expect(read(repo, "docs/adr/0001-use-postgresql.md")).toBe(TAGGED);
  });

  it("refuses unknown ADRs, bad tags and broken front matter with exit 2", async () => {
    const repo = tagRepo();
    writeFileSync(path.join(repo, "docs/adr/0004-broken.md"), "---\ntags: [a\nstatus: x: y\n---\n\n# Broken\n");
    // Two `tags` keys: the edit of the first would not read back (the last one wins), so nothing is written.
    const twice = "---\ntags: [a]\nstatus: accepted\ntags: [b]\n---\n\n# Twice\n";
    writeFileSync(path.join(repo, "docs/adr/0005-twice.md"), twice);
    for (const [args, message] of [
      [["tag", "99", "--add", "x"], "No ADR numbered 99"],
      [["tag", "1", "--add", "a:b"], "Invalid tag"],
      [["tag", "4", "--add", "x"], "front matter is invalid"],
      [["tag", "5", "--add", "x"], "Nothing was written"],
      [["tag", "1", "--commit"], "--branch and --commit need a change"],
    ] as const) {
      const result = await runAdrgen([...args], { cwd: repo });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(message);
    }
    expect(read(repo, "docs/adr/0005-twice.md")).toBe(twice);
  });

  it("a refused edit's hint shows a list in the file's own front matter language", async () => {
    const repo = tagRepo();
    // A nested TOML array and a YAML item over two lines are shapes adrgen tag refuses to edit.
    // A byte-order mark before the front matter does not change its language.
    writeFileSync(path.join(repo, "docs/adr/0006-toml.md"), '\uFEFF+++\ntags = [["a"], "b"]\nstatus = "accepted"\n+++\n\n# TOML\n');
    writeFileSync(path.join(repo, "docs/adr/0007-yaml.md"), "---\ntags:\n  - a\n  - b\n    c\nstatus: accepted\n---\n\n# YAML\n");
    const toml = await runAdrgen(["tag", "6", "--add", "x"], { cwd: repo });
    expect(toml.code).toBe(2);
    expect(toml.stderr).toContain('(tags = ["a", "b"])');
    const yaml = await runAdrgen(["tag", "7", "--add", "x"], { cwd: repo });
    expect(yaml.code).toBe(2);
    expect(yaml.stderr).toContain("(tags: [a, b])");
  });

  it("refreshes an existing index, and index --check stays fresh", async () => {
    const repo = tagRepo();
    expect((await runAdrgen(["index"], { cwd: repo })).code).toBe(0);
    const index = read(repo, "docs/adr/README.md");
    expect(index).toContain("| Tag | ADRs |\n| --- | --- |\n| api | [0001](0001-use-postgresql.md), [20200101-use-kafka](20200101-use-kafka.md) |\n| db | [0001](0001-use-postgresql.md) |\n| messaging | [20200101-use-kafka](20200101-use-kafka.md) |\n");
    expect((await runAdrgen(["index", "--check"], { cwd: repo })).code).toBe(0);
    const tagged = await runAdrgen(["tag", "3", "--add", "lang"], { cwd: repo });
    expect(tagged.stderr).toContain("updated index docs/adr/README.md");
    expect(read(repo, "docs/adr/README.md")).toContain("| lang | [0003](0003-use-go.md) |");
    expect((await runAdrgen(["index", "--check"], { cwd: repo })).code).toBe(0);
    writeFileSync(path.join(repo, "docs/adr/0003-use-go.md"), NYGARD);
    expect((await runAdrgen(["index", "--check"], { cwd: repo })).code).toBe(1);
  });

  it("leaves the index of an untagged repository as it was (no tag table)", async () => {
    const repo = makeTempDir({ "docs/adr/0003-use-go.md": NYGARD });
    await runAdrgen(["index"], { cwd: repo });
    expect(read(repo, "docs/adr/README.md")).not.toContain("| Tag |");
  });

  it("shows control characters of hand-written titles and tags as escapes, and escapes markup in the tag table", async () => {
    const evil = "---\nstatus: accepted\ntags: [\"x\\e[31m\", \"<svg/onload=alert(1)>\"]\n---\n\n# Use \u001b]0;owned\u0007Kafka\n\n## Context and Problem Statement\n\nbell \u0007 here\n";
    const repo = makeTempDir({ "docs/adr/0001-evil.md": evil });
    for (const args of [["tag", "1"], ["tag", "1", "--add", "ok"], ["list"], ["search", "bell"]]) {
      const result = await runAdrgen(args, { cwd: repo });
      expect(result.code).toBe(0);
      expect(result.stdout + result.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    }
    expect((await runAdrgen(["list"], { cwd: repo })).stdout).toContain("Use \\x1b]0;owned\\x07Kafka");
    expect((await runAdrgen(["tag", "1"], { cwd: repo })).stdout).toBe("x\\x1b[31m\n<svg/onload=alert(1)>\nok\n");
    expect((await runAdrgen(["index"], { cwd: repo })).code).toBe(0);
    const index = read(repo, "docs/adr/README.md");
    expect(index).toContain("| &lt;svg/onload=alert(1)&gt; | [0001](0001-evil.md) |");
    expect(index).toContain("| x\\\\x1b\\[31m | [0001](0001-evil.md) |");
    expect(index).not.toContain("\u001b");
  });

  it("commits only the ADR on a new branch with --branch --commit", async () => {
    const repo = tagRepo();
    const result = await runAdrgen(["tag", "1", "--add", "ops", "--branch", "--commit"], { cwd: repo });
    expect(result.code).toBe(0);
    expect(git(repo, "branch", "--show-current").trim()).toBe("adr/0001-use-postgresql");
    expect(git(repo, "log", "-1", "--format=%s").trim()).toBe("docs(adr): 0001 Use PostgreSQL (tags: db, api, ops)");
    expect(git(repo, "show", "--name-only", "--format=", "HEAD").trim()).toBe("docs/adr/0001-use-postgresql.md");
  });

  it("edits only files inside the ADR directories; show still reads any path", async () => {
    const repo = tagRepo();
    const outside = makeTempDir({ "outside.md": TAGGED });
    const file = path.join(outside, "outside.md");
    writeFileSync(path.join(repo, "notes.md"), TAGGED);
    for (const args of [
      ["tag", file, "--add", "x"],
      ["status", file, "rejected"],
      ["tag", "notes.md", "--add", "x"],
      ["supersede", file, "1"],
      ["link", "1", file],
      ["renumber", file, "--to", "9"],
      ["revise", file, "--yes"],
    ]) {
      const result = await runAdrgen(args, { cwd: repo });
      expect([args, result.code]).toEqual([args, 2]);
      expect(result.stderr).toContain("is not in an ADR directory (docs/adr); adrgen only edits ADRs there.");
    }
    expect(readFileSync(file, "utf8")).toBe(TAGGED);
    expect(read(repo, "notes.md")).toBe(TAGGED);
    expect(await runAdrgen(["show", file], { cwd: repo })).toMatchObject({ code: 0 });
  });

  it("creates no branch and no commit with --branch X --commit when the tags are already as asked", async () => {
    const repo = tagRepo();
    const before = git(repo, "rev-parse", "HEAD").trim();
    const result = await runAdrgen(["tag", "1", "--add", "db", "--branch", "adr/x", "--commit"], { cwd: repo });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("no branch or commit made");
    expect(git(repo, "branch", "--list", "adr/x").trim()).toBe("");
    expect(git(repo, "rev-parse", "HEAD").trim()).toBe(before);
  });
});
