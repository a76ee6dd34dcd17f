import { afterAll, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import { runAdrgen } from "../helpers/run.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";
import { parseAdr } from "../../src/markdown/parse.js";

afterAll(cleanupTempDirs);

const MADR4 = `---
status: proposed
date: 2024-01-10
decision-makers: Alice
x-team: platform
---

# Use PostgreSQL

## Context and Problem Statement

We need a database.

## Considered Options

* PostgreSQL
* MongoDB

## Decision Outcome

Chosen option: "PostgreSQL", because it fits.
`;

const MADR2 = `# Use Plain JUnit5

* Status: proposed
* Deciders: Oliver
* Date: 2018-04-01

## Context and Problem Statement

How?
`;

const NYGARD = `# 3. Implement as shell scripts\r
\r
Date: 2016-02-12\r
\r
## Status\r
\r
Accepted\r
\r
## Context\r
\r
ADRs are plain text files.\r
`;

function repo(): string {
  return makeTempDir({
    ".adr-dir": "doc/adr\n",
    "doc/adr/0001-use-postgresql.md": MADR4,
    "doc/adr/0002-use-plain-junit5.md": MADR2,
    "doc/adr/0003-implement-as-shell-scripts.md": NYGARD,
    "doc/adr/0004-binary.md": Buffer.from([0, 1, 2, 3, 0, 255, 254, 0]),
  });
}

const read = (dir: string, file: string) => readFileSync(path.join(dir, "doc/adr", file), "utf8");
const reparse = (dir: string, file: string) =>
  parseAdr(read(dir, file), { path: path.join(dir, "doc/adr", file), relPath: `doc/adr/${file}`, dirLabel: "doc/adr" });

describe("adrgen status", () => {
  it("rewrites MADR 4 front matter and prints the path", async () => {
    const dir = repo();
    const result = await runAdrgen(["status", "1", "accepted"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("doc/adr/0001-use-postgresql.md\n");
    expect(read(dir, "0001-use-postgresql.md")).toBe(MADR4.replace("status: proposed", "status: accepted"));
    expect(reparse(dir, "0001-use-postgresql.md").status).toBe("accepted");
  });

  it("rewrites a MADR 2 bullet and reports {path, number, from, to} as JSON", async () => {
    const dir = repo();
    const result = await runAdrgen(["status", "0002", "Rejected", "--json"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ path: "doc/adr/0002-use-plain-junit5.md", number: 2, from: "proposed", to: "rejected" });
    expect(read(dir, "0002-use-plain-junit5.md")).toBe(MADR2.replace("* Status: proposed", "* Status: rejected"));
  });

  it("rewrites the Status section of a CRLF adr-tools file, keeping CRLF", async () => {
    const dir = repo();
    const result = await runAdrgen(["status", "doc/adr/0003-implement-as-shell-scripts.md", "deprecated"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(read(dir, "0003-implement-as-shell-scripts.md")).toBe(NYGARD.replace("Accepted\r\n", "Deprecated\r\n"));
    expect(reparse(dir, "0003-implement-as-shell-scripts.md").status).toBe("deprecated");
  });

  it("resolves a path relative to --cwd", async () => {
    const dir = repo();
    const result = await runAdrgen(["status", "0001-use-postgresql.md", "accepted", "--cwd", "doc/adr"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("0001-use-postgresql.md\n");
    expect(reparse(dir, "0001-use-postgresql.md").status).toBe("accepted");
  });

  it("leaves the file untouched when the status is already set", async () => {
    const dir = repo();
    const result = await runAdrgen(["status", "3", "accepted"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/already accepted/);
    expect(read(dir, "0003-implement-as-shell-scripts.md")).toBe(NYGARD);
  });

  it("exits 2 for a number that does not exist", async () => {
    const dir = repo();
    const result = await runAdrgen(["status", "99", "accepted"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/No ADR numbered 99/);
    expect(result.stdout).toBe("");
  });

  it("exits 2 for an unknown status, listing the choices, and writes nothing", async () => {
    const dir = repo();
    const result = await runAdrgen(["status", "1", "on-hold"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown status "on-hold"/);
    expect(result.stderr).toMatch(/proposed, accepted, rejected, deprecated, superseded/);
    expect(read(dir, "0001-use-postgresql.md")).toBe(MADR4);
  });

  it("refuses to rewrite a binary .md file", async () => {
    const dir = repo();
    const result = await runAdrgen(["status", "4", "accepted"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Cannot edit doc\/adr\/0004-binary.md/);
    expect(readFileSync(path.join(dir, "doc/adr/0004-binary.md"))).toEqual(Buffer.from([0, 1, 2, 3, 0, 255, 254, 0]));
  });
});
