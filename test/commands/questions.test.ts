// `adrgen questions "<title>"`: keys, choices, what the repository answers (with evidence), the --answer line.
import { afterAll, describe, expect, it } from "@jest/globals";
import type { QuestionsResult } from "../../src/app/questions.js";
import { runAdrgen } from "../helpers/run.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";
import { copyFixture } from "../scan/fixture-repo.js";

afterAll(cleanupTempDirs);

describe("adrgen questions", () => {
  it("--json lists every question with its state; the repository's answers carry evidence", async () => {
    const repo = copyFixture("node-postgres-redis");
    const result = await runAdrgen(["questions", "choose message queue", "--json"], { cwd: repo });
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as QuestionsResult;
    expect(json.topic).toEqual({ id: "message-broker", title: "Message broker or queue" });
    const keys = json.questions.map((q) => q.key);
    expect(keys).toEqual(expect.arrayContaining(["scale.rps", "budget.ops", "message-broker.replay", "message-broker.ordering", "message-broker.delivery"]));
    const pattern = json.questions.find((q) => q.key === "message-broker.pattern")!;
    expect(pattern).toMatchObject({ status: "repo", value: "task-queue", dimension: "integration" });
    expect(pattern.evidence).toEqual(["package.json:15"]);
    const replay = json.questions.find((q) => q.key === "message-broker.replay")!;
    expect(replay).toMatchObject({ status: "open", value: "no", evidence: [] });
    expect(replay.choices.map((c) => c.value)).toEqual(["yes", "no"]);
    expect(replay.assumption.statement).toMatch(/replay/);
    // The ready-to-copy line answers exactly the open questions.
    const open = json.questions.filter((q) => q.status === "open").map((q) => `--answer ${q.key}=${q.value}`);
    expect(json.answerCommand).toBe(["adrgen new 'choose message queue'", ...open].join(" "));
    expect(json.answerCommand).not.toContain("message-broker.pattern");
  });

  it("prints the questions for humans with the choices and a ready-to-copy --answer line", async () => {
    const repo = copyFixture("node-postgres-redis");
    const result = await runAdrgen(["questions", "how", "should", "we", "do", "auth?"], { cwd: repo });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Topic authentication \(/);
    expect(result.stdout).toContain("scale.rps (scale)\n  What peak load must it handle");
    expect(result.stdout).toContain("\n  why: Peak rate separates options that run on one node from those that need partitioning or a cluster.\n");
    expect(result.stdout).toMatch(/\n {4}1k-10k +1,000 – 10,000\/s\n/);
    expect(result.stdout).toMatch(/open; would assume 100-1k — Peak load stays between 100 and 1,000/);
    expect(result.stdout).toMatch(/open questions \(edit the values; "unknown" keeps the assumption\):\n {2}adrgen new 'how should we do auth\?' --answer scale\.users=1k-100k/);
    expect(result.stderr).toContain("Scanning the repository");
  });

  it("the printed --answer line runs as is", async () => {
    const repo = copyFixture("node-postgres-redis");
    const json = JSON.parse((await runAdrgen(["questions", "choose message queue", "--json"], { cwd: repo })).stdout) as QuestionsResult;
    const args = json.answerCommand
      .replace(/^adrgen new '[^']*' /, "")
      .split(" ")
      .filter((word) => word !== "");
    const result = await runAdrgen(["new", "choose message queue", ...args, "--stdout"], { cwd: repo });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/answered by the repository, 15 by you, 0 assumed/);
  });

  it("an unknown topic is a usage error listing the topics and how to proceed", async () => {
    const result = await runAdrgen(["questions", "pick a colour for the logo"], { cwd: makeTempDir() });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/No knowledge-base topic matches "pick a colour for the logo"/);
    expect(result.stderr).toMatch(/\n {2}message-broker +Message broker or queue/);
    expect(result.stderr).toMatch(/--option A --option B/);
    expect(result.stderr).toMatch(/Anthropic engine/);
  });

  it("two --option values make an unknown topic a decision on the generic questions", async () => {
    const result = await runAdrgen(["questions", "pick a colour for the logo", "--option", "Blue", "--option", "Deep Green", "--json"], { cwd: makeTempDir() });
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as QuestionsResult;
    expect(json.topic).toEqual({ id: "custom", title: "User-given options: Blue, Deep Green" });
    expect(new Set(json.questions.map((q) => q.key.split(".")[0]))).toEqual(new Set(["scale", "latency", "consistency", "budget", "team", "security", "integration"]));
    expect(json.answerCommand).toMatch(/^adrgen new 'pick a colour for the logo' --option Blue --option 'Deep Green' --answer scale\.users=/);
  });

  it("an empty title is a usage error", async () => {
    const result = await runAdrgen(["questions", " "], { cwd: makeTempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/The title is empty/);
  });
});
