import { describe, expect, it } from "@jest/globals";
import MiniSearch from "minisearch";
import type { AdrSummary } from "../../src/domain/adr.js";
import { toSearchDocument, type SearchDocument } from "../../src/search/document.js";
import { highlightRanges, matchingLines } from "../../src/search/lines.js";
import { SEARCH_OPTIONS } from "../../src/search/options.js";
import { searchAdrs } from "../../src/search/search.js";
import { summaryOf } from "../helpers/summary.js";

function doc(number: number, title: string, body: string, extra: Partial<AdrSummary> = {}): SearchDocument {
  const summary = summaryOf(`${String(number).padStart(4, "0")}-x.md`, { title, date: "2024-01-01", ...extra });
  return toSearchDocument(summary, `# ${title}\n\n${body}\n`);
}

const DOCS = [
  doc(1, "Record architecture decisions", "We keep ADRs in docs/adr. Kafka is mentioned once here."),
  doc(2, "Use PostgreSQL for orders", "Orders need transactions; PostgreSQL gives them.\nWe considered MongoDB.", { tags: ["database"] }),
  doc(3, "Choose a message broker", "We pick Kafka for the order events.\nKafka keeps a replayable log; RabbitMQ was the alternative.", { tags: ["messaging", "events"], status: "proposed" }),
  doc(4, "Cache sessions in Redis", "Sessions live in Redis with a TTL.\nEvent sourcing was out of scope.", { tags: ["caching"] }),
  doc(5, "Adopt event sourcing for billing", "Billing keeps every event; sourcing the state from them.", { tags: ["events", "billing"] }),
];

const numbers = (hits: ReturnType<typeof searchAdrs>) => hits.map((h) => h.doc.number);

describe("searchAdrs ranking", () => {
  it("ranks a title hit above a body hit", () => {
    const hits = searchAdrs(DOCS, "kafka broker");
    expect(numbers(hits)).toEqual([3]);
    const kafka = searchAdrs(DOCS, "kafka");
    expect(numbers(kafka)).toEqual([3, 1]);
    const redis = searchAdrs(DOCS, "sessions");
    expect(numbers(redis)).toEqual([4]);
    const postgres = searchAdrs([...DOCS, doc(6, "Backups", "PostgreSQL dumps run nightly.")], "postgresql");
    expect(numbers(postgres)).toEqual([2, 6]);
    expect(postgres[0]!.score).toBeGreaterThan(postgres[1]!.score);
  });

  it("ranks a tag hit above a body-only hit", () => {
    const tagged = doc(7, "Logging", "Nothing else.", { tags: ["observability"] });
    const body = doc(8, "Metrics", "Observability matters to us.");
    expect(numbers(searchAdrs([body, tagged], "observability"))).toEqual([7, 8]);
  });

  it("matches prefixes from three letters and one typo in long words", () => {
    expect(numbers(searchAdrs(DOCS, "postgr"))).toEqual([2]);
    expect(numbers(searchAdrs(DOCS, "po"))).toEqual([]);
    expect(numbers(searchAdrs(DOCS, "postgrsql"))).toEqual([2]);
    expect(numbers(searchAdrs(DOCS, "redsi"))).toEqual([]);
  });

  it("needs every term, and falls back to any term when none has all", () => {
    expect(numbers(searchAdrs(DOCS, "billing event"))).toEqual([5]);
    expect(new Set(numbers(searchAdrs(DOCS, "mongodb rabbitmq")))).toEqual(new Set([2, 3]));
  });

  it("filters by status (any of) and tags (all of)", () => {
    expect(numbers(searchAdrs(DOCS, "kafka", { status: ["proposed"] }))).toEqual([3]);
    expect(numbers(searchAdrs(DOCS, "kafka", { status: ["Accepted", "rejected"] }))).toEqual([1]);
    expect(numbers(searchAdrs(DOCS, "event", { tags: ["events"] })).sort()).toEqual([3, 5]);
    expect(numbers(searchAdrs(DOCS, "event", { tags: ["events", "Billing"] }))).toEqual([5]);
    expect(searchAdrs(DOCS, "event", { tags: ["nope"] })).toEqual([]);
  });

  it("requires quoted phrases as written and honours -exclusions", () => {
    expect(numbers(searchAdrs(DOCS, '"event sourcing"')).sort()).toEqual([4, 5]);
    expect(numbers(searchAdrs(DOCS, '"sourcing event"'))).toEqual([]);
    expect(numbers(searchAdrs(DOCS, '"event sourcing" -redis'))).toEqual([5]);
    expect(numbers(searchAdrs(DOCS, "kafka -rabbitmq"))).toEqual([1]);
  });

  it("searches stop-word-only queries as a phrase", () => {
    const hits = searchAdrs([doc(9, "Hamlet", "To be or not to be."), doc(10, "Other", "Nothing.")], "to be");
    expect(numbers(hits)).toEqual([9]);
    expect(hits[0]!.matches).toEqual([{ line: 3, text: "To be or not to be." }]);
  });

  it("honours the limit and breaks ties by path", () => {
    const same = [doc(12, "Beta", "shared word"), doc(11, "Alpha", "shared word")];
    expect(numbers(searchAdrs(same, "shared"))).toEqual([11, 12]);
    expect(numbers(searchAdrs(same, "shared", {}, 1))).toEqual([11]);
    expect(searchAdrs(DOCS, "   ")).toEqual([]);
    expect(searchAdrs(DOCS, "graphql")).toEqual([]);
  });

  it("finds accented and kebab-case text either way", () => {
    const fr = doc(13, "Décision sur la file d'attente", "Le système read-model est réparti.", { tags: ["event-driven"] });
    expect(numbers(searchAdrs([fr], "decision"))).toEqual([13]);
    expect(numbers(searchAdrs([fr], "systeme réparti"))).toEqual([13]);
    expect(numbers(searchAdrs([fr], "event-driven"))).toEqual([13]);
    expect(numbers(searchAdrs([fr], "read model"))).toEqual([13]);
  });
});

describe("matching lines", () => {
  it("gives 1-based file lines, the best ones first chosen then in file order", () => {
    const [hit] = searchAdrs(DOCS, "kafka log");
    expect(hit!.doc.number).toBe(3);
    // Line 1 is the H1, line 2 blank, then the body.
    expect(hit!.matches).toEqual([
      { line: 3, text: "We pick Kafka for the order events." },
      { line: 4, text: "Kafka keeps a replayable log; RabbitMQ was the alternative." },
    ]);
  });

  it("counts lines of the real file even with front matter", () => {
    const summary = { ...DOCS[0]!, path: "/r/x.md", format: "madr4" as const, supersedes: [], supersededBy: [], links: [], tags: [] };
    const text = "---\nstatus: accepted\n---\n\n# Pick a queue\n\nSome context.\n\nWe chose SQS for cost.\n";
    const d = toSearchDocument({ ...summary, title: "Pick a queue" }, text);
    expect(searchAdrs([d], "sqs")[0]!.matches).toEqual([{ line: 9, text: "We chose SQS for cost." }]);
  });

  it("trims long lines around the match and highlights matched words", () => {
    const long = `${"filler ".repeat(40)}the needle sits here ${"tail ".repeat(40)}`;
    const [line] = matchingLines(long, new Set(["needle"]), []);
    expect(line!.text.length).toBeLessThanOrEqual(162);
    expect(line!.text).toMatch(/^….*needle sits here.*…$/);
    expect(highlightRanges("Kafka and kafka-streams", new Set(["kafka"]))).toEqual([[0, 5], [10, 15]]);
  });
});

describe("SEARCH_OPTIONS", () => {
  it("round-trips through MiniSearch JSON, as the site's prebuilt index does", () => {
    const index = new MiniSearch(SEARCH_OPTIONS);
    index.addAll(DOCS);
    const loaded = MiniSearch.loadJSON(JSON.stringify(index), SEARCH_OPTIONS);
    const hits = loaded.search("kafka");
    expect(hits.map((h) => h.number)).toEqual([3, 1]);
    expect(hits[0]).toMatchObject({ title: "Choose a message broker", status: "proposed", tags: ["messaging", "events"], relPath: "docs/adr/0003-x.md" });
  });
});
