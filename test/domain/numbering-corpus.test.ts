// The next number adrgen picks in real ADR directories agrees with how the parser reads numbers.
import { describe, expect, it } from "@jest/globals";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { adrNumberFromFileName, nextAdrNumber } from "../../src/domain/numbering.js";
import { numberFromFileName } from "../../src/markdown/numbers.js";
import { PROJECT_ROOT } from "../helpers/spawn.js";

const CORPUS = path.resolve(PROJECT_ROOT, "../shared/adr-corpus");
const describeCorpus = existsSync(CORPUS) ? describe : describe.skip;

describeCorpus("numbering over the real ADR corpus", () => {
  const dirs = existsSync(CORPUS) ? readdirSync(CORPUS, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name) : [];

  it.each(dirs)("%s: every file name's number matches the parser's reading", (dir) => {
    for (const name of readdirSync(path.join(CORPUS, dir))) {
      expect([name, adrNumberFromFileName(name)]).toEqual([name, numberFromFileName(name)]);
    }
  });

  it("picks the highest + 1 despite duplicates, and 1 for date-named files", () => {
    const next = (dir: string) => nextAdrNumber(readdirSync(path.join(CORPUS, dir)));
    expect(next("npryce__adr-tools")).toBe(10);
    expect(next("thomvaill__log4brains")).toBe(1);
    expect(next("elastisys__compliantkubernetes")).toBe(57);
    const brighter = readdirSync(path.join(CORPUS, "BrighterCommand__Brighter"));
    expect(next("BrighterCommand__Brighter")).toBe(Math.max(...brighter.map((n) => numberFromFileName(n) ?? 0)) + 1);
  });
});
