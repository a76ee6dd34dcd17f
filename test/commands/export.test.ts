import { afterAll, describe, expect, it } from "@jest/globals";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { exportDocumentSchema, type ExportDocument } from "../../src/domain/export-schema.js";
import { runAdrgen } from "../helpers/run.js";
import { cleanupTempDirs, git, makeGitRepo, makeTempDir } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

const MADR = `---
status: accepted
date: 2024-05-06
decision-makers: Ann, Bob
consulted: Carol
informed: Dan
tags: [storage, cache]
---

# Use Redis

## Context and Problem Statement

We need a cache. Token: AKIAABCDEFGHIJKLMNOP stays as written.

## Considered Options

* Redis
* Memcached

## Decision Outcome

Chosen option: "Redis", because it is known.

## More Information

Supersedes [ADR-0001](0001-use-memcached.md). See also [the missing one](0009-gone.md).
`;

const NYGARD = `# 1. Use Memcached\r\n\r\nDate: 2023-01-02\r\n\r\n## Status\r\n\r\nSuperseded by [2. Use Redis](0002-use-redis.md)\r\n\r\n## Context\r\n\r\nOld.\r\n`;

function repo(extra: Record<string, string | Buffer> = {}): string {
  return makeTempDir({ ".git/HEAD": "ref: refs/heads/main\n", "docs/adr/0001-use-memcached.md": NYGARD, "docs/adr/0002-use-redis.md": MADR, ...extra });
}

async function exportOf(cwd: string, args: string[] = []): Promise<ExportDocument> {
  const result = await runAdrgen(["export", ...args], { cwd });
  expect(result.code).toBe(0);
  return exportDocumentSchema.parse(JSON.parse(result.stdout));
}

describe("adrgen export", () => {
  it("prints every ADR with its parsed fields, resolved references, sections and exact text; valid against the schema", async () => {
    const doc = await exportOf(repo(), ["--json"]);
    expect(doc).toMatchObject({ schema: "https://adrgen.dev/schemas/export/v1.json", version: 1, generator: { name: "adrgen" }, generatedAt: "2026-01-15T00:00:00.000Z" });
    expect(doc.repository.dirs).toEqual([{ path: "docs/adr", label: "docs/adr" }]);
    expect(doc.adrs.map((a) => a.path)).toEqual(["docs/adr/0001-use-memcached.md", "docs/adr/0002-use-redis.md"]);
    const [old, redis] = doc.adrs;
    expect(old).toMatchObject({ number: 1, title: "Use Memcached", status: "superseded", date: "2023-01-02", format: "nygard", statusStyle: "section", markdown: NYGARD });
    expect(old!.supersededBy).toEqual([{ number: 2, target: "0002-use-redis.md", path: "docs/adr/0002-use-redis.md", line: 7 }]);
    expect(redis).toMatchObject({
      number: 2,
      title: "Use Redis",
      status: "accepted",
      date: "2024-05-06",
      tags: ["storage", "cache"],
      decisionMakers: ["Ann", "Bob"],
      consulted: ["Carol"],
      informed: ["Dan"],
      format: "madr4",
      dirLabel: "docs/adr",
      consideredOptions: ["Redis", "Memcached"],
      chosenOption: "Redis",
      markdown: MADR,
    });
    expect(redis!.frontMatter).toMatchObject({ status: "accepted", tags: ["storage", "cache"] });
    expect(redis!.sections.map((s) => [s.heading, s.depth])).toEqual([
      ["Use Redis", 1],
      ["Context and Problem Statement", 2],
      ["Considered Options", 2],
      ["Decision Outcome", 2],
      ["More Information", 2],
    ]);
    expect(redis!.sections[1]!.body).toContain("We need a cache.");
    // ADRs are the user's own documents: exported as written, not redacted.
    expect(redis!.markdown).toContain("AKIAABCDEFGHIJKLMNOP");
  });

  it("resolves references by link or number to root-relative paths, and gives null for those that lead nowhere", async () => {
    const doc = await exportOf(
      repo({
        "docs/adr/0003-x.md": "# X\n\n* Status: accepted\n\n## Links\n\n* Relates to [ADR-0042](0042-gone.md)\n* Refines [ADR-0002](0002-use-redis.md)\n* Supersedes ADR-0001\n",
      }),
    );
    const x = doc.adrs.find((a) => a.number === 3)!;
    expect(x.supersedes).toEqual([{ number: 1, target: "ADR-0001", path: "docs/adr/0001-use-memcached.md", line: 9 }]);
    expect(x.links).toEqual([
      { number: 42, target: "0042-gone.md", path: null, line: 7, type: "relates to" },
      { number: 2, target: "0002-use-redis.md", path: "docs/adr/0002-use-redis.md", line: 8, type: "refines" },
    ]);
  });

  it("a front-matter key JSON cannot hold (a YAML alias cycle) is left out, the rest exported as JSON values", async () => {
    const doc = await exportOf(
      repo({ "docs/adr/0003-cyclic.md": "---\nstatus: accepted\nloop: &a\n  self: *a\n---\n# Cyclic\n", "docs/adr/0004-dated.md": "---\nwhen: 2024-01-02\nn: 3\n---\n# Dated\n" }),
    );
    const cyclic = doc.adrs.find((a) => a.number === 3)!;
    expect(cyclic).toMatchObject({ title: "Cyclic", status: "accepted", frontMatter: { status: "accepted" } });
    expect(doc.adrs.find((a) => a.number === 4)!.frontMatter).toEqual({ when: expect.stringMatching(/^2024-01-02/), n: 3 });
  });

  it("names the HEAD commit of a git repository, null outside one", async () => {
    const dir = makeGitRepo({ "docs/adr/0001-use-memcached.md": NYGARD });
    const head = git(dir, "rev-parse", "HEAD").trim();
    expect((await exportOf(dir)).repository).toMatchObject({ name: path.basename(dir), head });
    expect((await exportOf(repo())).repository.head).toBeNull();
  });

  it("uses the current time without ADRGEN_DATE", async () => {
    const before = Date.now();
    const result = await runAdrgen(["export"], { cwd: repo(), env: { ADRGEN_DATE: "" } });
    const at = Date.parse((JSON.parse(result.stdout) as ExportDocument).generatedAt);
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it("covers every configured ADR directory, labelled", async () => {
    const dir = makeTempDir({
      ".adrgenrc.json": JSON.stringify({ dirs: [{ path: "services/a/adr", label: "a" }, { path: "services/b/adr", label: "b" }] }),
      "services/a/adr/0001-a.md": "# A\n",
      "services/b/adr/0001-b.md": "# B\n",
    });
    const doc = await exportOf(dir);
    expect(doc.repository.dirs).toEqual([
      { path: "services/a/adr", label: "a" },
      { path: "services/b/adr", label: "b" },
    ]);
    expect(doc.adrs.map((a) => [a.path, a.dirLabel])).toEqual([
      ["services/a/adr/0001-a.md", "a"],
      ["services/b/adr/0001-b.md", "b"],
    ]);
  });

  it("skips a binary file with a warning, and exports nothing from an empty directory", async () => {
    const result = await runAdrgen(["export"], { cwd: repo({ "docs/adr/0003-image.md": Buffer.from([0x89, 0x50, 0, 0, 1]) }) });
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as ExportDocument).adrs).toHaveLength(2);
    expect(result.stderr).toMatch(/docs\/adr\/0003-image\.md not exported: The file is binary/);
    const empty = await runAdrgen(["export"], { cwd: makeTempDir({ ".git/HEAD": "x" }) });
    expect(empty.code).toBe(0);
    expect((JSON.parse(empty.stdout) as ExportDocument).adrs).toEqual([]);
    expect(empty.stderr).toMatch(/No ADRs in docs\/adr/);
  });

  it("--out writes the file, refuses to overwrite it (exit 2) unless --force", async () => {
    const cwd = repo();
    const first = await runAdrgen(["export", "--out", "out/decisions.json"], { cwd });
    expect(first).toMatchObject({ code: 0, stdout: "" });
    expect(first.stderr).toMatch(/exported 2 ADRs to out\/decisions\.json/);
    const file = path.join(cwd, "out/decisions.json");
    const text = readFileSync(file, "utf8");
    expect(exportDocumentSchema.parse(JSON.parse(text)).adrs).toHaveLength(2);
    writeFileSync(file, "keep me");
    const again = await runAdrgen(["export", "--out", "out/decisions.json"], { cwd });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/out\/decisions\.json already exists/);
    expect(again.stderr).toMatch(/--force/);
    expect(readFileSync(file, "utf8")).toBe("keep me");
    const forced = await runAdrgen(["export", "--out", "out/decisions.json", "--force"], { cwd });
    expect(forced.code).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(text);
    for (const flags of [[], ["--force"]]) {
      const dir = await runAdrgen(["export", "--out", "out", ...flags], { cwd });
      expect(dir.code).toBe(2);
      expect(dir.stderr).toContain("out is a directory.");
      expect(dir.stderr).toContain("--out out/adrs.json");
    }
  });

  it("--schema prints the JSON Schema without reading any ADR", async () => {
    const result = await runAdrgen(["export", "--schema"], { cwd: makeTempDir() });
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout) as { $id: string; properties: Record<string, unknown>; required: string[] };
    expect(schema.$id).toBe("https://adrgen.dev/schemas/export/v1.json");
    expect(schema.required).toEqual(expect.arrayContaining(["schema", "version", "generator", "generatedAt", "repository", "adrs"]));
  });

  it("lists its flags in --help", async () => {
    const result = await runAdrgen(["export", "--help"], { cwd: makeTempDir() });
    for (const flag of ["--json", "--out", "--force", "--schema"]) expect(result.stdout).toContain(flag);
  });
});
