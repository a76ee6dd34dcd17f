// A cheap second look at rendered HTML read back from the render cache. The cache's entries are
// authenticated (page-cache.ts, cache-secret.ts), so a planted entry never gets here; this check is the
// second line, should a key leak: an entry with any tag, attribute or URL the renderer itself never
// writes, or written in a shape rehype-stringify never uses, is rendered afresh.

const TAGS = new Set([
  "a", "blockquote", "br", "code", "del", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "img", "input",
  "li", "ol", "p", "pre", "section", "span", "strong", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
]);
const ATTRIBUTES = new Set([
  "href", "src", "alt", "title", "id", "class", "align", "type", "checked", "disabled", "start",
  "data-footnote-ref", "data-footnote-backref", "data-footnotes", "aria-describedby", "aria-label",
]);
// rehype-stringify's shape exactly: lower-case names, one space before each attribute, values in double
// quotes. Anything else a browser would still read as attributes (`<img/src=x/onerror=…>`, unquoted
// values, a tag left open at the end) does not match. `<` and `>` in a value are refused too: the
// renderer's values never hold them where it matters, and a browser-vs-regex disagreement starts there.
const TAG = /<(\/?)([a-z][a-z0-9]*)((?: [a-z][a-z-]*(?:="[^"<>]*")?)*)>/y;
const ATTRIBUTE = / ([a-z][a-z-]*)(?:="([^"]*)")?/g;
// The renderer writes remote links as they are, fragments, and placeholders for everything relative.
const SAFE_HREF = /^(?:https?:|mailto:|#|\/\/|adrgen-link:[\w.-]*$|$)/i;
// Every <img> the renderer writes is a placeholder: remote images become links.
const SAFE_SRC = /^adrgen-image:[\w.-]*$/;

/** True when the HTML holds only what render-markdown.ts emits: known tags, known attributes, safe URLs. */
export function isRendererHtml(html: string): boolean {
  // Every `<` must open a well-formed tag: text from the renderer has its `<` escaped (`&#x3C;`).
  for (let at = html.indexOf("<"); at >= 0; at = html.indexOf("<", at)) {
    TAG.lastIndex = at;
    const tag = TAG.exec(html);
    if (!tag || !TAGS.has(tag[2]!)) return false;
    if (tag[1] === "/" ? tag[3] !== "" : !safeAttributes(tag[3]!)) return false;
    at = TAG.lastIndex;
  }
  return true;
}

function safeAttributes(attrs: string): boolean {
  for (const [, name, raw = ""] of attrs.matchAll(ATTRIBUTE)) {
    if (!ATTRIBUTES.has(name!)) return false;
    if (name !== "href" && name !== "src") continue;
    // Browsers decode character references in URLs (`javascript&#x3A;`): check the decoded value, and
    // refuse named references (`&colon;`), which rehype-stringify never writes in a URL.
    if (/&(?!amp;)[a-z]/i.test(raw)) return false;
    if (!(name === "href" ? SAFE_HREF : SAFE_SRC).test(decodeNumericReferences(raw))) return false;
  }
  return true;
}

function decodeNumericReferences(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_m, hex: string) => String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff)))
    .replace(/&#(\d+);?/g, (_m, dec: string) => String.fromCodePoint(Math.min(Number(dec), 0x10ffff)))
    .replace(/&amp;/gi, "&");
}
