// The parser and the fast reader over the real-world ADR corpus (../shared/adr-corpus; skipped when absent).
import { describe, expect, it } from "@jest/globals";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { AdrRecord, AdrSummary } from "../../src/domain/adr.js";
import { readAdrSummary } from "../../src/markdown/fast.js";
import { parseAdr } from "../../src/markdown/parse.js";
import { isAdrFileName } from "../../src/store/read.js";
import { PROJECT_ROOT } from "../helpers/spawn.js";

const CORPUS = path.resolve(PROJECT_ROOT, "../shared/adr-corpus");
const present = existsSync(path.join(CORPUS, "MANIFEST.tsv"));
const describeCorpus = present ? describe : describe.skip;
const SHARED = ["number", "title", "status", "date", "dateRaw", "format", "supersedes", "supersededBy", "links", "tags"] as const;

interface Parsed {
  name: string;
  record: AdrRecord;
  summary: AdrSummary;
}

const cache = new Map<string, Parsed[]>();

// Every .md of one corpus folder, parsed by both readers once; `adrsOnly` drops README/index/templates.
function readRepo(dir: string, { adrsOnly = true } = {}): Parsed[] {
  const abs = path.join(CORPUS, dir);
  if (!cache.has(dir)) {
    const parsed = readdirSync(abs)
      .filter((name) => name.endsWith(".md"))
      .sort()
      .map((name) => {
        const file = { path: path.join(abs, name), relPath: `${dir}/${name}`, dirLabel: dir };
        const text = readFileSync(file.path, "utf8");
        return { name, record: parseAdr(text, file), summary: readAdrSummary(text, file) };
      });
    cache.set(dir, parsed);
  }
  return cache.get(dir)!.filter((p) => !adrsOnly || isAdrFileName(p.name));
}

const pick = (adr: AdrSummary) => Object.fromEntries(SHARED.map((key) => [key, adr[key]]));
const byName = (all: Parsed[], prefix: string) => all.find((p) => p.name.startsWith(prefix))!.record;

describeCorpus("the ADR corpus", () => {
  const repos = present ? readdirSync(CORPUS).filter((d) => !d.includes(".")) : [];

  it("holds the five repositories the MANIFEST lists", () => {
    const manifest = readFileSync(path.join(CORPUS, "MANIFEST.tsv"), "utf8").trim().split("\n").slice(1);
    expect(repos.sort()).toEqual(manifest.map((row) => row.split("\t")[0]!.replace("/", "__")).sort());
  });

  it("parses every .md without throwing, and both readers agree on the shared fields", () => {
    let count = 0;
    for (const repo of repos) {
      for (const { name, record, summary } of readRepo(repo, { adrsOnly: false })) {
        count++;
        expect({ name, ...pick(summary) }).toEqual({ name, ...pick(record) });
        expect(record.sections.length).toBeGreaterThan(0);
      }
    }
    expect(count).toBeGreaterThan(190);
  });

  it("adr-tools: 9 accepted nygard ADRs with titles without their number", () => {
    const all = readRepo("npryce__adr-tools");
    expect(all).toHaveLength(9);
    for (const { record } of all) {
      expect(record).toMatchObject({ status: "accepted", format: "nygard", statusStyle: "section" });
      expect(record.title).not.toMatch(/^\d/);
      expect(record.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(all.map((p) => p.record.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(byName(all, "0001").title).toBe("Record architecture decisions");
    expect(byName(all, "0005").links).toEqual([{ number: 9, target: "0009-help-scripts.md", type: "amended by", line: 9 }]);
    expect(byName(all, "0009").links).toEqual([expect.objectContaining({ number: 5, type: "amends" })]);
  });

  it("log4brains: no numbers, and the 20200926 ADR is superseded by the 20201016 one", () => {
    const all = readRepo("thomvaill__log4brains");
    expect(all).toHaveLength(9);
    expect(all.every((p) => p.record.number === null && p.record.format === "log4brains")).toBe(true);
    const old = byName(all, "20200926");
    expect(old.status).toBe("superseded");
    expect(old.supersededBy).toEqual([expect.objectContaining({ number: null, target: "20201016-use-the-adr-slug-as-its-unique-id.md" })]);
    expect(byName(all, "20201016").supersedes).toEqual([expect.objectContaining({ target: "20200926-use-the-adr-number-as-its-unique-id.md" })]);
  });

  it("Brighter: duplicate numbers, created: dates, lower-cased statuses, titles without numbers", () => {
    const all = readRepo("BrighterCommand__Brighter");
    expect(all).toHaveLength(92);
    const counts = new Map<number | null, number>();
    for (const { record } of all) counts.set(record.number, (counts.get(record.number) ?? 0) + 1);
    expect(counts.get(37)).toBe(5);
    expect(counts.get(39)).toBe(4);
    expect(counts.get(57)).toBe(4);
    expect(new Set(all.map((p) => p.record.status))).toEqual(new Set(["accepted", "proposed", "deprecated"]));
    expect(all.every((p) => p.record.date !== null)).toBe(true);
    // The date comes from `created:` (no `date:` key exists) in files with front matter.
    const first = byName(all, "0001-record");
    expect(first.frontMatter?.date).toBeUndefined();
    expect(first.frontMatter?.created).toBe("2019-08-01");
    expect(first.date).toBe("2019-08-01");
    expect(first.title).toBe("Record architecture decisions");
    expect(byName(all, "0006").title).toBe("Blocking and Non-Blocking Retry");
    expect(byName(all, "0061-reject").title).toBe("Route Mapping Failures Through RejectMessage");
    expect(byName(all, "0057-replay")).toMatchObject({ frontMatter: null, status: "accepted", statusStyle: "section", date: "2026-04-16" });
    expect(all.every((p) => !/^\d/.test(p.record.title ?? ""))).toBe(true);
  });

  it("madr: 'on hold' kept as written, no guessed statuses, MADR 4 format", () => {
    const all = readRepo("adr__madr");
    expect(all).toHaveLength(19);
    expect(byName(all, "0003").status).toBe("on hold");
    expect(byName(all, "0003").diagnostics).toEqual([expect.objectContaining({ rule: "status-unknown", line: 4 })]);
    expect(all.filter((p) => p.record.status !== null)).toHaveLength(1);
    expect(all.every((p) => p.record.format === "madr4")).toBe(true);
    expect(byName(all, "0005").consideredOptions[0]).toBe("NNNN-title-with-dashes.md - format used by adr-tools");
    expect(byName(all, "0005").chosenOption).toBe("NNNN-title-with-dashes.md");
    expect(byName(all, "0017").chosenOption).toBe('Section "Consequences" listing positive and negative consequences as "Good, because" and "Bad, because"');
  });

  it("elastisys: MADR 2 bullets, [Superseded by …] prefixes stripped and recorded", () => {
    const all = readRepo("elastisys__compliantkubernetes");
    expect(all).toHaveLength(57);
    const superseded = all.filter((p) => p.record.status === "superseded");
    expect(superseded.map((p) => p.name.slice(0, 4))).toEqual(["0003", "0011", "0012", "0016", "0023"]);
    for (const { record } of superseded) {
      expect(record.title).not.toMatch(/superseded/i);
      expect(record.supersededBy).toHaveLength(1);
    }
    expect(byName(all, "0003")).toMatchObject({ title: "Push Metrics via InfluxDB", supersededBy: [{ number: 19, target: "0019-push-metrics-via-thanos.md" }] });
    expect(byName(all, "0010").status).toBe("proposed");
    expect(byName(all, "0056").status).toBe("accepted");
    expect(all.filter((p) => p.name !== "0000-use-markdown-architectural-decision-records.md").every((p) => p.record.format === "madr2")).toBe(true);
    expect(byName(all, "0001").decisionMakers).toContain("Cristian Klein");
  });
});
