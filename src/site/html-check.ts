// A cheap second look at rendered HTML read back from the render cache. The cache lives in the
// repository (`.adrgen/cache`), so a committed or edited cache file must never smuggle markup into the
// site: an entry with any tag, attribute or URL the renderer itself never produces is rendered afresh.

const TAGS = new Set([
  "a", "blockquote", "br", "code", "del", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "img", "input",
  "li", "ol", "p", "pre", "section", "span", "strong", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
]);
const ATTRIBUTES = new Set([
  "href", "src", "alt", "title", "id", "class", "align", "type", "checked", "disabled", "start",
  "data-footnote-ref", "data-footnote-backref", "data-footnotes", "aria-describedby", "aria-label",
]);
// Quoted values may hold `>`; a browser keeps reading the tag, so this reader must too.
const TAG = /<(\/?)([^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /\s([^\s=/>]+)(?:="([^"]*)")?/g;
const SAFE_URL = /^(?:https?:|mailto:|adrgen-link:|adrgen-image:|#|(?![a-z][a-z0-9+.-]*:)[^\s]*$)/i;

/** True when the HTML holds only what render-markdown.ts emits: known tags, known attributes, safe URLs. */
export function isRendererHtml(html: string): boolean {
  if (html.includes("<!") || html.includes("<?")) return false;
  for (const tag of html.matchAll(TAG)) {
    if (!TAGS.has(tag[2]!.toLowerCase())) return false;
    if (tag[1] === "/") continue;
    const attrs = tag[3]!;
    // Only double-quoted values, as rehype-stringify writes them: an unquoted value could hide a URL.
    if (/['`]|=(?!"")/.test(attrs.replace(/"[^"]*"/g, '""'))) return false;
    for (const attr of attrs.matchAll(ATTRIBUTE)) {
      const name = attr[1]!.toLowerCase();
      if (!ATTRIBUTES.has(name)) return false;
      // Browsers decode character references in URLs (`javascript&#x3A;`): check the decoded value, and
      // refuse named references (`&colon;`), which rehype-stringify never writes in a URL.
      if (name !== "href" && name !== "src") continue;
      const raw = attr[2] ?? "";
      if (/&(?!amp;)[a-z]/i.test(raw) || !SAFE_URL.test(decodeNumericReferences(raw))) return false;
    }
  }
  return true;
}

function decodeNumericReferences(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_m, hex: string) => String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff)))
    .replace(/&#(\d+);?/g, (_m, dec: string) => String.fromCodePoint(Math.min(Number(dec), 0x10ffff)))
    .replace(/&amp;/gi, "&");
}
