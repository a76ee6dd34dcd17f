import { describe, expect, it } from "@jest/globals";
import { rankDecisions, searchTerms, type SearchableAdr } from "../../src/mcp/search.js";

const adr = (number: number, title: string, text: string): SearchableAdr => ({ number, title, status: "accepted", path: `docs/adr/${number}.md`, text: `# ${title}\n\n${text}` });

const ADRS = [
  adr(1, "Record architecture decisions", "We keep ADRs in docs/adr. Kafka is mentioned once here."),
  adr(2, "Use PostgreSQL for orders", "Orders need transactions; PostgreSQL gives them. We considered MongoDB."),
  adr(3, "Choose a message broker", "We pick Kafka for the order events. Kafka keeps a replayable log; RabbitMQ was the alternative."),
  adr(4, "Cache sessions in Redis", "Sessions live in Redis with a TTL."),
];

describe("searchTerms", () => {
  it("lower-cases, splits on punctuation and drops stop words", () => {
    expect(searchTerms("Use the Message-Broker for ORDERS")).toEqual(["message", "broker", "orders"]);
  });

  it("keeps stop words when the query has nothing else", () => {
    expect(searchTerms("to be")).toEqual(["to", "be"]);
  });
});

describe("rankDecisions", () => {
  it("ranks a title match above body mentions", () => {
    const hits = rankDecisions(ADRS, "message broker");
    expect(hits.map((h) => h.number)).toEqual([3]);
    expect(hits[0]!.snippet).toContain("broker");
  });

  it("ranks the ADR that discusses a term above one that mentions it in passing", () => {
    const hits = rankDecisions(ADRS, "kafka");
    expect(hits.map((h) => h.number)).toEqual([3, 1]);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it("prefers ADRs matching every term", () => {
    const hits = rankDecisions(ADRS, "orders mongodb");
    expect(hits[0]!.number).toBe(2);
    // ADR 3 says "order", not "orders": substring terms, no stemming.
    expect(hits.map((h) => h.number)).toEqual([2]);
    expect(rankDecisions(ADRS, "order mongodb").map((h) => h.number)).toEqual([2, 3]);
  });

  it("is case-insensitive and leaves out ADRs that match nothing", () => {
    expect(rankDecisions(ADRS, "REDIS").map((h) => h.number)).toEqual([4]);
    expect(rankDecisions(ADRS, "graphql")).toEqual([]);
    expect(rankDecisions(ADRS, "   ")).toEqual([]);
  });

  it("honours the limit and keeps input order on ties", () => {
    const same = [adr(7, "Alpha", "shared word"), adr(8, "Beta", "shared word")];
    expect(rankDecisions(same, "shared").map((h) => h.number)).toEqual([7, 8]);
    expect(rankDecisions(same, "shared", 1).map((h) => h.number)).toEqual([7]);
  });

  it("makes a one-line snippet around the first match", () => {
    const long = adr(9, "Long", `${"filler ".repeat(40)}the needle sits here ${"tail ".repeat(40)}`);
    const [hit] = rankDecisions([long], "needle");
    expect(hit!.snippet).toMatch(/^….*needle sits here.*…$/);
    expect(hit!.snippet).not.toContain("\n");
  });
});
