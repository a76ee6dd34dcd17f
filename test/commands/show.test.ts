import { afterAll, describe, expect, it } from "@jest/globals";
import { runAdrgen } from "../helpers/run.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

const ADR = `---\nstatus: proposed\ndate: 2024-05-06\ndecision-makers: Ann\n---\n\n# Use Redis\n\n## Context and Problem Statement\n\nWe need a cache.\n\n## Considered Options\n\n* Redis\n* Memcached\n\n## Decision Outcome\n\nChosen option: "Redis", because it is known.\n`;

function repo() {
  return makeTempDir({
    ".git/HEAD": "ref: refs/heads/main\n",
    "docs/adr/0001-use-redis.md": ADR,
    "docs/adr/0002-dup-a.md": "# A\n",
    "docs/adr/0002-dup-b.md": "# B\n",
    "docs/adr/0003-image.md": Buffer.from([0x89, 0x50, 0, 0, 1]),
  });
}

describe("adrgen show", () => {
  it("prints the markdown of an ADR by number", async () => {
    const result = await runAdrgen(["show", "1"], { cwd: repo() });
    expect(result).toMatchObject({ code: 0, stdout: ADR, stderr: "" });
  });

  it("accepts a path relative to the working directory", async () => {
    const cwd = repo();
    const result = await runAdrgen(["show", "0001-use-redis.md"], { cwd: `${cwd}/docs/adr` });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(ADR);
  });

  it("prints the parsed record with --json", async () => {
    const result = await runAdrgen(["show", "0001", "--json"], { cwd: repo() });
    expect(result.code).toBe(0);
    const record = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(record).toMatchObject({
      number: 1,
      title: "Use Redis",
      status: "proposed",
      date: "2024-05-06",
      path: "docs/adr/0001-use-redis.md",
      dir: "docs/adr",
      format: "madr4",
      decisionMakers: ["Ann"],
      consideredOptions: ["Redis", "Memcached"],
      chosenOption: "Redis",
      statusStyle: "front-matter",
      statusLine: 2,
      titleLine: 7,
      diagnostics: [],
    });
    expect(record).not.toHaveProperty("text");
    expect((record.sections as Array<{ heading: string }>).map((s) => s.heading)).toEqual(["Use Redis", "Context and Problem Statement", "Considered Options", "Decision Outcome"]);
  });

  it("exits 2 for an unknown number, with a hint", async () => {
    const result = await runAdrgen(["show", "99"], { cwd: repo() });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/No ADR numbered 99 in docs\/adr/);
    expect(result.stderr).toMatch(/hint.*adrgen list/);
  });

  it("exits 2 for a duplicated number, naming the candidates", async () => {
    const result = await runAdrgen(["show", "2"], { cwd: repo() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("docs/adr/0002-dup-a.md");
    expect(result.stderr).toContain("docs/adr/0002-dup-b.md");
  });

  it("exits 2 for a binary file", async () => {
    const result = await runAdrgen(["show", "3"], { cwd: repo() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/binary/);
  });
});
