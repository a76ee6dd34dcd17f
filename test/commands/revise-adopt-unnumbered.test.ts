// `revise --adopt` of log4brains files (`20210101-slug.md`) and bare `slug.md` files: the ADR takes
// the next free number of its directory, is renamed with `git mv` when tracked, and links follow.
import { afterAll, describe, expect, it } from "@jest/globals";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { runAdrgen } from "../helpers/run.js";
import { cleanupTempDirs, git, makeGitRepo } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

const log4brains = (title: string, status: string, date: string, more = "") => `# ${title}

- Status: ${status}
- Date: ${date}

## Context and Problem Statement

Orders must reach the billing service asynchronously.

## Considered Options

- Kafka
- RabbitMQ

## Decision Outcome

Chosen option: "Kafka", because it keeps a replayable log.
${more}`;

const KAFKA = "docs/adr/20210101-choose-a-message-broker.md";
const LINKING = "docs/adr/20210202-use-avro-schemas.md";

function repo(extra: Record<string, string> = {}): string {
  return makeGitRepo({
    "docker-compose.yml": "services:\n  broker:\n    image: apache/kafka:3.7.0\n",
    [KAFKA]: log4brains("Choose a message broker", "proposed", "2021-01-01"),
    [LINKING]: `# Use Avro schemas\n\n- Status: accepted\n- Date: 2021-02-02\n\n## Context and Problem Statement\n\nMessages on the broker chosen in [Choose a message broker](20210101-choose-a-message-broker.md) need schemas.\n\n- Relates to [20210101-choose-a-message-broker](./20210101-choose-a-message-broker.md)\n`,
    ...extra,
  });
}
const read = (dir: string, rel: string) => readFileSync(path.join(dir, rel), "utf8");

describe("revise --adopt of an unnumbered ADR", () => {
  it("renames a tracked log4brains file to the next free number with git mv and relinks the ADRs that point at it", async () => {
    const dir = repo();
    const result = await runAdrgen(["revise", KAFKA, "--adopt", "--yes", "--json"], { cwd: dir });
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: expect.stringContaining("renames it to 0001-choose-a-message-broker.md") });
    const json = JSON.parse(result.stdout) as { path: string; number: number; renamedFrom: string; written: boolean };
    expect(json).toMatchObject({ path: "docs/adr/0001-choose-a-message-broker.md", number: 1, renamedFrom: KAFKA, written: true });
    expect(existsSync(path.join(dir, KAFKA))).toBe(false);
    const adopted = read(dir, json.path);
    expect(adopted).toContain("adrgen:decision");
    expect(adopted).toContain("Orders must reach the billing service asynchronously.");
    // git sees a rename, staged by git mv.
    expect(git(dir, "status", "--porcelain", "--", "docs/adr").split("\n")).toContainEqual(expect.stringMatching(/^R. docs\/adr\/20210101-choose-a-message-broker\.md -> docs\/adr\/0001-choose-a-message-broker\.md$/));
    expect(read(dir, LINKING)).toContain("[Choose a message broker](0001-choose-a-message-broker.md)");
    // A log4brains slug label follows the new name.
    expect(read(dir, LINKING)).toContain("- Relates to [0001-choose-a-message-broker](./0001-choose-a-message-broker.md)");
    // Adopted means revisable by number from now on, and up to date.
    const again = await runAdrgen(["revise", "1", "--dry-run", "--exit-code"], { cwd: dir });
    expect({ code: again.code, stdout: again.stdout }).toEqual({ code: 0, stdout: "" });
  });

  it("--dry-run says what the name would become and renames nothing", async () => {
    const dir = repo();
    const result = await runAdrgen(["revise", KAFKA, "--adopt", "--dry-run"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("would rename it to 0001-choose-a-message-broker.md");
    expect(read(dir, KAFKA)).toBe(log4brains("Choose a message broker", "proposed", "2021-01-01"));
    expect(git(dir, "status", "--porcelain").trim()).toBe("");
  });

  it("a slug-only file takes the number after the highest one in its directory", async () => {
    const dir = repo({ "docs/adr/0007-record-decisions.md": "# 7. Record decisions\n\nDate: 2021-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nWe record decisions.\n", "docs/adr/choose-a-queue.md": log4brains("Choose a message broker", "proposed", "2021-03-03") });
    const result = await runAdrgen(["revise", "docs/adr/choose-a-queue.md", "--adopt", "--yes"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(existsSync(path.join(dir, "docs/adr/0008-choose-a-queue.md"))).toBe(true);
    expect(existsSync(path.join(dir, "docs/adr/choose-a-queue.md"))).toBe(false);
  });

  it("--branch --commit commits the rename, the adopted text and the relinked ADR together", async () => {
    const dir = repo();
    const result = await runAdrgen(["revise", KAFKA, "--adopt", "--yes", "--branch", "--commit"], { cwd: dir });
    expect(result.code).toBe(0);
    const committed = git(dir, "show", "--no-renames", "--name-status", "--format=", "HEAD").trim().split("\n").sort();
    expect(committed).toEqual([`A\tdocs/adr/0001-choose-a-message-broker.md`, `D\t${KAFKA}`, `M\t${LINKING}`]);
    expect(git(dir, "status", "--porcelain").trim()).toBe("");
  });

  it("without --adopt an unnumbered file is refused with a hint to adopt it (exit 2), nothing written", async () => {
    const dir = repo();
    const result = await runAdrgen(["revise", KAFKA, "--yes"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--adopt");
    expect(read(dir, KAFKA)).toBe(log4brains("Choose a message broker", "proposed", "2021-01-01"));
  });
});
