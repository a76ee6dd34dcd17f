// Issue 9 §3: parse → render → parse of MADR 4 ADRs is stable. An ADR rendered from arbitrary content
// parses back to that content, and re-rendering what was parsed gives a file that parses the same.
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import path from "node:path";
import type { AdrRecord } from "../../src/domain/adr.js";
import { parseAdr } from "../../src/markdown/parse.js";
import { builtinTemplatesDir, renderTemplate, type TemplateChoice } from "../../src/render/templates.js";
import { buildViewModel, type ViewModelInput } from "../../src/render/view-model.js";

const RUNS = Number(process.env.ADRGEN_FUZZ_RUNS ?? 40);
const MADR4: TemplateChoice = { name: "madr4", file: path.join(builtinTemplatesDir(), "madr4.hbs"), builtin: true };
const FILE = { path: "/repo/docs/adr/0007-x.md", relPath: "docs/adr/0007-x.md", dirLabel: "docs/adr" };

const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,9}$/);
const phrase = (max: number) => fc.array(word, { minLength: 1, maxLength: max }).map((words) => words.join(" "));
const sentence = fc.tuple(phrase(8), fc.constantFrom(".", "!", "?", " (see docs).", ": 99.9% of requests.", ", e.g. 10 ms.")).map(([text, end]) => text + end);
const date = fc.date({ min: new Date("1990-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const adrInput = fc
  .record({
    title: phrase(8),
    status: fc.constantFrom("proposed", "accepted", "rejected", "deprecated"),
    date,
    decisionMakers: fc.uniqueArray(phrase(3), { maxLength: 3 }),
    context: sentence,
    drivers: fc.array(sentence, { maxLength: 3 }),
    options: fc.uniqueArray(phrase(4), { minLength: 2, maxLength: 4, selector: (o) => o.toLowerCase() }),
    chosenIndex: fc.nat(),
    justification: phrase(8),
    good: fc.array(phrase(6), { minLength: 1, maxLength: 3 }),
    bad: fc.array(phrase(6), { maxLength: 3 }),
  })
  .map((r): ViewModelInput => ({
    number: 7,
    title: r.title,
    date: r.date,
    status: r.status,
    decisionMakers: r.decisionMakers,
    sections: {
      context: r.context,
      decisionDrivers: r.drivers,
      consideredOptions: r.options.map((title) => ({ title })),
      chosenOption: r.options[r.chosenIndex % r.options.length],
      justification: r.justification,
      consequences: { good: r.good, bad: r.bad },
    },
  }));

/** What must survive a round trip. */
const essence = (record: AdrRecord) => ({
  format: record.format,
  title: record.title,
  status: record.status,
  date: record.date,
  decisionMakers: record.decisionMakers,
  consideredOptions: record.consideredOptions,
  chosenOption: record.chosenOption,
  sections: record.sections.map((s) => [s.depth, s.heading, s.body]),
  errors: record.diagnostics.filter((d) => d.severity === "error").length,
});

const section = (record: AdrRecord, heading: string) => record.sections.find((s) => s.heading === heading)?.body;
const bullets = (body: string | undefined, prefix: string) =>
  (body ?? "").split("\n").filter((line) => line.startsWith(`* ${prefix}`)).map((line) => line.slice(`* ${prefix}`.length).trim());

/** Rebuilds renderer input from a parsed record alone. */
function inputFromRecord(record: AdrRecord): ViewModelInput {
  const outcome = section(record, "Decision Outcome") ?? "";
  const justification = /because (.*)\.$/m.exec(outcome)?.[1];
  return {
    number: 7,
    title: record.title ?? "",
    date: record.date ?? "",
    status: record.status ?? undefined,
    decisionMakers: record.decisionMakers,
    sections: {
      context: section(record, "Context and Problem Statement"),
      decisionDrivers: bullets(section(record, "Decision Drivers"), ""),
      consideredOptions: record.consideredOptions.map((title) => ({ title })),
      chosenOption: record.chosenOption ?? undefined,
      justification,
      consequences: { good: bullets(section(record, "Consequences"), "Good, because"), bad: bullets(section(record, "Consequences"), "Bad, because") },
    },
  };
}

describe("MADR 4 round trip", () => {
  it("render → parse recovers the content; parse → render → parse is stable", async () => {
    await fc.assert(
      fc.asyncProperty(adrInput, async (input) => {
        const first = parseAdr(await renderTemplate(MADR4, buildViewModel(input)), FILE);
        expect(first.format).toBe("madr4");
        expect({ title: first.title, status: first.status, date: first.date, options: first.consideredOptions, chosen: first.chosenOption }).toEqual({
          title: input.title,
          status: input.status,
          date: input.date,
          options: input.sections!.consideredOptions!.map((o) => o.title),
          chosen: input.sections!.chosenOption,
        });
        expect(first.decisionMakers).toEqual(input.decisionMakers);
        const second = parseAdr(await renderTemplate(MADR4, buildViewModel(inputFromRecord(first))), FILE);
        expect(essence(second)).toEqual(essence(first));
      }),
      { numRuns: RUNS },
    );
  });
});
