import { afterAll, describe, expect, it } from "@jest/globals";
import { runAdrgen } from "../helpers/run.js";
import path from "node:path";
import { cleanupTempDirs, makeTempDir, writeFiles } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

const BROKER = `---
status: proposed
date: 2024-03-01
tags: [messaging, events]
---

# Choose a message broker

## Context and Problem Statement

Orders emit events that several services consume.

## Decision Outcome

Chosen option: "Kafka", because Kafka keeps a replayable log.
`;

const POSTGRES = `# 1. Use PostgreSQL for orders

Date: 2024-01-10

## Status

Accepted

## Context

Orders need transactions. Kafka was not considered here.
`;

const CACHE = `---
status: accepted
tags: [caching]
---

# Cache sessions in Redis

Sessions live in Redis. Event sourcing is out of scope.
`;

function repo(): string {
  return makeTempDir({
    "docs/adr/0001-use-postgresql.md": POSTGRES,
    "docs/adr/0002-choose-a-message-broker.md": BROKER,
    "docs/adr/0003-cache-sessions.md": CACHE,
    "docs/adr/0004-binary.md": Buffer.from([0, 1, 2, 3, 0, 255]),
  });
}

describe("adrgen search", () => {
  it("prints one block per hit, best first, with path:line and the matching lines", async () => {
    const cwd = repo();
    const result = await runAdrgen(["search", "kafka"], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        "0002  Choose a message broker  [proposed]  #messaging #events",
        '  docs/adr/0002-choose-a-message-broker.md:15: Chosen option: "Kafka", because Kafka keeps a replayable log.',
        "",
        "0001  Use PostgreSQL for orders  [accepted]",
        "  docs/adr/0001-use-postgresql.md:11: Orders need transactions. Kafka was not considered here.",
        "",
      ].join("\n"),
    );
  });

  it("shows paths relative to the directory it runs in", async () => {
    const root = repo();
    writeFiles(root, { ".git/HEAD": "ref: refs/heads/main\n" });
    const result = await runAdrgen(["search", "redis"], { cwd: path.join(root, "docs/adr") });
    expect(result.stdout).toContain("  0003-cache-sessions.md:8: Sessions live in Redis.");
  });

  it("prints JSON hits with score and matches", async () => {
    const cwd = repo();
    const result = await runAdrgen(["search", "orders", "--json"], { cwd });
    expect(result.code).toBe(0);
    const hits = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(hits.map((h) => h.number)).toEqual([1, 2]);
    expect(hits[0]).toMatchObject({ title: "Use PostgreSQL for orders", status: "accepted", date: "2024-01-10", tags: [], path: "docs/adr/0001-use-postgresql.md", dir: "docs/adr" });
    expect(hits[0]!.matches).toEqual([
      { line: 1, text: "1. Use PostgreSQL for orders" },
      { line: 11, text: "Orders need transactions. Kafka was not considered here." },
    ]);
    expect(hits[0]!.score as number).toBeGreaterThan(hits[1]!.score as number);
  });

  it("filters by --status (any) and --tag (all), and takes --limit", async () => {
    const cwd = repo();
    const json = async (...args: string[]) => JSON.parse((await runAdrgen(["search", ...args, "--json"], { cwd })).stdout) as Array<{ number: number }>;
    expect((await json("kafka", "--status", "proposed")).map((h) => h.number)).toEqual([2]);
    expect((await json("kafka", "--status", "rejected,accepted")).map((h) => h.number)).toEqual([1]);
    expect((await json("events", "--tag", "messaging", "--tag", "EVENTS")).map((h) => h.number)).toEqual([2]);
    expect((await json("kafka", "--limit", "1")).map((h) => h.number)).toEqual([2]);
  });

  it("supports quoted phrases and -exclusions", async () => {
    const cwd = repo();
    const json = async (...args: string[]) => JSON.parse((await runAdrgen(["search", ...args, "--json"], { cwd })).stdout) as Array<{ number: number }>;
    expect((await json('"event sourcing"')).map((h) => h.number)).toEqual([3]);
    // A leading "-" would read as a flag: inside one quoted argument, or after --, it is an exclusion.
    expect((await json("kafka -transactions")).map((h) => h.number)).toEqual([2]);
    const dashed = await runAdrgen(["search", "--json", "--", "kafka", "-transactions"], { cwd });
    expect((JSON.parse(dashed.stdout) as Array<{ number: number }>).map((h) => h.number)).toEqual([2]);
  });

  it("exits 1 with a note on stderr and nothing on stdout when nothing matches", async () => {
    const cwd = repo();
    const result = await runAdrgen(["search", "graphql"], { cwd });
    expect(result).toMatchObject({ code: 1, stdout: "" });
    expect(result.stderr).toContain('No ADR matches "graphql" in docs/adr.');
    const json = await runAdrgen(["search", "graphql", "--json"], { cwd });
    expect(json).toMatchObject({ code: 1, stdout: "[]\n" });
  });

  it("rejects a bad --limit or an empty query with exit 2", async () => {
    const result = await runAdrgen(["search", "kafka", "--limit", "0"], { cwd: repo() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--limit must be a whole number");
    for (const args of [["search"], ["search", "  "]]) {
      const empty = await runAdrgen(args, { cwd: repo() });
      expect(empty.code).toBe(2);
      expect(empty.stderr).toContain("The search query is empty.");
    }
    for (const raw of ["abc", "1.5", ""]) {
      const bad = await runAdrgen(["search", "kafka", "--limit", raw], { cwd: repo() });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain(`--limit must be a whole number of at least 1, not ${JSON.stringify(raw)}.`);
    }
  });

  it("refuses a query with nothing to look for (only exclusions, empty quotes) with exit 2 and a hint", async () => {
    const only = await runAdrgen(["search", "--", "-postgres"], { cwd: repo() });
    expect(only.code).toBe(2);
    expect(only.stderr).toContain('The search query "-postgres" has no words to look for, only words to leave out.');
    expect(only.stderr).toMatch(/hint .*adrgen list/);
    const quote = await runAdrgen(["search", '"'], { cwd: repo() });
    expect(quote.code).toBe(2);
    expect(quote.stderr).toContain("has no words to look for.");
  });

  it("highlights matched words in bold when colour is on", async () => {
    const result = await runAdrgen(["search", "redis"], { cwd: repo(), env: { FORCE_COLOR: "1", NO_COLOR: undefined } });
    expect(result.stdout).toContain("\u001b[1mRedis\u001b[22m");
    expect(result.stdout).toContain("\u001b[32m[accepted]");
  });
});
