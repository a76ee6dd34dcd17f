// search_decisions' shaping of the shared search (src/search): same ranking as `adrgen search`.
import { describe, expect, it } from "@jest/globals";
import type { AdrSummary } from "../../src/domain/adr.js";
import { mcpSearchHits } from "../../src/mcp/search.js";
import { toSearchDocument } from "../../src/search/document.js";
import { searchAdrs } from "../../src/search/search.js";

function adr(number: number, title: string, text: string) {
  const relPath = `docs/adr/${number}.md`;
  const summary: AdrSummary = { number, title, status: "accepted", date: null, path: `/r/${relPath}`, relPath, dirLabel: "docs/adr", format: "madr4", supersedes: [], supersededBy: [], links: [], tags: [] };
  return toSearchDocument(summary, `# ${title}\n\n${text}`);
}

const ADRS = [
  adr(1, "Record architecture decisions", "We keep ADRs in docs/adr. Kafka is mentioned once here."),
  adr(2, "Use PostgreSQL for orders", "Orders need transactions; PostgreSQL gives them. We considered MongoDB."),
  adr(3, "Choose a message broker", "We pick Kafka for the order events. Kafka keeps a replayable log; RabbitMQ was the alternative."),
  adr(4, "Cache sessions in Redis", "Sessions live in Redis with a TTL."),
];

const rank = (query: string, limit = 10) => mcpSearchHits(searchAdrs(ADRS, query, {}, limit));

describe("search_decisions hits", () => {
  it("ranks a title match above body mentions", () => {
    const hits = rank("message broker");
    expect(hits.map((h) => h.number)).toEqual([3]);
    expect(hits[0]).toMatchObject({ title: "Choose a message broker", status: "accepted", path: "docs/adr/3.md" });
    expect(hits[0]!.snippet).toContain("broker");
  });

  it("ranks the ADR that discusses a term above one that mentions it in passing", () => {
    const hits = rank("kafka");
    expect(hits.map((h) => h.number)).toEqual([3, 1]);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it("prefers ADRs matching every term", () => {
    expect(rank("orders mongodb").map((h) => h.number)).toEqual([2]);
  });

  it("is case-insensitive and leaves out ADRs that match nothing", () => {
    expect(rank("REDIS").map((h) => h.number)).toEqual([4]);
    expect(rank("graphql")).toEqual([]);
    expect(rank("   ")).toEqual([]);
  });

  it("honours the limit", () => {
    expect(rank("kafka", 1).map((h) => h.number)).toEqual([3]);
  });

  it("makes a one-line snippet from the matching line, trimmed around the match", () => {
    const long = adr(9, "Long", `${"filler ".repeat(40)}the needle sits here ${"tail ".repeat(40)}`);
    const [hit] = mcpSearchHits(searchAdrs([long], "needle"));
    expect(hit!.snippet).toMatch(/^….*needle sits here.*…$/);
    expect(hit!.snippet).not.toContain("\n");
  });
});
