import { afterAll, describe, expect, it } from "@jest/globals";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { runAdrgen } from "../helpers/run.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

const nygard = (n: number, title: string, extra = "") => `# ${n}. ${title}

Date: 2026-01-10

## Status

Accepted
${extra}
## Context

Text ${n}.

## Decision

We will do ${n}.

## Consequences

Fine.
`;

function repo(): string {
  return makeTempDir({
    "docs/adr/0001-record-decisions.md": nygard(1, "Record decisions"),
    "docs/adr/0002-use-kafka.md": nygard(2, "Use Kafka", "\nSuperseded by [3. Use NATS](0003-use-nats.md)\n"),
    "docs/adr/0003-use-nats.md": nygard(3, "Use NATS", "\nSupersedes [2. Use Kafka](0002-use-kafka.md)\n"),
  });
}

const read = (dir: string, file: string) => readFileSync(path.join(dir, "docs/adr", file), "utf8");

describe("adrgen renumber", () => {
  it("--to moves the file outside git, fixes the title and every link, and refreshes the index", async () => {
    const dir = repo();
    await runAdrgen(["index"], { cwd: dir });
    const result = await runAdrgen(["renumber", "3", "--to", "12", "--json"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      from: { path: "docs/adr/0003-use-nats.md", number: 3 },
      to: { path: "docs/adr/0012-use-nats.md", number: 12 },
      relinked: ["docs/adr/0002-use-kafka.md"],
      index: ["docs/adr/README.md"],
      git: false,
    });
    expect(existsSync(path.join(dir, "docs/adr/0003-use-nats.md"))).toBe(false);
    // Only the title's number changes; the body ("Text 3.") is kept as written.
    expect(read(dir, "0012-use-nats.md")).toBe(nygard(3, "Use NATS", "\nSupersedes [2. Use Kafka](0002-use-kafka.md)\n").replace("# 3. Use NATS", "# 12. Use NATS"));
    expect(read(dir, "0002-use-kafka.md")).toContain("Superseded by [12. Use NATS](0012-use-nats.md)");
    expect(read(dir, "README.md")).toContain("[Use NATS](0012-use-nats.md)");
    expect(read(dir, "README.md")).not.toContain("0003");
    expect((await runAdrgen(["check", "--no-drift"], { cwd: dir })).code).toBe(0);
  });

  it("refuses a number another ADR has, changing nothing", async () => {
    const dir = repo();
    const result = await runAdrgen(["renumber", "3", "--to", "2"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("ADR number 2 is taken by 0002-use-kafka.md");
    expect(read(dir, "0003-use-nats.md")).toBe(nygard(3, "Use NATS", "\nSupersedes [2. Use Kafka](0002-use-kafka.md)\n"));
  });

  it("--next takes the directory's next free number", async () => {
    const dir = repo();
    const result = await runAdrgen(["renumber", "docs/adr/0001-record-decisions.md", "--next"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe("docs/adr/0004-record-decisions.md");
    expect(read(dir, "0004-record-decisions.md").startsWith("# 4. Record decisions\n")).toBe(true);
  });

  it("asks for --to or --next, and not both (exit 2)", async () => {
    const dir = repo();
    expect((await runAdrgen(["renumber", "3"], { cwd: dir })).code).toBe(2);
    expect((await runAdrgen(["renumber", "3", "--to", "9", "--next"], { cwd: dir })).code).toBe(2);
    expect((await runAdrgen(["renumber", "42", "--next"], { cwd: dir })).code).toBe(2);
  });
});
