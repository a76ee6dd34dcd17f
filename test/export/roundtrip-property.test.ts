// Properties over generated ADR sets (fast-check, bounded runs): export → import into an empty repository
// reproduces every file byte for byte; import --renumber beside existing ADRs keeps every link between the
// imported ADRs pointing at the same decision, with label numbers that match the files.
import { afterAll, describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { slugify } from "../../src/domain/slug.js";
import { runAdrgen } from "../helpers/run.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

interface GenAdr {
  number: number;
  title: string;
  status: string;
  links: number[]; // indexes of other ADRs in the set
  crlf: boolean;
  frontMatter: boolean;
}

const word = fc.stringMatching(/^[A-Za-z][a-z]{1,7}$/);
const genSet = fc
  .uniqueArray(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 6 })
  .chain((numbers) =>
    fc.tuple(
      fc.constant([...numbers].sort((a, b) => a - b)),
      fc.array(
        fc.record({
          title: fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(" ")),
          status: fc.constantFrom("Accepted", "Proposed", "Deprecated"),
          links: fc.array(fc.nat(numbers.length - 1), { maxLength: 3 }),
          crlf: fc.boolean(),
          frontMatter: fc.boolean(),
        }),
        { minLength: numbers.length, maxLength: numbers.length },
      ),
    ),
  )
  .map(([numbers, parts]): GenAdr[] => numbers.map((number, i) => ({ number, ...parts[i]!, title: `${parts[i]!.title} ${i}`, links: [...new Set(parts[i]!.links)].filter((j) => j !== i) })));

const pad = (n: number) => String(n).padStart(4, "0");
const fileOf = (adr: GenAdr) => `${pad(adr.number)}-${slugify(adr.title)}.md`;

function render(adr: GenAdr, all: GenAdr[]): string {
  const links = adr.links.map((j) => `Relates to [${all[j]!.number}. ${all[j]!.title}](${fileOf(all[j]!)})`).join("\n\n");
  const body = `# ${adr.number}. ${adr.title}\n\nDate: 2026-01-10\n\n## Status\n\n${adr.status}\n\n${links ? `${links}\n\n` : ""}## Context\n\nWhy ${adr.title}.\n`;
  const text = adr.frontMatter ? `---\ntags: [gen]\n---\n${body}` : body;
  return adr.crlf ? text.replace(/\n/g, "\r\n") : text;
}

async function exported(set: GenAdr[]): Promise<{ file: string; sources: Record<string, string> }> {
  const sources = Object.fromEntries(set.map((adr) => [`docs/adr/${fileOf(adr)}`, render(adr, set)]));
  const dir = makeTempDir({ ".git/HEAD": "x", ...sources });
  const result = await runAdrgen(["export", "--out", "e.json"], { cwd: dir });
  expect(result.code).toBe(0);
  return { file: path.join(dir, "e.json"), sources };
}

describe("export → import properties", () => {
  it("an empty repository gets every file byte for byte", async () => {
    await fc.assert(
      fc.asyncProperty(genSet, async (set) => {
        const { file, sources } = await exported(set);
        const target = makeTempDir({ ".git/HEAD": "x" });
        const result = await runAdrgen(["import", file], { cwd: target });
        expect(result.code).toBe(0);
        expect(readdirSync(path.join(target, "docs/adr")).sort()).toEqual(Object.keys(sources).map((p) => path.basename(p)).sort());
        for (const [rel, text] of Object.entries(sources)) expect(readFileSync(path.join(target, rel), "utf8")).toBe(text);
      }),
      { numRuns: 12 },
    );
  });

  it("--renumber beside existing ADRs: next free numbers in order, links follow their decision, existing files untouched", async () => {
    await fc.assert(
      fc.asyncProperty(genSet, fc.uniqueArray(fc.integer({ min: 1, max: 50 }), { maxLength: 3 }), async (set, existingNumbers) => {
        const { file } = await exported(set);
        const existing = Object.fromEntries(existingNumbers.map((n) => [`docs/adr/${pad(n)}-ours-${n}.md`, `# ${n}. Ours ${n}\n\nSee [1. X](0001-x.md)\n`]));
        const target = makeTempDir({ ".git/HEAD": "x", ...existing });
        const result = await runAdrgen(["import", file, "--renumber", "--json"], { cwd: target });
        expect(result.code).toBe(0);
        const out = JSON.parse(result.stdout) as { files: Array<{ to: { path: string; number: number } }> };
        const first = Math.max(0, ...existingNumbers) + 1;
        expect(out.files.map((f) => f.to.number)).toEqual(set.map((_, i) => first + i));
        for (const [rel, text] of Object.entries(existing)) expect(readFileSync(path.join(target, rel), "utf8")).toBe(text);
        const dir = path.join(target, "docs/adr");
        const titleOf = (name: string) => /^# (\d+)\. (.*)$/m.exec(readFileSync(path.join(dir, name), "utf8").replace(/\r/g, ""));
        set.forEach((adr, i) => {
          const name = path.basename(out.files[i]!.to.path);
          const text = readFileSync(path.join(dir, name), "utf8");
          expect(titleOf(name)!.slice(1)).toEqual([String(first + i), adr.title]);
          expect(text.includes("\r\n")).toBe(adr.crlf);
          const links = [...text.matchAll(/Relates to \[(\d+)\. ([^\]]+)\]\(([^)]+)\)/g)];
          expect(links).toHaveLength(adr.links.length);
          for (const [, labelNumber, labelTitle, target] of links) {
            const h1 = titleOf(target!);
            expect(h1).not.toBeNull();
            expect([h1![1], h1![2]]).toEqual([labelNumber, labelTitle]);
          }
        });
      }),
      { numRuns: 12 },
    );
  });
});
