/** @jest-environment node */
// The site's browser search and `adrgen search` rank the same documents alike: same hits, same order,
// same scores, for stop-word-only queries, phrases, exclusions and status/tag filters too.
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { siteAdr, siteModel } from "./pages-fixture.js";
import { EMPTY_STATE, type ViewState } from "../../src/site/client/filter.js";
import { loadSiteSearch, searchSite } from "../../src/site/client/search.js";
import { buildSearchData, siteSearchDocument } from "../../src/site/search-index.js";
import { searchAdrs, type SearchFilters } from "../../src/search/search.js";
import type { SiteAdr } from "../../src/site/model.js";

const round = (score: number) => Math.round(score * 1000) / 1000;

/** Both rankings of a query as [id, score] pairs, best first. */
function both(adrs: SiteAdr[], query: string, filters: SearchFilters = {}) {
  const search = loadSiteSearch(JSON.parse(JSON.stringify(buildSearchData(siteModel(adrs)))))!;
  const state: ViewState = { ...EMPTY_STATE, statuses: filters.status ?? [], tag: filters.tags?.[0] ?? null };
  const site = searchSite(search, query, state).hits.map((h) => [h.id, round(h.score)]);
  const cli = searchAdrs(adrs.map(siteSearchDocument), query, filters, 1000).map((h) => [h.doc.id, h.score]);
  return { site, cli };
}

// Paths sort a → e while the phrase counts rise the other way, so a tie-broken list differs from a ranked one.
const ADRS = [
  siteAdr({ id: "a", title: "Decide to be explicit", status: "proposed", tags: ["db"], text: "It is what it is." }),
  siteAdr({ id: "b", title: "Logging", status: "accepted", tags: ["ops"], text: "to be or not to be\nthat is it" }),
  siteAdr({ id: "c", title: "Events", status: "accepted", tags: ["db"], text: "to be sure, to be fast, to be cheap\nevent sourcing for orders\nevent sourcing again" }),
  siteAdr({ id: "d", title: "Storage", status: "proposed", tags: ["db"], text: "Use event sourcing with Postgres.\nto be decided" }),
  siteAdr({ id: "e", title: "Event sourcing everywhere", status: "accepted", tags: ["ops"], text: "event sourcing, event sourcing, event sourcing. It is to be. to be. to be. to be. to be." }),
];

describe("site search ranks as adrgen search does", () => {
  it("scores a stop-word-only query by how often the phrase appears, title first", () => {
    const { site, cli } = both(ADRS, "to be");
    // e says it five times, a once plus in its title, c three times, b twice, d once.
    expect(cli).toEqual([["e", 5], ["a", 4], ["c", 3], ["b", 2], ["d", 1]]);
    expect(site).toEqual(cli);
    expect(both(ADRS, '"it is"').site).toEqual(both(ADRS, '"it is"').cli);
  });

  it("ranks phrase queries and exclusions the same, scores included", () => {
    for (const query of ['"event sourcing"', '"event sourcing" postgres', "event sourcing -postgres", '"to be" events', "sourcing"]) {
      const { site, cli } = both(ADRS, query);
      expect({ query, site }).toEqual({ query, site: cli });
      expect(cli.length).toBeGreaterThan(0);
    }
  });

  it("applies filters inside the search: the any-term fallback and term weights come out alike", () => {
    // Only b and e (accepted, ops) are left: none holds both words, so both fall back to any word.
    const cases: Array<[string, SearchFilters]> = [
      ["postgres logging", { status: ["accepted"] }],
      ["event sourcing", { status: ["accepted"] }],
      ["to be", { tags: ["db"] }],
      ["storage events", { status: ["proposed"], tags: ["db"] }],
    ];
    for (const [query, filters] of cases) {
      const { site, cli } = both(ADRS, query, filters);
      expect({ query, filters, site }).toEqual({ query, filters, site: cli });
      expect(cli.length).toBeGreaterThan(0);
    }
  });

  it("agrees on random documents and queries (property)", () => {
    const word = fc.constantFrom("to", "be", "it", "is", "event", "sourcing", "kafka", "queue", "cache", "postgres", "api", "the", "of");
    const text = fc.array(fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(" ")), { minLength: 1, maxLength: 4 }).map((l) => l.join("\n"));
    const adr = fc.record({ title: fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(" ")), text, status: fc.constantFrom("accepted", "proposed"), tag: fc.constantFrom("db", "ops") });
    const query = fc.oneof(
      fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(" ")),
      fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => `"${w.join(" ")}"`),
      fc.tuple(word, word).map(([a, b]) => `${a} -${b}`),
    );
    const filters = fc.constantFrom<SearchFilters>({}, { status: ["accepted"] }, { tags: ["db"] });
    fc.assert(
      fc.property(fc.array(adr, { minLength: 1, maxLength: 8 }), query, filters, (docs, q, f) => {
        const adrs = docs.map((d, i) => siteAdr({ id: `adr-${i}`, title: d.title, text: d.text, status: d.status, tags: [d.tag], relPath: `docs/adr/${String(100 - i)}.md` }));
        const { site, cli } = both(adrs, q, f);
        expect(site).toEqual(cli);
      }),
      { numRuns: 150 },
    );
  });
});
