import { afterAll, describe, expect, it } from "@jest/globals";
import path from "node:path";
import { ASSUME, matchChoice, parseAnswerFlags, readAnswersFile, validateAnswers } from "../../src/clarify/answers.js";
import type { ClarifyingQuestion } from "../../src/clarify/types.js";
import { AdrgenError } from "../../src/domain/errors.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

const QUESTIONS: ClarifyingQuestion[] = [
  {
    key: "scale.rps",
    dimension: "scale",
    prompt: "Peak load?",
    why: "Sizing.",
    choices: [
      { value: "lt-100", label: "under 100/s" },
      { value: "1k-10k", label: "1,000 – 10,000/s" },
    ],
    assumption: { value: "lt-100", statement: "Under 100/s." },
  },
  {
    key: "message-broker.replay",
    dimension: "consistency",
    prompt: "Replay?",
    why: "Retention.",
    choices: [
      { value: "yes", label: "yes, history must be re-readable" },
      { value: "no", label: "no" },
    ],
    assumption: { value: "no", statement: "No replay." },
  },
];

function usageFailure(run: () => unknown): AdrgenError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AdrgenError);
    expect((error as AdrgenError).exitCode).toBe(2);
    return error as AdrgenError;
  }
  throw new Error("expected a usage error");
}

async function asyncUsageFailure(run: () => Promise<unknown>): Promise<AdrgenError> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AdrgenError);
  expect((error as AdrgenError).exitCode).toBe(2);
  return error as AdrgenError;
}

describe("--answer key=value", () => {
  it("splits at the first = and trims", () => {
    expect(parseAnswerFlags(["scale.rps=1k-10k", " message-broker.replay = yes ", "a.b=x=y"])).toEqual([
      { key: "scale.rps", value: "1k-10k", origin: "--answer" },
      { key: "message-broker.replay", value: "yes", origin: "--answer" },
      { key: "a.b", value: "x=y", origin: "--answer" },
    ]);
  });

  it("lists every flag without = or key in one usage error", () => {
    const error = usageFailure(() => parseAnswerFlags(["scale.rps", "ok.key=1", "=yes"]));
    expect(error.message).toContain('--answer "scale.rps": expected key=value');
    expect(error.message).toContain('--answer "=yes": expected key=value');
    expect(error.message).not.toContain("ok.key");
    expect(error.hint).toMatch(/adrgen questions/);
  });
});

describe("validating answers against the questions", () => {
  it("accepts values and labels case-insensitively, and unknown/don't know as the assumption", () => {
    const result = validateAnswers(
      [
        { key: "scale.rps", value: "UNDER 100/s", origin: "--answer" },
        { key: "message-broker.replay", value: "Yes", origin: "a.yaml" },
      ],
      QUESTIONS,
    );
    expect(result).toEqual({ "scale.rps": "lt-100", "message-broker.replay": "yes" });
    for (const word of ["unknown", "dont-know", "Don't know", "assume"]) {
      expect(matchChoice(QUESTIONS[0]!, word)).toBe(ASSUME);
    }
  });

  it("later answers win (flags after the file)", () => {
    const result = validateAnswers(
      [
        { key: "scale.rps", value: "lt-100", origin: "a.yaml" },
        { key: "scale.rps", value: "1k-10k", origin: "--answer" },
      ],
      QUESTIONS,
    );
    expect(result["scale.rps"]).toBe("1k-10k");
  });

  it("reports unknown keys, wrong types and values not allowed, all at once, with the allowed values", () => {
    const error = usageFailure(() =>
      validateAnswers(
        [
          { key: "scale.rpm", value: "x", origin: "a.yaml" },
          { key: "scale.rps", value: 5000, origin: "a.yaml" },
          { key: "message-broker.replay", value: "sometimes", origin: "--answer" },
        ],
        QUESTIONS,
      ),
    );
    expect(error.message).toContain("scale.rpm (a.yaml): unknown question key; this decision's keys are scale.rps, message-broker.replay");
    expect(error.message).toMatch(/scale\.rps \(a\.yaml\): expected text, got number; allowed: lt-100 \(under 100\/s\), 1k-10k/);
    expect(error.message).toMatch(/message-broker\.replay \(--answer\): "sometimes" is not allowed; use one of: yes \(yes, history must be re-readable\), no \(no\), or unknown/);
  });
});

describe("--answers file", () => {
  it("reads YAML and JSON maps", async () => {
    const dir = makeTempDir({ "a.yaml": "scale.rps: 1k-10k\nmessage-broker.replay: unknown\n", "a.json": '{"scale.rps": "lt-100"}' });
    expect(await readAnswersFile("a.yaml", dir)).toEqual([
      { key: "scale.rps", value: "1k-10k", origin: "a.yaml" },
      { key: "message-broker.replay", value: "unknown", origin: "a.yaml" },
    ]);
    expect(await readAnswersFile(path.join(dir, "a.json"), "/")).toEqual([{ key: "scale.rps", value: "lt-100", origin: path.join(dir, "a.json") }]);
  });

  it("rejects a missing file, broken syntax and a list instead of a map (exit 2)", async () => {
    const dir = makeTempDir({ "broken.yaml": "scale.rps: [1k\n", "list.yaml": "- scale.rps\n", "scalar.json": "42" });
    expect((await asyncUsageFailure(() => readAnswersFile("missing.yaml", dir))).message).toMatch(/Cannot read the answers file missing\.yaml/);
    expect((await asyncUsageFailure(() => readAnswersFile("broken.yaml", dir))).message).toMatch(/^broken\.yaml:\d+:\d+: answers file is not valid YAML: /);
    expect((await asyncUsageFailure(() => readAnswersFile("list.yaml", dir))).message).toMatch(/must be a map of answer keys/);
    expect((await asyncUsageFailure(() => readAnswersFile("scalar.json", dir))).message).toMatch(/must be a map of answer keys/);
  });

  it("an empty file means no answers", async () => {
    const dir = makeTempDir({ "empty.yaml": "" });
    expect(await readAnswersFile("empty.yaml", dir)).toEqual([]);
  });
});
