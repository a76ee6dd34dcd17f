/** @jest-environment node */
// The browser script's pure parts: view state in the URL, the filter test, and search over the
// prebuilt index, which must rank as `adrgen search` does.
import { describe, expect, it } from "@jest/globals";
import { demoModel, siteAdr, siteModel } from "./pages-fixture.js";
import { countText, EMPTY_STATE, formatState, isFiltered, matchesFilters, NO_STATUS, parseState, statusKey } from "../../src/site/client/filter.js";
import { loadSiteSearch, searchSite, type SiteSearch } from "../../src/site/client/search.js";
import { buildSearchData, siteSearchDocument } from "../../src/site/search-index.js";
import { searchAdrs } from "../../src/search/search.js";
import type { SiteModel } from "../../src/site/model.js";

const prebuilt = (model: SiteModel): SiteSearch => loadSiteSearch(JSON.parse(JSON.stringify(buildSearchData(model))))!;
const ids = (model: SiteModel, query: string, state = EMPTY_STATE) => searchSite(prebuilt(model), query, state).hits.map((h) => h.id);

describe("view state", () => {
  it("round-trips through the hash, with repeated statuses and encoded characters", () => {
    const state = { query: "event sourcing & CQRS", statuses: ["accepted", NO_STATUS], tag: "c++/cli" };
    const hash = formatState(state);
    expect(hash.startsWith("#q=event+sourcing+%26+CQRS&status=accepted&status=%28none%29&tag=")).toBe(true);
    expect(parseState(hash)).toEqual(state);
    expect(parseState(hash.replace("#", "?"))).toEqual(state);
  });

  it("writes no hash for the empty view and reads junk as empty", () => {
    expect(formatState(EMPTY_STATE)).toBe("");
    expect(formatState({ query: "   ", statuses: [], tag: null })).toBe("");
    expect(parseState("")).toEqual(EMPTY_STATE);
    expect(parseState("#status=&tag=&q=&x=1")).toEqual(EMPTY_STATE);
    expect(parseState("#status=a&status=a")).toEqual({ ...EMPTY_STATE, statuses: ["a"] });
  });

  it("filters by any of the statuses and by the tag", () => {
    const item = { status: "accepted", tags: ["db", "api"] };
    expect(matchesFilters(item, EMPTY_STATE)).toBe(true);
    expect(matchesFilters(item, { ...EMPTY_STATE, statuses: ["proposed", "accepted"] })).toBe(true);
    expect(matchesFilters(item, { ...EMPTY_STATE, statuses: ["proposed"] })).toBe(false);
    expect(matchesFilters(item, { ...EMPTY_STATE, tag: "api" })).toBe(true);
    expect(matchesFilters(item, { ...EMPTY_STATE, tag: "ap" })).toBe(false);
    expect(statusKey(null)).toBe(NO_STATUS);
    expect(statusKey("")).toBe(NO_STATUS);
  });

  it("counts with the right noun and says 'of' only when filtered", () => {
    expect(countText(3, 3, false)).toBe("3 decisions");
    expect(countText(1, 1, false)).toBe("1 decision");
    expect(countText(0, 12, true)).toBe("0 of 12 decisions");
    expect(isFiltered({ ...EMPTY_STATE, query: " " })).toBe(false);
    expect(isFiltered({ ...EMPTY_STATE, tag: "x" })).toBe(true);
  });
});

describe("searchSite", () => {
  it("finds by title, tags and body, title first", () => {
    expect(ids(demoModel(), "postgresql")).toEqual(["0002-postgres", "0004-cockroach"]);
    expect(ids(demoModel(), "scaling")).toEqual(["0004-cockroach"]);
    expect(ids(demoModel(), "partition")).toEqual(["0003-kafka"]);
  });

  it("needs every term, then falls back to any term", () => {
    expect(ids(demoModel(), "postgresql wire")).toEqual(["0004-cockroach"]);
    expect(ids(demoModel(), "kafka cockroachdb").sort()).toEqual(["0003-kafka", "0004-cockroach"]);
  });

  it("honours quoted phrases and -exclusions", () => {
    expect(ids(demoModel(), `"ordered log"`)).toEqual(["0003-kafka"]);
    expect(ids(demoModel(), `"log ordered"`)).toEqual([]);
    expect(ids(demoModel(), "postgresql -cockroachdb")).toEqual(["0002-postgres"]);
  });

  it("applies the status and tag filters", () => {
    expect(ids(demoModel(), "postgresql", { ...EMPTY_STATE, statuses: ["superseded"] })).toEqual(["0002-postgres"]);
    expect(ids(demoModel(), "postgresql", { ...EMPTY_STATE, tag: "scaling" })).toEqual(["0004-cockroach"]);
    expect(ids(demoModel(), "graphql", { ...EMPTY_STATE, statuses: [NO_STATUS] })).toEqual(["0005-graphql"]);
  });

  it("returns page links, a matching line and its highlight ranges", () => {
    const [hit] = searchSite(prebuilt(demoModel()), "wire protocol", EMPTY_STATE).hits;
    expect(hit).toMatchObject({ id: "0004-cockroach", href: "adr/0004-cockroach.html", number: 4, status: "accepted", snippet: "CockroachDB speaks the PostgreSQL wire protocol." });
    expect(hit!.highlights.map(([s, e]) => hit!.snippet.slice(s, e))).toEqual(["wire", "protocol"]);
  });

  it("counts every match but makes snippets for the first hits only", () => {
    const model = siteModel(Array.from({ length: 30 }, (_, i) => siteAdr({ id: `a${String(i).padStart(2, "0")}`, title: `Cache ${i}`, text: `cache line ${i}` })));
    const results = searchSite(prebuilt(model), "cache", EMPTY_STATE, 10);
    expect(results.total).toBe(30);
    expect(results.hits).toHaveLength(10);
    expect(searchSite(prebuilt(model), "cache", EMPTY_STATE).hits).toHaveLength(30);
  });

  it("finds nothing for an empty query and refuses data of another version", () => {
    expect(ids(demoModel(), "  ")).toEqual([]);
    expect(loadSiteSearch(undefined)).toBeNull();
    expect(loadSiteSearch({ ...buildSearchData(demoModel()), version: 99 })).toBeNull();
  });

  it("ranks as adrgen search does over the same documents", () => {
    const words = ["queue", "database", "cache", "events", "postgres", "kafka", "api", "graphql", "latency", "cost"];
    const adrs = Array.from({ length: 60 }, (_, i) =>
      siteAdr({
        id: `adr-${String(i).padStart(3, "0")}`,
        number: i,
        title: `Decision ${i} on ${words[i % words.length]}`,
        status: ["accepted", "proposed", null][i % 3]!,
        tags: [words[(i * 3) % words.length]!],
        relPath: `docs/adr/${String(i).padStart(4, "0")}.md`,
        text: Array.from({ length: 1 + (i % 5) }, (_, j) => `line ${j} mentions ${words[(i + j * 7) % words.length]} and ${words[(i * j) % words.length]}`).join("\n"),
      }),
    );
    const model = siteModel(adrs);
    const docs = adrs.map(siteSearchDocument);
    let nonEmpty = 0;
    for (const query of ["kafka", "database cache", "postgres latency", `"mentions kafka"`, "api -graphql", "decision", "evnts"]) {
      const cli = searchAdrs(docs, query, {}, 200).map((h) => h.doc.id);
      expect({ query, ids: ids(model, query) }).toEqual({ query, ids: cli });
      if (cli.length > 1) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThanOrEqual(5);
  });
});
