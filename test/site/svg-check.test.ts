// The SVG allowlist: drawings go into the site, anything that could run script, navigate or fetch stays out
// (its alt text shows instead), however the markup is spelt.
import { afterAll, describe, expect, it } from "@jest/globals";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { createMediaCollector } from "../../src/site/media.js";
import { isInertSvg } from "../../src/site/svg-check.js";
import { cleanupTempDirs, makeTempDir } from "../helpers/tmp.js";

afterAll(cleanupTempDirs);

const svg = (body: string, attrs = "") => `<svg xmlns="http://www.w3.org/2000/svg"${attrs}>${body}</svg>`;

describe("isInertSvg", () => {
  it("accepts drawings: shapes, gradients, text, same-document references, a DOCTYPE and comments", () => {
    const drawings = [
      svg('<rect width="4" height="4" fill="#123"/><use href="#a"/>'),
      `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<!-- made by hand -->\n` +
        svg('<defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs><path d="M0 0L4 4" stroke="url(#g)" style="fill: url( \'#g\' )"/><text x="1">a &amp; b &#x3C; c</text>', ' xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 4 4"'),
      svg('<title>Flow</title><g transform="translate(1 1)"><use xlink:href="#g"/></g>', ' xmlns:xlink="http://www.w3.org/1999/xlink"'),
    ];
    for (const text of drawings) expect([text, isInertSvg(text)]).toEqual([text, true]);
  });

  it("refuses the reviewer's bypass: an animated javascript: link and remote CSS", () => {
    expect(isInertSvg(svg('<a><set attributeName="href" to="jav&#x61;script:alert(1)"/><rect width="9" height="9"/></a>'))).toBe(false);
    expect(isInertSvg(svg("<style>@import url(https://evil/x.css)</style><rect/>"))).toBe(false);
  });

  it("refuses script, animation, foreign content, event handlers, outside links and outside url()s in any spelling", () => {
    const active = [
      svg("<script>alert(1)</script>"),
      svg('<svg:script xmlns:svg="http://www.w3.org/2000/svg">alert(1)</svg:script>'),
      svg('<rect><animate attributeName="x" values="0;1"/></rect>'),
      svg('<animateTransform attributeName="transform"/>'),
      svg("<foreignObject><div>x</div></foreignObject>"),
      svg("<rect/>", ' onload="alert(1)"'),
      svg('<rect ONLOAD="alert(1)"/>'),
      svg('<use href="https://evil.example/sprite.svg#a"/>'),
      svg('<use href="jav&#x61;script:alert(1)"/>'),
      svg('<use xlink:href="data:image/svg+xml,x"/>', ' xmlns:xlink="http://www.w3.org/1999/xlink"'),
      svg('<use x:href="javascript:alert(1)"/>', ' xmlns:x="http://www.w3.org/1999/xlink"'),
      svg('<image href="#a"/>'),
      svg('<rect fill="url(https://evil.example/x)"/>'),
      svg('<rect fill="&#x75;rl(https://evil.example/x)"/>'),
      svg('<rect style="fill: URL( \'//evil.example/x\' )"/>'),
      svg('<rect style="fill: u\\72l(//evil.example/x)"/>'),
      svg('<rect fill="&bogus;"/>'),
      '<!DOCTYPE svg [<!ENTITY x "javascript:">]>' + svg('<use href="&x;"/>'),
      '<?xml-stylesheet href="https://evil.example/x.css"?>' + svg("<rect/>"),
      svg("<rect/>", ' xmlns="http://www.w3.org/1999/xhtml"'),
      svg("<rect>"),
      "<html><svg></svg></html>",
      "not xml at all",
    ];
    for (const text of active) expect([text, isInertSvg(text)]).toEqual([text, false]);
  });
});

describe("createMediaCollector with SVGs", () => {
  it("copies an inert SVG and leaves a refused one to its alt text (no site path)", () => {
    const dir = makeTempDir({ "docs/adr/.keep": "" });
    writeFileSync(path.join(dir, "docs/adr/ok.svg"), svg('<circle r="2"/>'));
    writeFileSync(path.join(dir, "docs/adr/bypass.svg"), svg('<a><set attributeName="href" to="jav&#x61;script:alert(1)"/><rect width="9" height="9"/></a><style>@import url(https://evil/x.css)</style>'));
    const media = createMediaCollector(dir);
    expect(media.sitePath("docs/adr/ok.svg")).toMatch(/^media\/[0-9a-f]{10}-ok\.svg$/);
    expect(media.sitePath("docs/adr/bypass.svg")).toBeUndefined();
    expect(media.files().map((f) => f.source)).toEqual([path.join(dir, "docs/adr/ok.svg")]);
  });
});
