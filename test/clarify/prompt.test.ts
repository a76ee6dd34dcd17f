import { describe, expect, it } from "@jest/globals";
import { PassThrough } from "node:stream";
import { ASSUME } from "../../src/clarify/answers.js";
import { ABORTED_MESSAGE, createInquirerPrompter, openKeys, resolveAnswers, type Prompter } from "../../src/clarify/prompt.js";
import type { ClarifyingQuestion, QuestionPlan } from "../../src/clarify/types.js";
import { AdrgenError } from "../../src/domain/errors.js";

function question(key: string, values: string[], assumption: string): ClarifyingQuestion {
  return {
    key,
    dimension: key.startsWith("scale") ? "scale" : "consistency",
    prompt: `What about ${key}?`,
    why: "It matters.",
    choices: values.map((value) => ({ value, label: `label ${value}` })),
    assumption: { value: assumption, statement: `Assume ${assumption} for ${key}.` },
  };
}

const QUESTIONS = [question("scale.rps", ["low", "high"], "low"), question("mb.replay", ["yes", "no"], "no"), question("mb.order", ["none", "key"], "none"), question("mb.delivery", ["once", "many"], "many")];

/** The repository answered mb.replay; the rest are open. */
const PLAN: QuestionPlan = {
  questions: QUESTIONS,
  known: [{ key: "mb.replay", dimension: "consistency", value: "yes", source: "repo", statement: "The repo keeps an event log.", evidence: [{ file: "compose.yml", line: 3 }] }],
  open: ["scale.rps", "mb.order", "mb.delivery"],
};

/** A prompter that answers from a script and records what it was asked. */
function scriptedPrompter(script: Record<string, string>): Prompter & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async ask(q) {
      asked.push(q.key);
      return script[q.key] ?? ASSUME;
    },
  };
}

describe("resolving answers", () => {
  it("asks only open questions that were not given, and keeps question order", async () => {
    const prompter = scriptedPrompter({ "mb.order": "key", "mb.delivery": ASSUME });
    const answers = await resolveAnswers(PLAN, { given: { "scale.rps": "high" }, prompter });
    expect(prompter.asked).toEqual(["mb.order", "mb.delivery"]);
    expect(answers.map((a) => [a.key, a.value, a.source])).toEqual([
      ["scale.rps", "high", "answer"],
      ["mb.replay", "yes", "repo"],
      ["mb.order", "key", "answer"],
      ["mb.delivery", "many", "assumption"],
    ]);
    expect(answers[1]!.evidence).toEqual([{ file: "compose.yml", line: 3 }]);
    expect(answers[2]!.statement).toBe("What about mb.order? Label key.");
    // Don't know at the prompt: the stated assumption, never a silent value.
    expect(answers[3]!.statement).toBe("Assume many for mb.delivery.");
    expect(openKeys(PLAN, { "scale.rps": "high" })).toEqual(["mb.order", "mb.delivery"]);
  });

  it("without a prompter (non-interactive) every open question becomes its assumption", async () => {
    const answers = await resolveAnswers(PLAN, { given: {} });
    expect(answers.filter((a) => a.source === "assumption").map((a) => a.key)).toEqual(["scale.rps", "mb.order", "mb.delivery"]);
    expect(answers.find((a) => a.key === "scale.rps")!.statement).toBe("Assume low for scale.rps.");
  });

  it("a given 'unknown' overrides even a repository answer with the assumption", async () => {
    const prompter = scriptedPrompter({});
    const answers = await resolveAnswers(PLAN, { given: { "mb.replay": ASSUME }, prompter });
    expect(answers.find((a) => a.key === "mb.replay")).toMatchObject({ value: "no", source: "assumption" });
    expect(prompter.asked).not.toContain("mb.replay");
  });
});

/** Streams a real @inquirer/prompts select can run on, collecting what it draws. */
function terminal(): { input: PassThrough; output: PassThrough; drawn: () => string } {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = "";
  output.on("data", (chunk: Buffer) => (text += chunk.toString()));
  return { input, output, drawn: () => text };
}

describe("the inquirer prompter", () => {
  it("offers the choices plus don't know, and Enter keeps the assumption", async () => {
    const io = terminal();
    const pending = createInquirerPrompter(io).ask(QUESTIONS[1]!);
    await new Promise((resolve) => setTimeout(resolve, 50));
    io.input.write("\r");
    await expect(pending).resolves.toBe(ASSUME);
    expect(io.drawn()).toContain("What about mb.replay?");
    expect(io.drawn()).toContain("label yes");
    expect(io.drawn()).toContain("Don't know — assume: Assume no for mb.replay.");
  });

  it("arrow keys pick a real choice, which resolves to its value", async () => {
    const io = terminal();
    const pending = createInquirerPrompter(io).ask(QUESTIONS[0]!);
    await new Promise((resolve) => setTimeout(resolve, 50));
    io.input.write("\u001b[A");
    await new Promise((resolve) => setTimeout(resolve, 20));
    io.input.write("\r");
    await expect(pending).resolves.toBe("high");
  });

  it("Ctrl-C becomes a clean 'Aborted; nothing was written' usage error", async () => {
    const io = terminal();
    const pending = createInquirerPrompter(io).ask(QUESTIONS[0]!);
    await new Promise((resolve) => setTimeout(resolve, 50));
    io.input.write("\u0003");
    const error = await pending.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AdrgenError);
    expect((error as AdrgenError).message).toBe(ABORTED_MESSAGE);
    expect((error as AdrgenError).exitCode).toBe(2);
  });
});
