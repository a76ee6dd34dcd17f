import { afterAll, describe, expect, it } from "@jest/globals";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { runAdrgen } from "../helpers/run.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";
import { parseAdr } from "../../src/markdown/parse.js";

afterAll(cleanupTempDirs);

const nygard = (n: number, title: string) => `# ${n}. ${title}

Date: 2016-02-12

## Status

Accepted

## Context

Text ${n}.
`;

const madr4 = (title: string) => `---
status: accepted
date: 2024-01-10
---

# ${title}

## Context and Problem Statement

Why.
`;

const MADR2 = `# Use Plain JUnit5

* Status: accepted
* Date: 2018-04-01

## Context and Problem Statement

How?
`;

const FILES = {
  one: "0001-record-decisions.md",
  two: "0002-use-shell.md",
  three: "0003-use-mongodb.md",
  four: "0004-use-postgresql.md",
  five: "0005-use-junit5.md",
};

function repo(): string {
  return makeTempDir({
    "docs/adr/0001-record-decisions.md": nygard(1, "Record decisions"),
    "docs/adr/0002-use-shell.md": nygard(2, "Use shell"),
    "docs/adr/0003-use-mongodb.md": madr4("Use MongoDB"),
    "docs/adr/0004-use-postgresql.md": madr4("Use PostgreSQL"),
    "docs/adr/0005-use-junit5.md": MADR2,
  });
}

const file = (dir: string, name: string) => path.join(dir, "docs/adr", name);
const read = (dir: string, name: string) => readFileSync(file(dir, name), "utf8");
const reparse = (dir: string, name: string) => parseAdr(read(dir, name), { path: file(dir, name), relPath: `docs/adr/${name}`, dirLabel: "docs/adr" });

describe("adrgen supersede", () => {
  it("updates both adr-tools files the way adr-tools does, and is idempotent", async () => {
    const dir = repo();
    const result = await runAdrgen(["supersede", "1", "2"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`docs/adr/${FILES.one}\ndocs/adr/${FILES.two}\n`);
    expect(read(dir, FILES.one)).toBe(nygard(1, "Record decisions").replace("Accepted", `Superseded by [2. Use shell](${FILES.two})`));
    expect(read(dir, FILES.two)).toBe(
      nygard(2, "Use shell").replace("Accepted\n", `Accepted\n\nSupersedes [1. Record decisions](${FILES.one})\n`),
    );
    expect(reparse(dir, FILES.one)).toMatchObject({ status: "superseded", supersededBy: [{ number: 2 }] });
    expect(reparse(dir, FILES.two)).toMatchObject({ status: "accepted", supersedes: [{ number: 1 }] });
    expect(existsSync(file(dir, ".adrgen.lock"))).toBe(false);

    const before = [read(dir, FILES.one), read(dir, FILES.two)];
    const again = await runAdrgen(["supersede", "1", "2", "--json"], { cwd: dir });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ old: { number: 1, changed: false }, new: { number: 2, changed: false } });
    expect([read(dir, FILES.one), read(dir, FILES.two)]).toEqual(before);
  });

  it("writes MADR 4 front matter and a More Information bullet", async () => {
    const dir = repo();
    const result = await runAdrgen(["supersede", "3", "4"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(read(dir, FILES.three)).toBe(madr4("Use MongoDB").replace("status: accepted", `status: "superseded by [ADR-0004](${FILES.four})"`));
    expect(read(dir, FILES.four)).toBe(`${madr4("Use PostgreSQL")}\n## More Information\n\n* Supersedes [ADR-0003](${FILES.three})\n`);
    expect(reparse(dir, FILES.three)).toMatchObject({ status: "superseded", supersededBy: [{ number: 4, target: FILES.four }] });
  });

  it("exits 2 and writes nothing when one ADR does not exist", async () => {
    const dir = repo();
    const result = await runAdrgen(["supersede", "1", "42"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/No ADR numbered 42/);
    expect(read(dir, FILES.one)).toBe(nygard(1, "Record decisions"));
  });

  it("refreshes an existing index", async () => {
    const dir = repo();
    expect((await runAdrgen(["index"], { cwd: dir })).code).toBe(0);
    expect(read(dir, "README.md")).not.toMatch(/mermaid/);
    const result = await runAdrgen(["supersede", "1", "2"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/updated index docs\/adr\/README.md/);
    const index = read(dir, "README.md");
    expect(index).toMatch(/\| 0001 \| \[Record decisions\]\(0001-record-decisions.md\) \| superseded \|/);
    expect(index).toMatch(/adr_0002_use_shell -->\|supersedes\| adr_0001_record_decisions/);
    expect((await runAdrgen(["index", "--check"], { cwd: dir })).code).toBe(0);
  });
});

describe("adrgen link", () => {
  it("writes an adr-tools line in one file and a MADR 2 Links bullet in the other", async () => {
    const dir = repo();
    const result = await runAdrgen(["link", "2", "5", "--type", "amends"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(read(dir, FILES.two)).toBe(nygard(2, "Use shell").replace("Accepted\n", `Accepted\n\nAmends [5. Use Plain JUnit5](${FILES.five})\n`));
    expect(read(dir, FILES.five)).toBe(`${MADR2}\n## Links\n\n* Amended by [ADR-0002](${FILES.two})\n`);
    expect(reparse(dir, FILES.two).links).toEqual([expect.objectContaining({ type: "amends", number: 5 })]);
    expect(reparse(dir, FILES.five).links).toEqual([expect.objectContaining({ type: "amended by", number: 2 })]);
  });

  it("defaults to relates to both ways and takes an explicit reverse type", async () => {
    const dir = repo();
    const plain = await runAdrgen(["link", "1", "2", "--json"], { cwd: dir });
    expect(plain.code).toBe(0);
    expect(JSON.parse(plain.stdout)).toMatchObject({ type: "relates to", reverseType: "relates to" });
    expect(read(dir, FILES.two)).toContain(`Relates to [1. Record decisions](${FILES.one})`);
    const custom = await runAdrgen(["link", "4", "3", "--type", "depends on", "--reverse-type", "required by"], { cwd: dir });
    expect(custom.code).toBe(0);
    expect(read(dir, FILES.four)).toContain(`* Depends on [ADR-0003](${FILES.three})`);
    expect(read(dir, FILES.three)).toContain(`* Required by [ADR-0004](${FILES.four})`);
  });

  it("routes --type supersedes to supersede", async () => {
    const dir = repo();
    const result = await runAdrgen(["link", "2", "1", "--type", "supersedes"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(reparse(dir, FILES.one)).toMatchObject({ status: "superseded", supersededBy: [{ number: 2 }] });
  });

  it("rejects a self link, a bad type and an unknown ADR with exit 2", async () => {
    const dir = repo();
    const self = await runAdrgen(["link", "1", "0001"], { cwd: dir });
    expect(self.code).toBe(2);
    expect(self.stderr).toMatch(/cannot be related to itself/);
    const badType = await runAdrgen(["link", "1", "2", "--type", "<script>"], { cwd: dir });
    expect(badType.code).toBe(2);
    expect(badType.stderr).toMatch(/not a relation type/);
    const missing = await runAdrgen(["link", "1", "docs/adr/0099-nope.md"], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(read(dir, FILES.one)).toBe(nygard(1, "Record decisions"));
  });
});
