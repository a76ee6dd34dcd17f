// The price table and the README's account of it: every row is either confirmed (with the Anthropic page
// it was read on) or an estimate that says what it rests on, and the docs table shows the same numbers
// and the same confirmed/estimate label for every model.
import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { priceOf, priceTable } from "../../../src/engines/anthropic/pricing.js";

const DOC = readFileSync(fileURLToPath(new URL("../../../docs/readme/anthropic.md", import.meta.url)), "utf8");

/** The docs price table: each model prefix with its five cells. */
function docRows(): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of DOC.split("\n").filter((l) => l.startsWith("| `claude-"))) {
    const cells = line.split("|").slice(1, -1).map((c) => c.trim());
    for (const [, prefix] of cells[0]!.matchAll(/`([^`]+)`/g)) rows.set(prefix!, cells.slice(1));
  }
  return rows;
}

describe("Anthropic prices", () => {
  it("names a source page for every confirmed row and a reason for every estimate", () => {
    for (const [prefix, price] of priceTable()) {
      if (price.source !== null) expect({ prefix, source: price.source }).toEqual({ prefix, source: expect.stringMatching(/^https:\/\/platform\.claude\.com\/docs\//) });
      else expect({ prefix, estimate: price.estimate }).toEqual({ prefix, estimate: expect.stringMatching(/\S{3}/) });
      expect(price.cacheRead).toBeLessThan(price.input);
      expect(price.cacheWrite).toBeGreaterThan(price.input);
    }
  });

  it("matches the README table, row for row, numbers and labels", () => {
    const rows = docRows();
    expect([...rows.keys()].sort()).toEqual(priceTable().map(([prefix]) => prefix).sort());
    for (const [prefix, price] of priceTable()) {
      const [input, output, write, read, label] = rows.get(prefix)!;
      expect({ prefix, prices: [input, output, write, read].map(Number) }).toEqual({ prefix, prices: [price.input, price.output, price.cacheWrite, price.cacheRead] });
      expect({ prefix, label: label!.split(" ")[0] }).toEqual({ prefix, label: price.source === null ? "estimate" : "confirmed" });
    }
  });

  it("prices a dated model id as its model and a model of another family not at all", () => {
    expect(priceOf("claude-sonnet-5-5-20261001")).toBe(priceOf("claude-sonnet-5-5"));
    expect(priceOf("claude-sonnet-5-5")).not.toBe(priceOf("claude-sonnet-5"));
    expect(priceOf("claude-opus-4-20250514")).toBe(priceOf("claude-opus-4"));
    expect(priceOf("gpt-6-sol")).toBeUndefined();
  });
});
