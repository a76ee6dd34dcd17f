// ADRs written on Windows (CRLF) keep their line endings through every command that rewrites them.
import { afterAll, describe, expect, it } from "@jest/globals";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runAdrgen } from "../helpers/run.js";
import { cleanupTempDirs, makeGitRepo, writeFiles } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

const crlf = (text: string) => text.replace(/\r?\n/g, "\r\n");
const bareLf = (text: string) => (text.match(/(?<!\r)\n/g) ?? []).length;
const read = (dir: string, rel: string) => readFileSync(path.join(dir, rel), "utf8");

const madr = (title: string, status = "proposed") => `---
status: ${status}
date: 2026-01-10
---

# ${title}

## Context and Problem Statement

We need to decide.

## Considered Options

* Option A
* Option B

## Decision Outcome

Chosen option: "Option A", because it fits.

### Consequences

* Good, because it is simple.
`;

describe("revise on a CRLF file", () => {
  const ADR = "docs/adr/0001-choose-message-queue.md";

  async function crlfGenerated(): Promise<string> {
    const dir = makeGitRepo({ "docker-compose.yml": "services:\n  cache:\n    image: redis:7\n" });
    expect((await runAdrgen(["new", "choose message queue", "--yes"], { cwd: dir })).code).toBe(0);
    writeFileSync(path.join(dir, ADR), crlf(read(dir, ADR)));
    return dir;
  }

  it("an unchanged ADR revises to no diff and is not rewritten", async () => {
    const dir = await crlfGenerated();
    const before = read(dir, ADR);
    const dry = await runAdrgen(["revise", "1", "--dry-run", "--exit-code"], { cwd: dir });
    expect({ code: dry.code, stdout: dry.stdout }).toEqual({ code: 0, stdout: "" });
    expect(dry.stderr).toContain("is up to date: nothing to revise.");
    expect((await runAdrgen(["revise", "1", "--yes"], { cwd: dir })).code).toBe(0);
    expect(read(dir, ADR)).toBe(before);
  });

  it("a real change is written with CRLF throughout, and the diff shows only that change", async () => {
    const dir = await crlfGenerated();
    writeFiles(dir, { "docker-compose.yml": "services:\n  cache:\n    image: redis:7\n  broker:\n    image: apache/kafka:3.7.0\n" });
    const result = await runAdrgen(["revise", "1", "--yes"], { cwd: dir });
    expect(result.code).toBe(0);
    // Not a rewrite of every line: the diff is far smaller than the file.
    expect(result.stdout.split("\n").filter((line) => line.startsWith("-") && !line.startsWith("---")).length).toBeLessThan(read(dir, ADR).split("\r\n").length / 2);
    expect(result.stdout).not.toContain("\r");
    const after = read(dir, ADR);
    expect(after).toContain("kafka");
    expect(bareLf(after)).toBe(0);
    expect((await runAdrgen(["revise", "1", "--dry-run", "--exit-code"], { cwd: dir })).code).toBe(0);
  });

  it("--supersede writes the new ADR with CRLF and keeps the old one CRLF", async () => {
    const dir = await crlfGenerated();
    expect((await runAdrgen(["status", "1", "accepted"], { cwd: dir })).code).toBe(0);
    writeFiles(dir, { "docker-compose.yml": "services:\n  cache:\n    image: redis:7\n  broker:\n    image: apache/kafka:3.7.0\n" });
    const result = await runAdrgen(["revise", "1", "--supersede", "--yes"], { cwd: dir });
    expect(result.code).toBe(0);
    const files = readdirSync(path.join(dir, "docs/adr")).filter((name) => /^\d{4}-/.test(name));
    expect(files).toHaveLength(2);
    for (const name of files) expect({ name, bare: bareLf(read(dir, `docs/adr/${name}`)) }).toEqual({ name, bare: 0 });
    expect(read(dir, ADR)).toMatch(/superseded/i);
  });
});

describe("status, supersede and link on CRLF MADR files", () => {
  it("change only what they must and leave no bare LF behind", async () => {
    const dir = makeGitRepo({
      "docs/adr/0001-use-postgresql.md": crlf(madr("Use PostgreSQL")),
      "docs/adr/0002-use-mysql.md": crlf(madr("Use MySQL")),
      "docs/adr/0003-use-redis.md": crlf(madr("Use Redis")),
    });
    for (const args of [["status", "1", "accepted"], ["supersede", "1", "2"], ["link", "3", "2", "--type", "relates to"]]) {
      const result = await runAdrgen(args, { cwd: dir });
      expect({ args, code: result.code, stderr: result.stderr }).toEqual({ args, code: 0, stderr: expect.any(String) });
    }
    const [one, two, three] = ["0001-use-postgresql", "0002-use-mysql", "0003-use-redis"].map((name) => read(dir, `docs/adr/${name}.md`)) as [string, string, string];
    for (const text of [one, two, three]) expect(bareLf(text)).toBe(0);
    expect(one).toMatch(/^---\r\nstatus: "?superseded/);
    expect(one).toContain("0002-use-mysql.md");
    expect(two).toContain("0001-use-postgresql.md");
    expect(three).toContain("0002-use-mysql.md");
    // Untouched lines are byte-identical.
    expect(one).toContain(crlf("## Considered Options\n\n* Option A\n* Option B\n"));
  });
});
