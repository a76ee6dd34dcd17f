import { describe, expect, it } from "@jest/globals";
import { placeIndexBlock } from "../../src/markdown/index-block.js";

const BLOCK = ["<!-- adrgen:index:start -->", "table", "<!-- adrgen:index:end -->"];

describe("placeIndexBlock", () => {
  it("creates a file with a heading", () => {
    expect(placeIndexBlock(undefined, BLOCK)).toEqual({
      ok: true,
      text: "# Architecture Decision Records\n\n<!-- adrgen:index:start -->\ntable\n<!-- adrgen:index:end -->\n",
    });
  });

  it("replaces only what is between the markers, keeping CRLF and the text around", () => {
    const existing = "# Our ADRs\r\n\r\nIntro.\r\n<!-- adrgen:index:start -->\r\nold\r\nrows\r\n<!-- adrgen:index:end -->\r\nFooter.\r\n";
    expect(placeIndexBlock(existing, BLOCK)).toEqual({
      ok: true,
      text: "# Our ADRs\r\n\r\nIntro.\r\n<!-- adrgen:index:start -->\r\ntable\r\n<!-- adrgen:index:end -->\r\nFooter.\r\n",
    });
  });

  it("appends the block to a file without markers", () => {
    expect(placeIndexBlock("# ADRs\n\nHand-written.\n\n\n", BLOCK)).toEqual({
      ok: true,
      text: "# ADRs\n\nHand-written.\n\n<!-- adrgen:index:start -->\ntable\n<!-- adrgen:index:end -->\n\n\n",
    });
    expect(placeIndexBlock("# ADRs", BLOCK)).toEqual({
      ok: true,
      text: "# ADRs\n\n<!-- adrgen:index:start -->\ntable\n<!-- adrgen:index:end -->\n",
    });
  });

  it("refuses a start marker without an end marker", () => {
    expect(placeIndexBlock("x\n<!-- adrgen:index:start -->\nrest\n", BLOCK)).toMatchObject({ ok: false });
    expect(placeIndexBlock("x\n<!-- adrgen:index:end -->\n", BLOCK)).toMatchObject({ ok: false });
  });
});
